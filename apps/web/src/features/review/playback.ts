import type { TimelineEvent } from '@pairboard/contracts';

/** Playback speeds offered, as UI.md lists them. */
export const SPEEDS = [1, 2, 4, 8, 16, 32] as const;
export type Speed = (typeof SPEEDS)[number];

/** A quiet stretch longer than this (in session time) is skipped when "skip idle" is on. */
export const IDLE_MS = 20_000;

/** Session times where something happened: board changes and timeline events, sorted. */
export function activityTimes(updateTimes: readonly number[], events: readonly TimelineEvent[]): number[] {
  return [...updateTimes, ...events.map((event) => event.atMs)].sort((a, b) => a - b);
}

/** The first activity strictly after `atMs`, or null. */
export function nextActivity(times: readonly number[], atMs: number): number | null {
  let low = 0;
  let high = times.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (times[middle] <= atMs) low = middle + 1;
    else high = middle;
  }
  return low < times.length ? times[low] : null;
}

/** The last activity strictly before `atMs`, or null. */
export function previousActivity(times: readonly number[], atMs: number): number | null {
  let result: number | null = null;
  for (const time of times) {
    if (time >= atMs) break;
    result = time;
  }
  return result;
}

/** `m:ss` or `h:mm:ss` of a session time. */
export function formatSessionTime(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
}

/** What a timeline marker says when hovered. */
export function describeEvent(event: TimelineEvent): string {
  switch (event.kind) {
    case 'phase':
      return `${PHASE_CHANGE[event.change]}${event.phaseName ? `: ${event.phaseName}` : ''}`;
    case 'note':
      return `Note${event.authorName ? ` by ${event.authorName}` : ''}: ${event.text}`;
    case 'hint':
      return `Hint shown: ${event.text}`;
    case 'chat':
      return `${event.authorName ?? 'Someone'}: ${event.text}`;
    case 'join':
      return `${event.name ?? 'Someone'} joined as ${event.role}`;
    case 'leave':
      return `${event.name ?? 'Someone'} left`;
  }
}

const PHASE_CHANGE: Record<Extract<TimelineEvent, { kind: 'phase' }>['change'], string> = {
  started: 'Interview started',
  advanced: 'Next phase',
  went_back: 'Back to an earlier phase',
  paused: 'Clock paused',
  resumed: 'Clock resumed',
  extended: 'Phase extended',
  auto_advanced: 'Phase ran out',
  ended: 'Interview ended',
};
