import { DEFAULT_LIFECYCLE_OFFSETS, isLateCancellation, lifecycleMoments, pendingMoments, roomOpensAt } from './session-lifecycle';

const HOUR = 3600_000;
const MIN = 60_000;
const start = Date.UTC(2026, 10, 26, 15, 0);

describe('session lifecycle', () => {
  it('places the reminders, the room opening, the no-show check and the close around the start', () => {
    const moments = lifecycleMoments(start, 45 * MIN, DEFAULT_LIFECYCLE_OFFSETS);
    expect(moments.map((moment) => [moment.step, (moment.at - start) / MIN])).toEqual([
      ['reminderDay', -24 * 60],
      ['reminderSoon', -15],
      ['roomOpen', -5],
      ['noShowCheck', 10],
      ['autoClose', 45 + 15],
    ]);
  });

  it('skips what is stale: the day reminder past half its window, reminders once started', () => {
    const steps = (now: number) => pendingMoments(start, 45 * MIN, DEFAULT_LIFECYCLE_OFFSETS, now).map((moment) => moment.step);
    expect(steps(start - 2 * 24 * HOUR)).toEqual(['reminderDay', 'reminderSoon', 'roomOpen', 'noShowCheck', 'autoClose']);
    expect(steps(start - 20 * HOUR)).toEqual(['reminderDay', 'reminderSoon', 'roomOpen', 'noShowCheck', 'autoClose']);
    expect(steps(start - 10 * HOUR)).toEqual(['reminderSoon', 'roomOpen', 'noShowCheck', 'autoClose']);
    expect(steps(start - 20 * MIN)).toEqual(['reminderSoon', 'roomOpen', 'noShowCheck', 'autoClose']);
    expect(steps(start - 15 * MIN)).toEqual(['reminderSoon', 'roomOpen', 'noShowCheck', 'autoClose']);
    expect(steps(start)).toEqual(['roomOpen', 'noShowCheck', 'autoClose']);
    expect(steps(start + 10 * MIN)).toEqual(['noShowCheck', 'autoClose']);
    expect(steps(start + 5 * HOUR)).toEqual(['noShowCheck', 'autoClose']);
  });

  it('opens the room five minutes early and counts cancellations under two hours as late', () => {
    expect(roomOpensAt(start)).toBe(start - 5 * MIN);
    expect(isLateCancellation(start, start - 3 * HOUR, 2 * HOUR)).toBe(false);
    expect(isLateCancellation(start, start - 2 * HOUR + 1, 2 * HOUR)).toBe(true);
    expect(isLateCancellation(start, start + MIN, 2 * HOUR)).toBe(true);
    expect(isLateCancellation(null, start, 2 * HOUR)).toBe(false);
  });
});
