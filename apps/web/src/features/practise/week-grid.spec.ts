import { slotProblems } from '@pairboard/contracts';
import { addDays, cellStart, cellsToSlots, firstRowToShow, slotsToCells, weekStart } from './week-grid';

const HALF_HOUR = 30 * 60_000;

describe('week grid', () => {
  it('starts weeks on Monday at local midnight', () => {
    const monday = weekStart(new Date(2030, 0, 10, 15, 20).getTime());
    expect([monday.getFullYear(), monday.getMonth(), monday.getDate(), monday.getHours()]).toEqual([2030, 0, 7, 0]);
  });

  it('merges neighbouring cells into slots and cuts them every eight hours', () => {
    const day = new Date(2030, 0, 7);
    const morning = [18, 19, 20].map((index) => cellStart(day, index));
    const evening = [36].map((index) => cellStart(day, index));
    expect(cellsToSlots([...evening, ...morning])).toEqual([
      { start: new Date(2030, 0, 7, 9).toISOString(), end: new Date(2030, 0, 7, 10, 30).toISOString() },
      { start: new Date(2030, 0, 7, 18).toISOString(), end: new Date(2030, 0, 7, 18, 30).toISOString() },
    ]);
    const long = Array.from({ length: 20 }, (_, index) => cellStart(day, index));
    const slots = cellsToSlots(long);
    expect(slots.map((slot) => (Date.parse(slot.end) - Date.parse(slot.start)) / HALF_HOUR)).toEqual([16, 4]);
    expect(slotProblems(slots, day.getTime() - 1)).toEqual([]);
  });

  it('turns slots back into the same cells', () => {
    const day = new Date(2030, 0, 8);
    const cells = [4, 5, 6, 30].map((index) => cellStart(day, index));
    expect([...slotsToCells(cellsToSlots(cells))].sort()).toEqual([...cells].sort());
  });
  it('opens an hour before the earliest chosen time of day, or else an hour before now', () => {
    const day = new Date(2030, 0, 7);
    const evening = new Date(2030, 0, 8, 19, 40).getTime();
    // Nothing chosen, looking at 19:40: the rows from 18:30 on are in view, not 08:00.
    expect(firstRowToShow([], evening)).toBe(37);
    // Chosen cells on different days: the earliest time of day wins, whatever the day.
    expect(firstRowToShow([cellStart(addDays(day, 2), 40), cellStart(day, 41), cellStart(addDays(day, 1), 38)], evening)).toBe(36);
    // Never above midnight.
    expect(firstRowToShow([cellStart(day, 1)], evening)).toBe(0);
  });
});
