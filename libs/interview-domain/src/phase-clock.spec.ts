import type { ClockCommand, RoomClock } from '@pairboard/contracts';
import fc from 'fast-check';
import {
  applyAutoAdvance,
  applyClockCommand,
  AUTO_ADVANCE_TOLERANCE_MS,
  autoAdvanceDueAt,
  MAX_EXTENSION_MS,
  MINUTE_MS,
  phaseElapsedMs,
  phaseEndsAt,
  phaseOvertimeMs,
  phaseRemainingMs,
  plannedPhases,
  scheduledClock,
  sessionElapsedMs,
  viewClock,
} from './phase-clock';

const PHASES = [{ minutes: 5 }, { minutes: 2 }, { minutes: 10 }];
const T0 = Date.UTC(2030, 0, 1, 10, 0, 0);

function apply(clock: RoomClock, command: ClockCommand, now: number, phases = PHASES): RoomClock {
  const result = applyClockCommand(clock, command, phases.length, now);
  if (!result.ok) throw new Error(`refused: ${result.reason}`);
  return result.clock;
}

function started(now = T0): RoomClock {
  return apply(scheduledClock(), { action: 'start' }, now);
}

describe('phase clock maths', () => {
  it('counts a running phase down and then into overtime', () => {
    const clock = started();
    expect(phaseRemainingMs(PHASES, clock, T0)).toBe(5 * MINUTE_MS);
    expect(phaseRemainingMs(PHASES, clock, T0 + 90_000)).toBe(5 * MINUTE_MS - 90_000);
    expect(phaseOvertimeMs(PHASES, clock, T0 + 90_000)).toBe(0);
    expect(phaseRemainingMs(PHASES, clock, T0 + 6 * MINUTE_MS)).toBe(-MINUTE_MS);
    expect(phaseOvertimeMs(PHASES, clock, T0 + 6 * MINUTE_MS)).toBe(MINUTE_MS);
    expect(sessionElapsedMs(clock, T0 + 6 * MINUTE_MS)).toBe(6 * MINUTE_MS);
  });

  it('shows the first phase in full before the start', () => {
    const clock = scheduledClock();
    expect(phaseRemainingMs(PHASES, clock, T0)).toBe(5 * MINUTE_MS);
    expect(sessionElapsedMs(clock, T0)).toBe(0);
    expect(phaseEndsAt(PHASES, clock)).toBeNull();
  });

  it('freezes while paused and excludes the pause after resuming', () => {
    let clock = started();
    clock = apply(clock, { action: 'pause' }, T0 + 60_000);
    expect(phaseRemainingMs(PHASES, clock, T0 + 60_000)).toBe(4 * MINUTE_MS);
    expect(phaseRemainingMs(PHASES, clock, T0 + 10 * MINUTE_MS)).toBe(4 * MINUTE_MS);
    expect(autoAdvanceDueAt(PHASES, clock)).toBeNull();
    clock = apply(clock, { action: 'resume' }, T0 + 3 * MINUTE_MS);
    expect(clock.pausedMs).toBe(2 * MINUTE_MS);
    expect(phaseRemainingMs(PHASES, clock, T0 + 3 * MINUTE_MS)).toBe(4 * MINUTE_MS);
    expect(autoAdvanceDueAt(PHASES, clock)).toBe(T0 + 7 * MINUTE_MS);
    // The session time keeps running through pauses: the recording does.
    expect(sessionElapsedMs(clock, T0 + 3 * MINUTE_MS)).toBe(3 * MINUTE_MS);
  });

  it('adds an extension to the current phase only', () => {
    let clock = started();
    clock = apply(clock, { action: 'extend', minutes: 2 }, T0 + 1000);
    clock = apply(clock, { action: 'extend', minutes: 5 }, T0 + 2000);
    expect(phaseRemainingMs(PHASES, clock, T0)).toBe(12 * MINUTE_MS);
    expect(autoAdvanceDueAt(PHASES, clock)).toBe(T0 + 12 * MINUTE_MS);
    clock = apply(clock, { action: 'next' }, T0 + 3 * MINUTE_MS);
    expect(clock.extensionMs).toBe(0);
    expect(phaseRemainingMs(PHASES, clock, T0 + 3 * MINUTE_MS)).toBe(2 * MINUTE_MS);
  });

  it('caps extensions at an hour per phase', () => {
    let clock = started();
    for (let i = 0; i < MAX_EXTENSION_MS / (5 * MINUTE_MS); i++) clock = apply(clock, { action: 'extend', minutes: 5 }, T0);
    expect(applyClockCommand(clock, { action: 'extend', minutes: 2 }, PHASES.length, T0)).toMatchObject({ ok: false });
  });

  it('moves between phases, restarting the phase timer, and keeps a pause across a move', () => {
    let clock = started();
    clock = apply(clock, { action: 'next' }, T0 + MINUTE_MS);
    expect(clock).toMatchObject({ phaseIndex: 1, phaseStartedAt: T0 + MINUTE_MS, pausedMs: 0 });
    clock = apply(clock, { action: 'pause' }, T0 + 2 * MINUTE_MS);
    clock = apply(clock, { action: 'next' }, T0 + 3 * MINUTE_MS);
    expect(clock).toMatchObject({ phaseIndex: 2, pausedAt: T0 + 3 * MINUTE_MS, pausedMs: 0 });
    expect(phaseRemainingMs(PHASES, clock, T0 + 9 * MINUTE_MS)).toBe(10 * MINUTE_MS);
    clock = apply(clock, { action: 'previous' }, T0 + 4 * MINUTE_MS);
    expect(clock.phaseIndex).toBe(1);
  });

  it('refuses what makes no sense, naming why', () => {
    const scheduled = scheduledClock();
    for (const action of ['next', 'previous', 'pause', 'resume', 'end'] as const) {
      expect(applyClockCommand(scheduled, { action }, PHASES.length, T0)).toEqual({ ok: false, reason: 'The interview has not started yet.' });
    }
    const live = started();
    expect(applyClockCommand(live, { action: 'start' }, PHASES.length, T0)).toMatchObject({ ok: false });
    expect(applyClockCommand(live, { action: 'previous' }, PHASES.length, T0)).toMatchObject({ ok: false });
    expect(applyClockCommand(live, { action: 'resume' }, PHASES.length, T0)).toMatchObject({ ok: false });
    const last = apply(apply(live, { action: 'next' }, T0), { action: 'next' }, T0);
    expect(applyClockCommand(last, { action: 'next' }, PHASES.length, T0)).toMatchObject({ ok: false });
    const ended = apply(live, { action: 'end' }, T0 + 1000);
    expect(applyClockCommand(ended, { action: 'start' }, PHASES.length, T0)).toEqual({ ok: false, reason: 'The interview is over.' });
    expect(applyClockCommand(ended, { action: 'next' }, PHASES.length, T0)).toEqual({ ok: false, reason: 'The interview is over.' });
  });

  it('ending freezes the clock and folds a running pause in', () => {
    let clock = started();
    clock = apply(clock, { action: 'pause' }, T0 + MINUTE_MS);
    clock = apply(clock, { action: 'end' }, T0 + 3 * MINUTE_MS);
    expect(clock).toMatchObject({ status: 'ended', endedAt: T0 + 3 * MINUTE_MS, pausedAt: null, pausedMs: 2 * MINUTE_MS });
    expect(phaseElapsedMs(clock, T0 + 60 * MINUTE_MS)).toBe(MINUTE_MS);
    expect(sessionElapsedMs(clock, T0 + 60 * MINUTE_MS)).toBe(3 * MINUTE_MS);
  });

  it('plans phase boundaries from the script', () => {
    expect(plannedPhases(PHASES)).toEqual([
      { index: 0, startMs: 0, endMs: 5 * MINUTE_MS },
      { index: 1, startMs: 5 * MINUTE_MS, endMs: 7 * MINUTE_MS },
      { index: 2, startMs: 7 * MINUTE_MS, endMs: 17 * MINUTE_MS },
    ]);
  });

  it('has no phase to time without a script', () => {
    const clock = apply(scheduledClock(), { action: 'start' }, T0, []);
    expect(viewClock([], clock, T0)).toMatchObject({ remainingMs: null, overtimeMs: 0, endsAt: null, isLastPhase: true });
    expect(applyClockCommand(clock, { action: 'next' }, 0, T0)).toMatchObject({ ok: false });
    expect(applyClockCommand(clock, { action: 'extend', minutes: 2 }, 0, T0)).toMatchObject({ ok: false });
  });
});

describe('auto-advance', () => {
  it('is due at the end of every phase but the last', () => {
    let clock = started();
    expect(autoAdvanceDueAt(PHASES, clock)).toBe(T0 + 5 * MINUTE_MS);
    clock = apply(apply(clock, { action: 'next' }, T0), { action: 'next' }, T0);
    expect(autoAdvanceDueAt(PHASES, clock)).toBeNull();
  });

  it('advances once for the version it was scheduled for', () => {
    const clock = started();
    const expected = { phaseIndex: 0, version: clock.version };
    const first = applyAutoAdvance(clock, expected, PHASES, T0 + 5 * MINUTE_MS);
    expect(first).toMatchObject({ outcome: 'advanced', change: { kind: 'auto_advanced', phaseIndex: 1, payload: { fromPhaseIndex: 0 } } });
    if (first.outcome !== 'advanced') throw new Error('expected an advance');
    expect(first.clock).toMatchObject({ phaseIndex: 1, phaseStartedAt: T0 + 5 * MINUTE_MS, version: clock.version + 1 });
    // The same job running again sees the advanced clock: nothing happens.
    expect(applyAutoAdvance(first.clock, expected, PHASES, T0 + 5 * MINUTE_MS + 10)).toEqual({ outcome: 'stale' });
  });

  it('does nothing after a pause, an extension or a manual move, and waits when early', () => {
    const clock = started();
    const expected = { phaseIndex: 0, version: clock.version };
    for (const command of [{ action: 'pause' }, { action: 'extend', minutes: 2 }, { action: 'next' }] as ClockCommand[]) {
      expect(applyAutoAdvance(apply(clock, command, T0 + 1000), expected, PHASES, T0 + 5 * MINUTE_MS)).toEqual({ outcome: 'stale' });
    }
    expect(applyAutoAdvance(clock, expected, PHASES, T0 + 5 * MINUTE_MS - AUTO_ADVANCE_TOLERANCE_MS)).toMatchObject({ outcome: 'advanced' });
    expect(applyAutoAdvance(clock, expected, PHASES, T0 + 4 * MINUTE_MS)).toEqual({ outcome: 'early', dueAt: T0 + 5 * MINUTE_MS });
  });
});

describe('phase clock properties', () => {
  const phases = fc.array(fc.record({ minutes: fc.integer({ min: 1, max: 60 }) }), { minLength: 1, maxLength: 8 });
  const step = fc.oneof(
    fc.constant<ClockCommand>({ action: 'next' }),
    fc.constant<ClockCommand>({ action: 'previous' }),
    fc.constant<ClockCommand>({ action: 'pause' }),
    fc.constant<ClockCommand>({ action: 'resume' }),
    fc.constant<ClockCommand>({ action: 'extend', minutes: 2 }),
    fc.constant<ClockCommand>({ action: 'extend', minutes: 5 }),
  );
  const session = fc.array(fc.tuple(step, fc.integer({ min: 0, max: 10 * MINUTE_MS })), { maxLength: 40 });

  it('remaining + elapsed = duration, the version grows by one per change, elapsed never runs backwards', () => {
    fc.assert(
      fc.property(phases, session, fc.integer({ min: 0, max: 10 * MINUTE_MS }), (script, steps, probe) => {
        let clock = apply(scheduledClock(), { action: 'start' }, T0, script);
        let now = T0;
        for (const [command, gap] of steps) {
          now += gap;
          const before = phaseElapsedMs(clock, now);
          const result = applyClockCommand(clock, command, script.length, now);
          if (!result.ok) continue;
          expect(result.clock.version).toBe(clock.version + 1);
          if (command.action === 'pause' || command.action === 'resume' || command.action === 'extend') {
            expect(phaseElapsedMs(result.clock, now)).toBe(before);
          }
          clock = result.clock;
          const duration = script[clock.phaseIndex].minutes * MINUTE_MS + clock.extensionMs;
          expect((phaseRemainingMs(script, clock, now + probe) ?? NaN) + phaseElapsedMs(clock, now + probe)).toBe(duration);
          expect(phaseElapsedMs(clock, now + probe)).toBeGreaterThanOrEqual(phaseElapsedMs(clock, now));
          expect(phaseOvertimeMs(script, clock, now + probe)).toBe(Math.max(0, -(phaseRemainingMs(script, clock, now + probe) ?? 0)));
        }
      }),
    );
  });

  it('a paused clock shows the same remaining time whenever it is looked at', () => {
    fc.assert(
      fc.property(phases, session, fc.integer({ min: 0, max: 24 * 60 * MINUTE_MS }), (script, steps, later) => {
        let clock = apply(scheduledClock(), { action: 'start' }, T0, script);
        let now = T0;
        for (const [command, gap] of steps) {
          now += gap;
          const result = applyClockCommand(clock, command, script.length, now);
          if (result.ok) clock = result.clock;
        }
        if (clock.pausedAt === null) return;
        expect(phaseRemainingMs(script, clock, now + later)).toBe(phaseRemainingMs(script, clock, now));
      }),
    );
  });

  it('auto-advance is due exactly when the remaining time reaches zero', () => {
    fc.assert(
      fc.property(phases, session, (script, steps) => {
        let clock = apply(scheduledClock(), { action: 'start' }, T0, script);
        let now = T0;
        for (const [command, gap] of steps) {
          now += gap;
          const result = applyClockCommand(clock, command, script.length, now);
          if (result.ok) clock = result.clock;
        }
        const dueAt = autoAdvanceDueAt(script, clock);
        if (dueAt === null) {
          expect(clock.pausedAt !== null || clock.phaseIndex === script.length - 1).toBe(true);
          return;
        }
        expect(phaseRemainingMs(script, clock, dueAt)).toBe(0);
        const advanced = applyAutoAdvance(clock, { phaseIndex: clock.phaseIndex, version: clock.version }, script, dueAt);
        expect(advanced.outcome).toBe('advanced');
      }),
    );
  });
});
