import * as Y from 'yjs';
import { BOARD_DOC } from '@pairboard/contracts';
import type { ExcalidrawElement } from './excalidraw-types';
import { writeFiles, type BoardFileRecord } from './files';

/** The fields the binding relies on; every Excalidraw element has them. */
export type VersionStamp = Pick<ExcalidrawElement, 'version' | 'versionNonce'>;

export function elementsMap(doc: Y.Doc): Y.Map<ExcalidrawElement> {
  return doc.getMap<ExcalidrawElement>(BOARD_DOC.elements);
}

/**
 * Excalidraw's rule for two versions of one element: the higher `version` wins, a tie goes to the
 * lower `versionNonce`, so every client picks the same one.
 */
export function isNewer(candidate: VersionStamp, current: VersionStamp | undefined): boolean {
  if (!current) return true;
  if (candidate.version !== current.version) return candidate.version > current.version;
  return candidate.versionNonce < current.versionNonce;
}

export function sameVersion(a: VersionStamp, b: VersionStamp | undefined): boolean {
  return b !== undefined && a.version === b.version && a.versionNonce === b.versionNonce;
}

function hasIndex(element: ExcalidrawElement): boolean {
  return typeof element.index === 'string' && element.index !== '';
}

/**
 * Z-order: fractional indices compare as plain strings (by code unit, not locale), equal indices
 * (concurrent inserts at the same spot) fall back to the id so every client agrees; elements without
 * an index go last in their current relative order.
 */
export function orderByIndex<T extends ExcalidrawElement>(elements: readonly T[]): T[] {
  const indexed = elements.filter(hasIndex);
  const unindexed = elements.filter((element) => !hasIndex(element));
  indexed.sort((a, b) => {
    const ai = a.index as string;
    const bi = b.index as string;
    if (ai !== bi) return ai < bi ? -1 : 1;
    if (a.id === b.id) return 0;
    return a.id < b.id ? -1 : 1;
  });
  return [...indexed, ...unindexed];
}

/**
 * Elements go into the document and into the scene as private deep copies: Excalidraw mutates
 * scene elements in place, which must never reach an object held by Yjs.
 */
export function cloneElement<T extends ExcalidrawElement>(element: T): T {
  return JSON.parse(JSON.stringify(element)) as T;
}

export interface ReadElementsOptions {
  /** Keep tombstones (`isDeleted: true`); default true, which is what replay needs. */
  includeDeleted?: boolean;
}

/** The board as stored: every element of the document in z-order. Treat the result as read-only. */
export function readElements(doc: Y.Doc, options: ReadElementsOptions = {}): ExcalidrawElement[] {
  const includeDeleted = options.includeDeleted ?? true;
  const elements = [...elementsMap(doc).values()].filter((element) => includeDeleted || !element.isDeleted);
  return orderByIndex(elements);
}

/**
 * Loads elements into a document (a template, an imported file, a board built on the server) in one
 * transaction. An element is written only when the document has no newer version of it.
 * Returns how many were written.
 */
export function writeElements(doc: Y.Doc, elements: readonly ExcalidrawElement[], origin: unknown = null): number {
  const map = elementsMap(doc);
  let written = 0;
  doc.transact(() => {
    for (const element of elements) {
      if (!isNewer(element, map.get(element.id))) continue;
      map.set(element.id, cloneElement(element));
      written += 1;
    }
  }, origin);
  return written;
}

/** A whole board as one Yjs update, e.g. to seed a new interview's document on the server. */
export function elementsToYjsUpdate(
  elements: readonly ExcalidrawElement[],
  files: readonly BoardFileRecord[] = [],
): Uint8Array {
  const doc = new Y.Doc();
  writeElements(doc, elements);
  writeFiles(doc, files);
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return update;
}
