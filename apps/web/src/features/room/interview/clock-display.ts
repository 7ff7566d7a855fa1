import type { RoomClock, RoomPhase } from '@pairboard/contracts';
import { MINUTE_MS, viewClock } from '@pairboard/interview-domain';

/** `mm:ss`, minutes not capped at 60 (a long overtime stays readable). */
export function formatDuration(ms: number): string {
  const totalSeconds = Math.max(0, Math.ceil(ms / 1000));
  const minutes = Math.floor(totalSeconds / 60);
  const seconds = totalSeconds % 60;
  return `${String(minutes).padStart(2, '0')}:${String(seconds).padStart(2, '0')}`;
}

/** Like formatDuration but counting completed seconds, for elapsed times. */
export function formatElapsed(ms: number): string {
  return formatDuration(Math.floor(Math.max(0, ms) / 1000) * 1000);
}

export type ClockTone = 'idle' | 'normal' | 'warning' | 'overtime' | 'paused' | 'ended';

export interface ClockDisplay {
  text: string;
  /** Said in words, so colour is never the only signal. */
  label: string | null;
  tone: ClockTone;
}

export function clockDisplay(phases: readonly RoomPhase[], clock: RoomClock, serverNow: number): ClockDisplay {
  if (clock.status === 'ended' || clock.status === 'cancelled') return { text: '--:--', label: 'Ended', tone: 'ended' };
  if (clock.status === 'scheduled' || clock.phaseStartedAt === null) return { text: '--:--', label: 'Not started', tone: 'idle' };
  const view = viewClock(phases, clock, serverNow);
  if (view.remainingMs === null) return { text: formatElapsed(view.elapsedMs), label: null, tone: view.paused ? 'paused' : 'normal' };
  if (view.overtimeMs > 0) {
    return { text: `+${formatElapsed(view.overtimeMs)}`, label: view.paused ? 'Paused · overtime' : 'overtime', tone: view.paused ? 'paused' : 'overtime' };
  }
  if (view.paused) return { text: formatDuration(view.remainingMs), label: 'Paused', tone: 'paused' };
  if (view.remainingMs <= MINUTE_MS) return { text: formatDuration(view.remainingMs), label: 'Last minute', tone: 'warning' };
  return { text: formatDuration(view.remainingMs), label: null, tone: 'normal' };
}

/** "2/5 Core entities". */
export function phaseChipText(phases: readonly RoomPhase[], clock: RoomClock): string {
  const phase = phases[clock.phaseIndex];
  if (!phase) return 'No script';
  return `${clock.phaseIndex + 1}/${phases.length} ${phase.name}`;
}
