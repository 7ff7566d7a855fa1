/**
 * When the automatic steps around a scheduled session happen. Pure, so the server's jobs, the
 * reconciler that rebuilds them and the web app's "room opens at" agree on the same times.
 */

export const LIFECYCLE_STEPS = ['reminderDay', 'reminderSoon', 'roomOpen', 'noShowCheck', 'autoClose'] as const;
export type LifecycleStep = (typeof LIFECYCLE_STEPS)[number];

/** Offsets in milliseconds; the defaults are the product's, tests shrink them. */
export interface LifecycleOffsets {
  /** First reminder, before the start (24 h). */
  reminderDayMs: number;
  /** Second reminder, before the start (15 min). */
  reminderSoonMs: number;
  /** The room opens this long before the start (5 min). */
  roomOpensMs: number;
  /** Participants not in the room this long after the start are no-shows (10 min). */
  noShowAfterMs: number;
  /** A session still open this long after its planned end is closed (added to the script length). */
  closeGraceMs: number;
}

export const DEFAULT_LIFECYCLE_OFFSETS: LifecycleOffsets = {
  reminderDayMs: 24 * 3600_000,
  reminderSoonMs: 15 * 60_000,
  roomOpensMs: 5 * 60_000,
  noShowAfterMs: 10 * 60_000,
  closeGraceMs: 15 * 60_000,
};

export interface LifecycleMoment {
  step: LifecycleStep;
  /** When the step is due (epoch ms). */
  at: number;
  /**
   * Past this instant the step is pointless and is skipped (a reminder for "tomorrow" sent when the
   * session is minutes away, a reminder once it started). Null: never too late.
   */
  staleAfter: number | null;
}

/** Every step of a session starting at `startsAt` that lasts `lengthMs`, in time order. */
export function lifecycleMoments(startsAt: number, lengthMs: number, offsets: LifecycleOffsets): LifecycleMoment[] {
  const soon = startsAt - offsets.reminderSoonMs;
  const day = startsAt - offsets.reminderDayMs;
  // Booked at short notice, the first reminder would only echo the invitation: it is worth sending
  // during the first half of its window at most.
  const dayStale = Math.min(soon, day + Math.max(0, offsets.reminderDayMs - offsets.reminderSoonMs) / 2);
  return [
    { step: 'reminderDay' as const, at: day, staleAfter: dayStale },
    { step: 'reminderSoon' as const, at: soon, staleAfter: startsAt },
    { step: 'roomOpen' as const, at: startsAt - offsets.roomOpensMs, staleAfter: startsAt + offsets.noShowAfterMs },
    { step: 'noShowCheck' as const, at: startsAt + offsets.noShowAfterMs, staleAfter: null },
    { step: 'autoClose' as const, at: startsAt + lengthMs + offsets.closeGraceMs, staleAfter: null },
  ].sort((a, b) => a.at - b.at);
}

/** The steps still worth scheduling at `now`: not stale yet. */
export function pendingMoments(startsAt: number, lengthMs: number, offsets: LifecycleOffsets, now: number): LifecycleMoment[] {
  return lifecycleMoments(startsAt, lengthMs, offsets).filter((moment) => moment.staleAfter === null || now < moment.staleAfter);
}

export function roomOpensAt(startsAt: number, offsets: Pick<LifecycleOffsets, 'roomOpensMs'> = DEFAULT_LIFECYCLE_OFFSETS): number {
  return startsAt - offsets.roomOpensMs;
}

/** A cancellation this close to the start (or after it) counts against the person who cancelled. */
export function isLateCancellation(startsAt: number | null, cancelledAt: number, lateWindowMs: number): boolean {
  return startsAt !== null && startsAt - cancelledAt < lateWindowMs;
}
