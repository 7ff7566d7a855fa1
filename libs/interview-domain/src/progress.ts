import type { Trend } from '@pairboard/contracts';
import { phaseChapters, PhaseEventRecord, timePerPhaseMs } from './phase-chapters';

/**
 * A candidate's progress from their history: scores per rubric dimension over time, and the time
 * they spent per phase against what the script planned. Pure, so the API and tests share it.
 */

/** A change of at least half a point between the latest score and the earlier average counts as a trend. */
export const TREND_THRESHOLD = 0.5;

export interface DimensionSummary {
  readonly average: number | null;
  readonly latest: number | null;
  readonly trend: Trend | null;
}

/** `scores` oldest first. The trend compares the latest score with the average of the ones before it. */
export function summariseScores(scores: readonly number[]): DimensionSummary {
  if (scores.length === 0) return { average: null, latest: null, trend: null };
  const latest = scores[scores.length - 1];
  const average = roundTo(scores.reduce((sum, score) => sum + score, 0) / scores.length, 2);
  if (scores.length < 2) return { average, latest, trend: null };
  const earlier = scores.slice(0, -1);
  const earlierAverage = earlier.reduce((sum, score) => sum + score, 0) / earlier.length;
  const delta = latest - earlierAverage;
  const trend: Trend = delta >= TREND_THRESHOLD ? 'up' : delta <= -TREND_THRESHOLD ? 'down' : 'flat';
  return { average, latest, trend };
}

export interface SessionPhases {
  /** The script's phases, in order, as pinned by the interview. */
  readonly phases: readonly { key: string; name: string; minutes: number }[];
  readonly events: readonly PhaseEventRecord[];
}

export interface PhaseTimeAverage {
  readonly key: string;
  readonly name: string;
  readonly plannedMinutes: number;
  readonly actualMinutes: number;
  /** Sessions whose script has this phase. */
  readonly sessions: number;
}

/**
 * Average planned and actual minutes per phase over finished sessions. Scripts differ, so phases are
 * matched by key and listed in the order they first appear. Sessions that never started are skipped.
 */
export function averagePhaseTimes(sessions: readonly SessionPhases[]): PhaseTimeAverage[] {
  const totals = new Map<string, { name: string; planned: number; actualMs: number; sessions: number }>();
  for (const session of sessions) {
    const chapters = phaseChapters(session.events);
    if (chapters.length === 0 || chapters.some((chapter) => chapter.endAt === null)) continue;
    const spent = timePerPhaseMs(chapters, session.phases.length);
    session.phases.forEach((phase, index) => {
      const total = totals.get(phase.key) ?? { name: phase.name, planned: 0, actualMs: 0, sessions: 0 };
      total.planned += phase.minutes;
      total.actualMs += spent[index];
      total.sessions += 1;
      totals.set(phase.key, total);
    });
  }
  return [...totals].map(([key, total]) => ({
    key,
    name: total.name,
    plannedMinutes: roundTo(total.planned / total.sessions, 1),
    actualMinutes: roundTo(total.actualMs / 60_000 / total.sessions, 1),
    sessions: total.sessions,
  }));
}

function roundTo(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
