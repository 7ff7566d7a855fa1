import * as Y from 'yjs';
import { PrismaService } from '../../../src/base/prisma';
import { BoardRepository } from '../../../src/core/board/board.repository';
import type { TestApp } from '../../support/test-app';

/** An Excalidraw-like element: what the binding writes into the document's `elements` map. */
export function element(id: string, version: number, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { id, type: 'rectangle', x: version * 10, y: 0, width: 40, height: 20, version, versionNonce: version * 7, index: `a${id}`, isDeleted: false, ...extra };
}

/** A client's document whose every local change becomes one stored update. */
export class RecordingClient {
  readonly doc = new Y.Doc();
  readonly pending: Uint8Array[] = [];

  constructor() {
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== 'remote') this.pending.push(update);
    });
  }

  put(value: Record<string, unknown>): void {
    this.doc.getMap('elements').set(value.id as string, value);
  }

  receive(update: Uint8Array): void {
    Y.applyUpdate(this.doc, update, 'remote');
  }

  take(): Uint8Array[] {
    return this.pending.splice(0);
  }
}

/** Appends updates with the given receive times through the board's real storage path. */
export async function storeUpdates(api: TestApp, interviewId: string, rows: { data: Uint8Array; at: Date; authorId?: string | null }[]): Promise<bigint[]> {
  const board = api.app.get(BoardRepository, { strict: false });
  const ids: bigint[] = [];
  for (let index = 0; index < rows.length; index += 500) {
    const batch = rows.slice(index, index + 500).map((row) => ({ interviewId, authorId: row.authorId ?? null, data: row.data, receivedAt: row.at }));
    ids.push(...(await board.appendUpdates(batch)));
  }
  return ids;
}

/** Marks the interview as having run from `startedAt` to `endedAt` (null: still live). */
export async function setSession(api: TestApp, interviewId: string, startedAt: Date, endedAt: Date | null): Promise<void> {
  await api.app.get(PrismaService).interview.update({
    where: { id: interviewId },
    data: { status: endedAt ? 'ended' : 'live', startedAt, endedAt, phaseStartedAt: startedAt },
  });
}
