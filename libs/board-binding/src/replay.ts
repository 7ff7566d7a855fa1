import * as Y from 'yjs';
import type { BoardFileRecord } from './files';
import { readFiles } from './files';
import { readElements } from './elements';
import type { ExcalidrawElement } from './excalidraw-types';

/**
 * Replay of a board from its update log. The server answers `board?at=` with `boardScene()` of the
 * document rebuilt up to that instant; the browser plays the same log through a `ReplayCursor`.
 */

export interface BoardSceneValue {
  /** every element the document held, tombstones (`isDeleted: true`) included, in z-order */
  elements: ExcalidrawElement[];
  files: Record<string, BoardFileRecord>;
}

/** What the Yjs document holds, as Excalidraw scene data. */
export function boardScene(doc: Y.Doc): BoardSceneValue {
  const files: Record<string, BoardFileRecord> = {};
  for (const record of readFiles(doc)) files[record.id] = record;
  return { elements: readElements(doc), files };
}

/** One update of the log as the player holds it. */
export interface ReplayUpdate {
  /** milliseconds since the session started (server receive time) */
  atMs: number;
  data: Uint8Array;
}

/** Applies a stored update; a corrupt one is skipped, as the server's room does. */
export function applyStoredUpdate(doc: Y.Doc, data: Uint8Array): boolean {
  try {
    Y.applyUpdate(doc, data);
    return true;
  } catch {
    return false;
  }
}

/**
 * Plays an update log forwards and backwards. Moving forwards applies only the updates in between;
 * moving backwards restarts from the nearest snapshot this cursor took on the way (one every
 * `snapshotEvery` updates), so any seek costs one snapshot plus a bounded tail.
 */
export class ReplayCursor {
  private doc = new Y.Doc();
  /** number of updates applied, i.e. index of the next one */
  private position = 0;
  private readonly snapshots = new Map<number, Uint8Array>();

  constructor(
    private readonly updates: readonly ReplayUpdate[],
    private readonly snapshotEvery = 500,
  ) {}

  /** How many updates have a time at or before `atMs` (the log is in time order). */
  countAt(atMs: number): number {
    let low = 0;
    let high = this.updates.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.updates[middle].atMs <= atMs) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  /** Moves to the state after exactly the updates up to `atMs`; returns whether the board changed. */
  seek(atMs: number): boolean {
    return this.moveTo(this.countAt(atMs));
  }

  moveTo(count: number): boolean {
    const target = Math.max(0, Math.min(count, this.updates.length));
    if (target === this.position) return false;
    if (target < this.position) this.restart(target);
    while (this.position < target) {
      applyStoredUpdate(this.doc, this.updates[this.position].data);
      this.position++;
      if (this.position % this.snapshotEvery === 0 && !this.snapshots.has(this.position)) {
        this.snapshots.set(this.position, Y.encodeStateAsUpdate(this.doc));
      }
    }
    return true;
  }

  /** The time of the next update after the current position, or null at the end. */
  nextChangeAt(): number | null {
    return this.position < this.updates.length ? this.updates[this.position].atMs : null;
  }

  get applied(): number {
    return this.position;
  }

  scene(): BoardSceneValue {
    return boardScene(this.doc);
  }

  destroy(): void {
    this.doc.destroy();
  }

  private restart(target: number): void {
    let from = 0;
    for (const taken of this.snapshots.keys()) if (taken <= target && taken > from) from = taken;
    this.doc.destroy();
    this.doc = new Y.Doc();
    const snapshot = this.snapshots.get(from);
    if (snapshot) Y.applyUpdate(this.doc, snapshot);
    this.position = from;
  }
}

/**
 * Where playback should jump to skip an idle stretch: if nothing changes on the board or the
 * timeline for longer than `idleMs` after `atMs`, the instant shortly before the next activity.
 */
export function skipIdle(activityMs: readonly number[], atMs: number, idleMs: number, leadMs = 500): number {
  let next: number | null = null;
  for (const time of activityMs) if (time > atMs && (next === null || time < next)) next = time;
  if (next === null || next - atMs <= idleMs) return atMs;
  return Math.max(atMs, next - leadMs);
}

/** Base64 ⇄ bytes without Node's Buffer, so the browser and the server share the codec. */
export function bytesFromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
  return bytes;
}
