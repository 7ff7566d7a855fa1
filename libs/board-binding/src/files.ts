import { BOARD_DOC, boardFileRecordSchema, type BoardFileRecord } from '@pairboard/contracts';
import type * as Y from 'yjs';

export type { BoardFileRecord };

/** Images on the board; the bytes live behind the REST API (`boardFilePath`), never in the document. */
export function filesMap(doc: Y.Doc): Y.Map<BoardFileRecord> {
  return doc.getMap<BoardFileRecord>(BOARD_DOC.files);
}

/** Records arrive from other clients, so they are checked against the contract before use. */
export function isFileRecord(value: unknown): value is BoardFileRecord {
  return boardFileRecordSchema.safeParse(value).success;
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
      map.set(record.id, { id: record.id, mimeType: record.mimeType, size: record.size, created: record.created });
    }
  }, origin);
  return fresh.length;
}
