import { phaseChapters, PhaseEventRecord, timePerPhaseMs } from './phase-chapters';

const MIN = 60_000;

describe('phaseChapters', () => {
  it('is empty before the interview starts', () => {
    expect(phaseChapters([])).toEqual([]);
  });

  it('splits the session at every phase change and closes the last one at the end', () => {
    const events: PhaseEventRecord[] = [
      { kind: 'started', phaseIndex: 0, at: 0 },
      { kind: 'advanced', phaseIndex: 1, at: 5 * MIN },
      { kind: 'extended', phaseIndex: 1, at: 6 * MIN },
      { kind: 'auto_advanced', phaseIndex: 2, at: 9 * MIN },
      { kind: 'ended', phaseIndex: 2, at: 20 * MIN },
    ];
    expect(phaseChapters(events)).toEqual([
      { phaseIndex: 0, startAt: 0, endAt: 5 * MIN, pausedMs: 0 },
      { phaseIndex: 1, startAt: 5 * MIN, endAt: 9 * MIN, pausedMs: 0 },
      { phaseIndex: 2, startAt: 9 * MIN, endAt: 20 * MIN, pausedMs: 0 },
    ]);
  });

  it('opens a new chapter when the interviewer goes back, and counts pauses inside a chapter', () => {
    const events: PhaseEventRecord[] = [
      { kind: 'ended', phaseIndex: 0, at: 30 * MIN },
      { kind: 'started', phaseIndex: 0, at: 0 },
      { kind: 'advanced', phaseIndex: 1, at: 4 * MIN },
      { kind: 'paused', phaseIndex: 1, at: 5 * MIN },
      { kind: 'resumed', phaseIndex: 1, at: 7 * MIN },
      { kind: 'went_back', phaseIndex: 0, at: 8 * MIN },
    ];
    const chapters = phaseChapters(events);
    expect(chapters.map((c) => c.phaseIndex)).toEqual([0, 1, 0]);
    expect(chapters[1]).toEqual({ phaseIndex: 1, startAt: 4 * MIN, endAt: 8 * MIN, pausedMs: 2 * MIN });
    expect(timePerPhaseMs(chapters, 3)).toEqual([4 * MIN + 22 * MIN, 2 * MIN, 0]);
  });

  it('leaves the running chapter open and counts a running pause up to now', () => {
    const chapters = phaseChapters(
      [
        { kind: 'started', phaseIndex: 0, at: 0 },
        { kind: 'paused', phaseIndex: 0, at: 2 * MIN },
      ],
      5 * MIN,
    );
    expect(chapters).toEqual([{ phaseIndex: 0, startAt: 0, endAt: null, pausedMs: 3 * MIN }]);
    expect(timePerPhaseMs(chapters, 1, 5 * MIN)).toEqual([2 * MIN]);
  });
});
