import * as Y from 'yjs';
import { orderByIndex } from './elements';
import { elementsMap } from './elements';
import type { ExcalidrawElement } from './excalidraw-types';
import { filesMap, isFileRecord } from './files';
import { applyStoredUpdate } from './replay';

/** One value a key took, from the update with index `from` on. `json` is its serialisation, made once. */
interface Change {
  from: number;
  value: unknown;
  json: string;
  /** the order in which its key first appeared: the document's own order for unindexed elements */
  keyRank: number;
  /** the seek that last picked it (see `sceneJsonAt`) */
  pickedBy: number;
}

/**
 * Every value each key of the board's maps took, recorded while applying the update log to a real
 * Yjs document in log order: the board after the first n updates is, per key, its last change
 * before update n. That is exactly what a document given those n updates holds (the values come
 * from Yjs itself, conflicts resolved as a client would), but a seek costs one binary search per
 * element instead of decoding megabytes of Yjs state, and the answer is assembled from JSON made
 * once per change. Memory is about the size of the log's values.
 */
export class BoardTimeline {
  private readonly doc = new Y.Doc();
  private readonly times: number[] = [];
  private readonly elements = new Map<string, Change[]>();
  private readonly files = new Map<string, Change[]>();
  private applying = 0;
  /** every element value ever held, in z-order; rebuilt when changes were recorded since */
  private zOrder: Change[] = [];
  private zOrderStale = false;
  private seeks = 0;

  constructor() {
    elementsMap(this.doc).observe((event) => this.record(this.elements, elementsMap(this.doc), event.keysChanged));
    filesMap(this.doc).observe((event) => this.record(this.files, filesMap(this.doc), event.keysChanged));
  }

  /** Applies the next update of the log, received at `atMs` (times must not go backwards). */
  append(data: Uint8Array, atMs: number): void {
    this.applying = this.times.length;
    this.times.push(atMs);
    applyStoredUpdate(this.doc, data);
  }

  get length(): number {
    return this.times.length;
  }

  /** When the first update was received, or null before any. */
  get firstAt(): number | null {
    return this.times.length > 0 ? this.times[0] : null;
  }

  /** How many updates were received at or before `atMs`. */
  countAt(atMs: number): number {
    return upperBound(this.times, (time) => time <= atMs);
  }

  /** The elements (tombstones included, in z-order) and files after the first `count` updates. */
  sceneAt(count: number): { elements: ExcalidrawElement[]; files: Record<string, unknown> } {
    const elements = this.valuesAt(this.elements, count).map((change) => change.value as ExcalidrawElement);
    const files: Record<string, unknown> = {};
    for (const change of this.valuesAt(this.files, count)) if (isFileRecord(change.value)) files[change.value.id] = change.value;
    return { elements: orderByIndex(elements), files };
  }

  /**
   * The same scene as `sceneAt`, serialised as `{ elements, files }` JSON from the stored pieces.
   * Every value ever held is kept sorted in z-order once, so a seek marks each element's value at
   * that point and walks the sorted list instead of sorting thousands of elements again.
   */
  sceneJsonAt(count: number): string {
    const seek = ++this.seeks;
    for (const change of this.valuesAt(this.elements, count)) change.pickedBy = seek;
    const parts: string[] = [];
    for (const change of this.sortedChanges()) if (change.pickedBy === seek) parts.push(change.json);
    const files = this.valuesAt(this.files, count).filter((change) => isFileRecord(change.value));
    const filesJson = files.map((change) => `${JSON.stringify((change.value as { id: string }).id)}:${change.json}`).join(',');
    return `{"elements":[${parts.join(',')}],"files":{${filesJson}}}`;
  }

  destroy(): void {
    this.doc.destroy();
  }

  private record<T>(history: Map<string, Change[]>, map: Y.Map<T>, keys: Set<string | null>): void {
    for (const key of keys) {
      if (key === null) continue;
      const value = map.has(key) ? map.get(key) : undefined;
      const changes = history.get(key) ?? [];
      const keyRank = changes.length > 0 ? changes[0].keyRank : history.size;
      const change: Change = { from: this.applying, value, json: value === undefined ? '' : JSON.stringify(value), keyRank, pickedBy: 0 };
      if (history === this.elements) this.zOrderStale = true;
      // Several changes of one key within one update: the last one stands.
      if (changes.length > 0 && changes[changes.length - 1].from === this.applying) changes[changes.length - 1] = change;
      else changes.push(change);
      history.set(key, changes);
    }
  }

  /** Element values in z-order: by fractional index, then id; unindexed ones last, in key order. */
  private sortedChanges(): Change[] {
    if (!this.zOrderStale) return this.zOrder;
    const all: Change[] = [];
    for (const changes of this.elements.values()) for (const change of changes) if (change.value !== undefined) all.push(change);
    const indexOf = (change: Change) => {
      const index = (change.value as ExcalidrawElement).index;
      return typeof index === 'string' && index !== '' ? index : null;
    };
    all.sort((a, b) => {
      const ai = indexOf(a);
      const bi = indexOf(b);
      if (ai === null || bi === null) return ai === bi ? a.keyRank - b.keyRank : ai === null ? 1 : -1;
      if (ai !== bi) return ai < bi ? -1 : 1;
      const aid = (a.value as ExcalidrawElement).id;
      const bid = (b.value as ExcalidrawElement).id;
      return aid === bid ? 0 : aid < bid ? -1 : 1;
    });
    this.zOrder = all;
    this.zOrderStale = false;
    return all;
  }

  private valuesAt(history: Map<string, Change[]>, count: number): Change[] {
    const values: Change[] = [];
    for (const changes of history.values()) {
      const at = upperBound(changes, (change) => change.from < count) - 1;
      if (at >= 0 && changes[at].value !== undefined) values.push(changes[at]);
    }
    return values;
  }
}

/** The number of leading items of a sorted array for which `before` holds. */
function upperBound<T>(items: readonly T[], before: (item: T) => boolean): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (before(items[middle])) low = middle + 1;
    else high = middle;
  }
  return low;
}
