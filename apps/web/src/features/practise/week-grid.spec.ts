import { slotProblems } from '@pairboard/contracts';
import { cellStart, cellsToSlots, slotsToCells, weekStart } from './week-grid';

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
});
