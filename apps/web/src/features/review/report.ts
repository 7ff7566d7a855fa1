import type { ScriptSummary, Timeline } from '@pairboard/contracts';

export interface PhaseTiming {
  name: string;
  plannedMinutes: number | null;
  actualMinutes: number;
}

/**
 * Minutes actually spent in each phase (active time over all its chapters, pauses left out) beside
 * what the script planned, in the script's order; phases the session never reached show 0.
 */
export function phaseTimings(timeline: Timeline, script: ScriptSummary | null): PhaseTiming[] {
  const actual = new Map<number, { name: string; ms: number }>();
  for (const phase of timeline.phases) {
    const entry = actual.get(phase.phaseIndex) ?? { name: phase.name, ms: 0 };
    entry.ms += Math.max(0, phase.endMs - phase.startMs - phase.pausedMs);
    actual.set(phase.phaseIndex, entry);
  }
  const minutes = (ms: number) => Math.round((ms / 60_000) * 10) / 10;
  if (script) {
    return script.phases.map((phase, index) => ({ name: phase.name, plannedMinutes: phase.minutes, actualMinutes: minutes(actual.get(index)?.ms ?? 0) }));
  }
  return [...actual.entries()].sort(([a], [b]) => a - b).map(([, entry]) => ({ name: entry.name, plannedMinutes: null, actualMinutes: minutes(entry.ms) }));
}
