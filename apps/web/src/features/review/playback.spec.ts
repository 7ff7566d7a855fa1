import type { Timeline } from '@pairboard/contracts';
import { activityTimes, describeEvent, formatSessionTime, nextActivity, previousActivity } from './playback';
import { phaseTimings } from './report';

describe('playback helpers', () => {
  const times = activityTimes([5_000, 1_000], [{ atMs: 3_000, kind: 'chat', id: 'c', text: 'hi', authorName: 'Ada' }]);

  it('steps between activities strictly after or before the playhead', () => {
    expect(times).toEqual([1_000, 3_000, 5_000]);
    expect(nextActivity(times, 0)).toBe(1_000);
    expect(nextActivity(times, 1_000)).toBe(3_000);
    expect(nextActivity(times, 5_000)).toBeNull();
    expect(previousActivity(times, 3_000)).toBe(1_000);
    expect(previousActivity(times, 1_000)).toBeNull();
  });

  it('formats session times and describes markers in words', () => {
    expect(formatSessionTime(0)).toBe('0:00');
    expect(formatSessionTime(61_999)).toBe('1:01');
    expect(formatSessionTime(3_723_000)).toBe('1:02:03');
    expect(describeEvent({ atMs: 0, kind: 'phase', change: 'advanced', phaseIndex: 1, phaseName: 'API' })).toBe('Next phase: API');
    expect(describeEvent({ atMs: 0, kind: 'join', userId: 'u', name: null, role: 'observer' })).toBe('Someone joined as observer');
    expect(describeEvent({ atMs: 0, kind: 'leave', userId: 'u', name: 'Grace', role: 'candidate' })).toBe('Grace left');
  });
});

describe('phaseTimings', () => {
  const timeline: Timeline = {
    startedAt: '2026-03-02T10:00:00.000Z',
    endedAt: null,
    durationMs: 600_000,
    phases: [
      { name: 'Requirements', phaseIndex: 0, startMs: 0, endMs: 240_000, pausedMs: 60_000 },
      { name: 'API', phaseIndex: 1, startMs: 240_000, endMs: 420_000, pausedMs: 0 },
      { name: 'Requirements', phaseIndex: 0, startMs: 420_000, endMs: 600_000, pausedMs: 0 },
    ],
    events: [],
  };

  it('adds up active minutes per phase, against the script when there is one', () => {
    const script = { id: 's', slug: 'short', name: 'Short', version: 1, isDefault: false, builtIn: false, totalMinutes: 20, phases: [
      { key: 'requirements', name: 'Requirements', minutes: 5 },
      { key: 'api', name: 'API', minutes: 5 },
      { key: 'wrap-up', name: 'Wrap-up', minutes: 10 },
    ] };
    expect(phaseTimings(timeline, script)).toEqual([
      { name: 'Requirements', plannedMinutes: 5, actualMinutes: 6 },
      { name: 'API', plannedMinutes: 5, actualMinutes: 3 },
      { name: 'Wrap-up', plannedMinutes: 10, actualMinutes: 0 },
    ]);
    expect(phaseTimings(timeline, null)).toEqual([
      { name: 'Requirements', plannedMinutes: null, actualMinutes: 6 },
      { name: 'API', plannedMinutes: null, actualMinutes: 3 },
    ]);
  });
});
