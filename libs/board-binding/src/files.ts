import type * as Y from 'yjs';
import { BOARD_DOC } from '@pairboard/contracts';

/** An image on the board; the bytes live behind `url` (uploaded over REST), never in the document. */
export interface BoardFileRecord {
  id: string;
  mimeType: string;
  url: string;
  /** epoch milliseconds */
  created: number;
}

export function filesMap(doc: Y.Doc): Y.Map<BoardFileRecord> {
  return doc.getMap<BoardFileRecord>(BOARD_DOC.files);
}

/** Records arrive from other clients, so their shape is checked before use. */
export function isFileRecord(value: unknown): value is BoardFileRecord {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return (
    typeof record['id'] === 'string' &&
    typeof record['mimeType'] === 'string' &&
    typeof record['url'] === 'string' &&
    typeof record['created'] === 'number'
  );
}

export function readFiles(doc: Y.Doc): BoardFileRecord[] {
  return [...filesMap(doc).values()].filter(isFileRecord);
}

/** Adds records whose id the document does not hold yet, in one transaction; returns how many. */
export function writeFiles(doc: Y.Doc, records: readonly BoardFileRecord[], origin: unknown = null): number {
  const map = filesMap(doc);
  const fresh = records.filter((record) => !map.has(record.id));
  if (fresh.length === 0) return 0;
  doc.transact(() => {
    for (const record of fresh) {
      map.set(record.id, { id: record.id, mimeType: record.mimeType, url: record.url, created: record.created });
    }
  }, origin);
  return fresh.length;
}
