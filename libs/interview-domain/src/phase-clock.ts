import type { ClockChange, ClockCommand, RoomClock } from '@pairboard/contracts';

/**
 * The phase clock, as pure functions of the stored clock and a server timestamp. The server uses
 * them to apply commands and schedule auto-advance; clients use them to render the same clock from
 * the same state (with `now` = local time + measured offset), so every screen agrees.
 */

export const MINUTE_MS = 60_000;
/** Extensions of one phase add up to at most an hour: a typo should not break the schedule. */
export const MAX_EXTENSION_MS = 60 * MINUTE_MS;
/** An auto-advance job that runs this early (instances' clocks differ slightly) still counts as due. */
export const AUTO_ADVANCE_TOLERANCE_MS = 250;

export interface TimedPhase {
  readonly minutes: number;
}

export function scheduledClock(): RoomClock {
  return {
    status: 'scheduled',
    phaseIndex: 0,
    phaseStartedAt: null,
    pausedAt: null,
    pausedMs: 0,
    extensionMs: 0,
    startedAt: null,
    endedAt: null,
    version: 0,
  };
}

/** Planned length of the current phase plus its extensions; null when the script has no such phase. */
export function phaseDurationMs(phases: readonly TimedPhase[], clock: RoomClock): number | null {
  const phase = phases[clock.phaseIndex];
  return phase ? phase.minutes * MINUTE_MS + clock.extensionMs : null;
}

/** Running time of the current phase: pauses excluded, frozen while paused and once ended. */
export function phaseElapsedMs(clock: RoomClock, now: number): number {
  if (clock.phaseStartedAt === null) return 0;
  const until = clock.pausedAt ?? clock.endedAt ?? now;
  return Math.max(0, until - clock.phaseStartedAt - clock.pausedMs);
}

/** Time left in the current phase; negative once it runs over (timers are soft). */
export function phaseRemainingMs(phases: readonly TimedPhase[], clock: RoomClock, now: number): number | null {
  const duration = phaseDurationMs(phases, clock);
  return duration === null ? null : duration - phaseElapsedMs(clock, now);
}

export function phaseOvertimeMs(phases: readonly TimedPhase[], clock: RoomClock, now: number): number {
  return Math.max(0, -(phaseRemainingMs(phases, clock, now) ?? 0));
}

/** Wall time since the start, pauses included: the recording (and notes' timestamps) run on. */
export function sessionElapsedMs(clock: RoomClock, now: number): number {
  if (clock.startedAt === null) return 0;
  return Math.max(0, (clock.endedAt ?? now) - clock.startedAt);
}

/** When the current phase runs out; null unless the clock is live, running and has a phase. */
export function phaseEndsAt(phases: readonly TimedPhase[], clock: RoomClock): number | null {
  if (clock.status !== 'live' || clock.pausedAt !== null || clock.phaseStartedAt === null) return null;
  const duration = phaseDurationMs(phases, clock);
  return duration === null ? null : clock.phaseStartedAt + clock.pausedMs + duration;
}

/** When auto-advance moves on: the end of any phase but the last (ending stays a person's call). */
export function autoAdvanceDueAt(phases: readonly TimedPhase[], clock: RoomClock): number | null {
  return clock.phaseIndex < phases.length - 1 ? phaseEndsAt(phases, clock) : null;
}

export interface PlannedPhase {
  index: number;
  /** Offsets from the start as the script plans them, before any pause or extension. */
  startMs: number;
  endMs: number;
}

export function plannedPhases(phases: readonly TimedPhase[]): PlannedPhase[] {
  let startMs = 0;
  return phases.map((phase, index) => {
    const endMs = startMs + phase.minutes * MINUTE_MS;
    const planned = { index, startMs, endMs };
    startMs = endMs;
    return planned;
  });
}

export interface ClockView {
  phaseIndex: number;
  isLastPhase: boolean;
  paused: boolean;
  elapsedMs: number;
  remainingMs: number | null;
  overtimeMs: number;
  sessionMs: number;
  endsAt: number | null;
}

/** Everything a clock display needs at one instant. */
export function viewClock(phases: readonly TimedPhase[], clock: RoomClock, now: number): ClockView {
  return {
    phaseIndex: clock.phaseIndex,
    isLastPhase: clock.phaseIndex >= phases.length - 1,
    paused: clock.pausedAt !== null,
    elapsedMs: phaseElapsedMs(clock, now),
    remainingMs: phaseRemainingMs(phases, clock, now),
    overtimeMs: phaseOvertimeMs(phases, clock, now),
    sessionMs: sessionElapsedMs(clock, now),
    endsAt: phaseEndsAt(phases, clock),
  };
}

// ---------------------------------------------------------------------------------------------
// Transitions
// ---------------------------------------------------------------------------------------------

export type ClockChangeDraft = Omit<ClockChange, 'byUserId'>;
export type ClockTransition = { ok: true; clock: RoomClock; change: ClockChangeDraft } | { ok: false; reason: string };

function refuse(reason: string): ClockTransition {
  return { ok: false, reason };
}

function changed(clock: RoomClock, next: Omit<RoomClock, 'version'>, change: ClockChangeDraft): ClockTransition {
  return { ok: true, clock: { ...next, version: clock.version + 1 }, change };
}

/** A new phase starts from zero; a paused clock stays paused, from now. */
function moveTo(clock: RoomClock, phaseIndex: number, now: number): Omit<RoomClock, 'version'> {
  return { ...clock, phaseIndex, phaseStartedAt: now, pausedAt: clock.pausedAt === null ? null : now, pausedMs: 0, extensionMs: 0 };
}

function liveOnly(clock: RoomClock): string | null {
  if (clock.status === 'scheduled') return 'The interview has not started yet.';
  if (clock.status !== 'live') return 'The interview is over.';
  return null;
}

/** Applies an interviewer's command; the reason explains a refusal to a person. */
export function applyClockCommand(clock: RoomClock, command: ClockCommand, phaseCount: number, now: number): ClockTransition {
  if (command.action === 'start') {
    if (clock.status !== 'scheduled') return refuse(clock.status === 'live' ? 'The interview is already running.' : 'The interview is over.');
    return changed(
      clock,
      { ...clock, status: 'live', startedAt: now, phaseIndex: 0, phaseStartedAt: now, pausedAt: null, pausedMs: 0, extensionMs: 0 },
      { kind: 'started', phaseIndex: 0, at: now, payload: {} },
    );
  }
  const notLive = liveOnly(clock);
  if (notLive) return refuse(notLive);
  const from = clock.phaseIndex;
  switch (command.action) {
    case 'next':
      if (from + 1 >= phaseCount) return refuse('This is the last phase; end the interview instead.');
      return changed(clock, moveTo(clock, from + 1, now), { kind: 'advanced', phaseIndex: from + 1, at: now, payload: { fromPhaseIndex: from } });
    case 'previous':
      if (from === 0) return refuse('This is the first phase.');
      return changed(clock, moveTo(clock, from - 1, now), { kind: 'went_back', phaseIndex: from - 1, at: now, payload: { fromPhaseIndex: from } });
    case 'pause':
      if (clock.pausedAt !== null) return refuse('The clock is already paused.');
      return changed(clock, { ...clock, pausedAt: now }, { kind: 'paused', phaseIndex: from, at: now, payload: {} });
    case 'resume':
      if (clock.pausedAt === null) return refuse('The clock is not paused.');
      return changed(
        clock,
        { ...clock, pausedAt: null, pausedMs: clock.pausedMs + Math.max(0, now - clock.pausedAt) },
        { kind: 'resumed', phaseIndex: from, at: now, payload: {} },
      );
    case 'extend': {
      if (phaseCount === 0) return refuse('This interview has no phases to extend.');
      const extendedMs = command.minutes * MINUTE_MS;
      if (clock.extensionMs + extendedMs > MAX_EXTENSION_MS) return refuse('This phase has been extended by an hour already.');
      return changed(clock, { ...clock, extensionMs: clock.extensionMs + extendedMs }, { kind: 'extended', phaseIndex: from, at: now, payload: { extendedMs } });
    }
    case 'end':
      return changed(
        clock,
        {
          ...clock,
          status: 'ended',
          endedAt: now,
          pausedAt: null,
          pausedMs: clock.pausedAt === null ? clock.pausedMs : clock.pausedMs + Math.max(0, now - clock.pausedAt),
        },
        { kind: 'ended', phaseIndex: from, at: now, payload: {} },
      );
  }
}

export type AutoAdvanceOutcome =
  | { outcome: 'advanced'; clock: RoomClock; change: ClockChangeDraft }
  /** The clock moved on (or paused, or ended) since the job was scheduled: nothing to do. */
  | { outcome: 'stale' }
  | { outcome: 'early'; dueAt: number };

/**
 * Auto-advance is scheduled for one clock version; any later change (a click, a pause, another
 * run of the same job) bumps the version, so firing twice advances once.
 */
export function applyAutoAdvance(
  clock: RoomClock,
  expected: { phaseIndex: number; version: number },
  phases: readonly TimedPhase[],
  now: number,
  toleranceMs = AUTO_ADVANCE_TOLERANCE_MS,
): AutoAdvanceOutcome {
  if (clock.version !== expected.version || clock.phaseIndex !== expected.phaseIndex) return { outcome: 'stale' };
  const dueAt = autoAdvanceDueAt(phases, clock);
  if (dueAt === null) return { outcome: 'stale' };
  if (now < dueAt - toleranceMs) return { outcome: 'early', dueAt };
  const from = clock.phaseIndex;
  return {
    outcome: 'advanced',
    clock: { ...moveTo(clock, from + 1, now), version: clock.version + 1 },
    change: { kind: 'auto_advanced', phaseIndex: from + 1, at: now, payload: { fromPhaseIndex: from } },
  };
}
