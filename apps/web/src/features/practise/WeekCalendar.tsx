import { SLOT_HORIZON_DAYS } from '@pairboard/contracts';
import { useEffect, useMemo, useRef, useState, type PointerEvent as ReactPointerEvent } from 'react';
import { Button, cx } from '../../ui';
import { addDays, CELLS_PER_DAY, cellStart, firstRowToShow, weekStart } from './week-grid';

interface WeekCalendarProps {
  selected: ReadonlySet<number>;
  onChange(next: Set<number>): void;
  now: number;
  timeZone: string;
}

const WEEKS_AHEAD = Math.ceil(SLOT_HORIZON_DAYS / 7);

/**
 * A week of half-hour cells in the viewer's zone. Press and drag to paint cells in (or out, when
 * the drag starts on a chosen cell); each cell is also a toggle button for the keyboard.
 */
export function WeekCalendar({ selected, onChange, now, timeZone }: WeekCalendarProps) {
  const [weekOffset, setWeekOffset] = useState(0);
  const monday = useMemo(() => addDays(weekStart(now), weekOffset * 7), [now, weekOffset]);
  const days = useMemo(() => Array.from({ length: 7 }, (_, index) => addDays(monday, index)), [monday]);
  const horizon = now + SLOT_HORIZON_DAYS * 24 * 3_600_000;
  const drag = useRef<{ adding: boolean; touched: Set<number> } | null>(null);
  const scroller = useRef<HTMLDivElement>(null);

  // Once, on opening: later changes to the choice must not move the grid under the pointer.
  const firstRow = useRef(firstRowToShow(selected, now));
  useEffect(() => {
    const row = scroller.current?.querySelector<HTMLElement>(`[data-row="${firstRow.current}"]`);
    if (scroller.current && row) scroller.current.scrollTop = row.offsetTop - 40;
  }, []);

  useEffect(() => {
    const stop = () => (drag.current = null);
    window.addEventListener('pointerup', stop);
    window.addEventListener('pointercancel', stop);
    return () => {
      window.removeEventListener('pointerup', stop);
      window.removeEventListener('pointercancel', stop);
    };
  }, []);

  const selectable = (start: number) => start >= now && start < horizon;

  const paint = (start: number) => {
    const current = drag.current;
    if (!current || current.touched.has(start) || !selectable(start)) return;
    current.touched.add(start);
    const next = new Set(selected);
    if (current.adding) next.add(start);
    else next.delete(start);
    onChange(next);
  };

  const onPointerDown = (event: ReactPointerEvent<HTMLButtonElement>, start: number) => {
    if (!selectable(start) || event.button !== 0) return;
    event.preventDefault();
    // Touch pointers are captured by the element they started on; release so moves reach other cells.
    (event.target as HTMLElement).releasePointerCapture?.(event.pointerId);
    drag.current = { adding: !selected.has(start), touched: new Set() };
    paint(start);
  };

  const toggle = (start: number) => {
    if (!selectable(start)) return;
    const next = new Set(selected);
    if (next.has(start)) next.delete(start);
    else next.add(start);
    onChange(next);
  };

  const dayLabel = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short' });
  const timeLabel = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
  const hourLabel = new Intl.DateTimeFormat(undefined, { hour: 'numeric' });
  const rangeLabel = `${dayLabel.format(days[0])} – ${dayLabel.format(days[6])}`;

  return (
    <div className="week-calendar">
      <div className="week-calendar__toolbar">
        <Button size="sm" variant="ghost" onClick={() => setWeekOffset((week) => week - 1)} disabled={weekOffset === 0} aria-label="Previous week">
          ‹
        </Button>
        <span className="week-calendar__range" aria-live="polite">
          {rangeLabel}
        </span>
        <Button size="sm" variant="ghost" onClick={() => setWeekOffset((week) => week + 1)} disabled={weekOffset >= WEEKS_AHEAD} aria-label="Next week">
          ›
        </Button>
        <span className="week-calendar__zone" data-testid="time-zone">
          Times in {timeZone}
        </span>
      </div>
      <div className="week-calendar__scroller" ref={scroller}>
        <table className="week-calendar__grid" role="grid" aria-label={`Availability, ${rangeLabel}`}>
          <thead>
            <tr>
              <th scope="col" className="week-calendar__corner">
                <span className="pb-visually-hidden">Time</span>
              </th>
              {days.map((day) => (
                <th key={day.getTime()} scope="col" className="week-calendar__day">
                  {dayLabel.format(day)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {Array.from({ length: CELLS_PER_DAY }, (_, index) => (
              <tr key={index} data-row={index} className={index % 2 === 0 ? 'week-calendar__row--hour' : undefined}>
                <th scope="row" className="week-calendar__time">
                  {index % 2 === 0 ? hourLabel.format(cellStart(days[0], index)) : <span className="pb-visually-hidden">{timeLabel.format(cellStart(days[0], index))}</span>}
                </th>
                {days.map((day) => {
                  const start = cellStart(day, index);
                  const chosen = selected.has(start);
                  const disabled = !selectable(start);
                  return (
                    <td key={start} className="week-calendar__cell-wrap">
                      <button
                        type="button"
                        className={cx('week-calendar__cell', chosen && 'week-calendar__cell--chosen', disabled && 'week-calendar__cell--past')}
                        aria-pressed={chosen}
                        aria-label={`${dayLabel.format(day)} ${timeLabel.format(start)}`}
                        disabled={disabled}
                        data-start={new Date(start).toISOString()}
                        onPointerDown={(event) => onPointerDown(event, start)}
                        onPointerEnter={() => paint(start)}
                        onKeyDown={(event) => {
                          if (event.key === 'Enter' || event.key === ' ') {
                            event.preventDefault();
                            toggle(start);
                          }
                        }}
                      />
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="week-calendar__scroll-cue" aria-hidden="true">
        ↕ Scroll the grid for earlier and later hours
      </p>
    </div>
  );
}
