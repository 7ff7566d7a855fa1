import { averagePhaseTimes, summariseScores } from './progress';

const MIN = 60_000;

describe('summariseScores', () => {
  it('has nothing to say without scores', () => {
    expect(summariseScores([])).toEqual({ average: null, latest: null, trend: null });
  });

  it('gives no trend for a single session', () => {
    expect(summariseScores([3])).toEqual({ average: 3, latest: 3, trend: null });
  });

  it('compares the latest score with the average of the earlier ones', () => {
    expect(summariseScores([1, 2, 3])).toEqual({ average: 2, latest: 3, trend: 'up' });
    expect(summariseScores([4, 3, 2])).toEqual({ average: 3, latest: 2, trend: 'down' });
    expect(summariseScores([3, 2, 3, 3])).toEqual({ average: 2.75, latest: 3, trend: 'flat' });
  });

  it('counts exactly half a point as a change', () => {
    expect(summariseScores([2, 3, 3])).toEqual({ average: 2.67, latest: 3, trend: 'up' });
    expect(summariseScores([3, 2, 2])).toEqual({ average: 2.33, latest: 2, trend: 'down' });
    expect(summariseScores([2, 2, 3, 2]).trend).toBe('flat');
  });
});

describe('averagePhaseTimes', () => {
  const script = [
    { key: 'requirements', name: 'Requirements', minutes: 5 },
    { key: 'design', name: 'High-level design', minutes: 15 },
  ];

  it('averages active minutes per phase against the plan, ignoring pauses', () => {
    const result = averagePhaseTimes([
      {
        phases: script,
        events: [
          { kind: 'started', phaseIndex: 0, at: 0 },
          { kind: 'advanced', phaseIndex: 1, at: 8 * MIN },
          { kind: 'ended', phaseIndex: 1, at: 20 * MIN },
        ],
      },
      {
        phases: script,
        events: [
          { kind: 'started', phaseIndex: 0, at: 0 },
          { kind: 'paused', phaseIndex: 0, at: 1 * MIN },
          { kind: 'resumed', phaseIndex: 0, at: 3 * MIN },
          { kind: 'advanced', phaseIndex: 1, at: 6 * MIN },
          { kind: 'ended', phaseIndex: 1, at: 24 * MIN },
        ],
      },
    ]);
    expect(result).toEqual([
      { key: 'requirements', name: 'Requirements', plannedMinutes: 5, actualMinutes: 6, sessions: 2 },
      { key: 'design', name: 'High-level design', plannedMinutes: 15, actualMinutes: 15, sessions: 2 },
    ]);
  });

  it('matches phases by key across scripts and skips sessions that never started or are still running', () => {
    const longer = [...script, { key: 'deep-dives', name: 'Deep dives', minutes: 10 }];
    const result = averagePhaseTimes([
      { phases: script, events: [] },
      { phases: script, events: [{ kind: 'started', phaseIndex: 0, at: 0 }] },
      {
        phases: longer,
        events: [
          { kind: 'started', phaseIndex: 0, at: 0 },
          { kind: 'advanced', phaseIndex: 2, at: 4 * MIN },
          { kind: 'ended', phaseIndex: 2, at: 14 * MIN },
        ],
      },
    ]);
    expect(result).toEqual([
      { key: 'requirements', name: 'Requirements', plannedMinutes: 5, actualMinutes: 4, sessions: 1 },
      { key: 'design', name: 'High-level design', plannedMinutes: 15, actualMinutes: 0, sessions: 1 },
      { key: 'deep-dives', name: 'Deep dives', plannedMinutes: 10, actualMinutes: 10, sessions: 1 },
    ]);
  });
});
