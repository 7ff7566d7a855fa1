import { SLOT_MAX_MINUTES, type Slot } from '@pairboard/contracts';

export const CELL_MINUTES = 30;
export const CELLS_PER_DAY = (24 * 60) / CELL_MINUTES;
const CELL_MS = CELL_MINUTES * 60_000;
const MAX_CELLS_PER_SLOT = SLOT_MAX_MINUTES / CELL_MINUTES;

/** Local midnight of the Monday of the week holding `at`. */
export function weekStart(at: number): Date {
  const date = new Date(at);
  const sinceMonday = (date.getDay() + 6) % 7;
  return new Date(date.getFullYear(), date.getMonth(), date.getDate() - sinceMonday);
}

export function addDays(date: Date, days: number): Date {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate() + days);
}

/**
 * The start (epoch ms) of a half-hour cell in the viewer's zone. Built from wall-clock parts, so a
 * day with a daylight-saving change still has its cells at the times printed beside them.
 */
export function cellStart(day: Date, index: number): number {
  return new Date(day.getFullYear(), day.getMonth(), day.getDate(), Math.floor(index / 2), (index % 2) * CELL_MINUTES).getTime();
}

/**
 * The row the calendar opens at: an hour before the earliest time of day already chosen (people
 * pick the same hours week after week), or else an hour before the current time, so the evening
 * hours most people practise in are in view when they look in the evening.
 */
export function firstRowToShow(selected: Iterable<number>, now: number): number {
  const rowOf = (at: number) => {
    const date = new Date(at);
    return date.getHours() * 2 + (date.getMinutes() >= CELL_MINUTES ? 1 : 0);
  };
  let earliest: number | null = null;
  for (const cell of selected) earliest = Math.min(earliest ?? CELLS_PER_DAY, rowOf(cell));
  return Math.max(0, (earliest ?? rowOf(now)) - 2);
}

/**
 * Selected cells (their start instants) as request slots: neighbouring cells merge into one slot,
 * cut every eight hours because a slot may not be longer.
 */
export function cellsToSlots(cells: Iterable<number>): Slot[] {
  const sorted = [...new Set(cells)].sort((a, b) => a - b);
  const slots: Slot[] = [];
  let start: number | null = null;
  let end = 0;
  let count = 0;
  for (const cell of sorted) {
    if (start !== null && cell === end && count < MAX_CELLS_PER_SLOT) {
      end = cell + CELL_MS;
      count += 1;
      continue;
    }
    if (start !== null) slots.push(toSlot(start, end));
    start = cell;
    end = cell + CELL_MS;
    count = 1;
  }
  if (start !== null) slots.push(toSlot(start, end));
  return slots;
}

/** The cells a set of slots covers (a slot's partial half-hours count as a whole cell). */
export function slotsToCells(slots: readonly Slot[]): Set<number> {
  const cells = new Set<number>();
  for (const slot of slots) {
    const end = Date.parse(slot.end);
    for (let cell = Math.floor(Date.parse(slot.start) / CELL_MS) * CELL_MS; cell < end; cell += CELL_MS) cells.add(cell);
  }
  return cells;
}

function toSlot(start: number, end: number): Slot {
  return { start: new Date(start).toISOString(), end: new Date(end).toISOString() };
}

/** The viewer's IANA time zone, e.g. `Europe/Paris`. */
export function localTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}
