import { scriptTotalMinutes } from '@pairboard/contracts';

/**
 * A session with no script (or a script that gives it no length) is planned as long as the
 * built-in default script, Standard, 45 minutes: what an interview gets when nobody picks one.
 */
export const UNSCRIPTED_SESSION_MINUTES = 45;

/**
 * The planned length of a session: its pinned script's phases added up, optional ones included.
 * `phases` is the stored JSON, read leniently: a phase without numeric minutes adds nothing.
 */
export function sessionLengthMinutes(phases: unknown): number {
  const timed = Array.isArray(phases) ? phases.filter((phase): phase is { minutes: number } => typeof (phase as { minutes?: unknown } | null)?.minutes === 'number') : [];
  const total = scriptTotalMinutes(timed);
  return total > 0 ? total : UNSCRIPTED_SESSION_MINUTES;
}
