import type { PhaseEventKind } from '@pairboard/contracts';

/**
 * The recording's chapters, from the phase events of one interview: when each visit to a phase began
 * and ended, and how much of it was paused. The review timeline draws them; progress charts add up
 * time per phase against the script.
 */

export interface PhaseEventRecord {
  readonly kind: PhaseEventKind;
  /** The phase after the change. */
  readonly phaseIndex: number;
  /** Epoch milliseconds. */
  readonly at: number;
}

export interface PhaseChapter {
  readonly phaseIndex: number;
  /** Epoch milliseconds. */
  readonly startAt: number;
  /** Epoch milliseconds; null while the phase is still running. */
  readonly endAt: number | null;
  /** Paused time inside the chapter (a pause still running counts up to `now`). */
  readonly pausedMs: number;
}

/**
 * One chapter per stay in a phase, in order. Going back to a phase opens a new chapter for it, so a
 * phase can appear twice. Events before `started` and after `ended` are ignored.
 */
export function phaseChapters(events: readonly PhaseEventRecord[], now: number = Date.now()): PhaseChapter[] {
  const ordered = [...events].sort((a, b) => a.at - b.at);
  const chapters: PhaseChapter[] = [];
  let open: { phaseIndex: number; startAt: number; pausedMs: number; pausedAt: number | null } | null = null;

  const close = (at: number) => {
    if (!open) return;
    const pausedMs = open.pausedMs + (open.pausedAt !== null ? Math.max(0, at - open.pausedAt) : 0);
    chapters.push({ phaseIndex: open.phaseIndex, startAt: open.startAt, endAt: at, pausedMs });
    open = null;
  };

  for (const event of ordered) {
    switch (event.kind) {
      case 'started':
        if (open || chapters.length > 0) break;
        open = { phaseIndex: event.phaseIndex, startAt: event.at, pausedMs: 0, pausedAt: null };
        break;
      case 'advanced':
      case 'went_back':
      case 'auto_advanced':
        if (!open) break;
        if (open.phaseIndex === event.phaseIndex) break;
        close(event.at);
        open = { phaseIndex: event.phaseIndex, startAt: event.at, pausedMs: 0, pausedAt: null };
        break;
      case 'paused':
        if (open && open.pausedAt === null) open.pausedAt = event.at;
        break;
      case 'resumed':
        if (open && open.pausedAt !== null) {
          open.pausedMs += Math.max(0, event.at - open.pausedAt);
          open.pausedAt = null;
        }
        break;
      case 'ended':
        close(event.at);
        return chapters;
      case 'extended':
        break;
    }
  }
  if (open) {
    const running: { phaseIndex: number; startAt: number; pausedMs: number; pausedAt: number | null } = open;
    const pausedMs = running.pausedMs + (running.pausedAt !== null ? Math.max(0, now - running.pausedAt) : 0);
    chapters.push({ phaseIndex: running.phaseIndex, startAt: running.startAt, endAt: null, pausedMs });
  }
  return chapters;
}

/** Active (unpaused) milliseconds spent in each phase index, over all its chapters. */
export function timePerPhaseMs(chapters: readonly PhaseChapter[], phaseCount: number, now: number = Date.now()): number[] {
  const totals = new Array<number>(phaseCount).fill(0);
  for (const chapter of chapters) {
    if (chapter.phaseIndex < 0 || chapter.phaseIndex >= phaseCount) continue;
    totals[chapter.phaseIndex] += Math.max(0, (chapter.endAt ?? now) - chapter.startAt - chapter.pausedMs);
  }
  return totals;
}
