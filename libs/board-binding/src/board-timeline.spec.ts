import fc from 'fast-check';
import * as Y from 'yjs';
import { BoardTimeline } from './board-timeline';
import { elementsMap } from './elements';
import { filesMap } from './files';
import { boardScene } from './replay';

type Op = { kind: 'edit'; client: number; id: number; deleted: boolean; remove: boolean } | { kind: 'sync'; from: number; to: number } | { kind: 'file'; client: number; id: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('edit' as const), client: fc.nat(2), id: fc.nat(6), deleted: fc.boolean(), remove: fc.boolean() }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('sync' as const), from: fc.nat(2), to: fc.nat(2) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('file' as const), client: fc.nat(2), id: fc.nat(2) }) },
);

/** Three clients editing concurrently; every local change is one logged update. */
function session(ops: readonly Op[]): Uint8Array[] {
  const clients = [new Y.Doc(), new Y.Doc(), new Y.Doc()];
  const log: Uint8Array[] = [];
  clients.forEach((doc) => doc.on('update', (update: Uint8Array, origin: unknown) => origin !== 'remote' && log.push(update)));
  let version = 0;
  for (const item of ops) {
    if (item.kind === 'sync') Y.applyUpdate(clients[item.to], Y.encodeStateAsUpdate(clients[item.from]), 'remote');
    else if (item.kind === 'file') filesMap(clients[item.client]).set(`f${item.id}`, { id: `f${item.id}`, mimeType: 'image/png', size: 100, created: item.id });
    else if (item.remove && item.deleted) elementsMap(clients[item.client]).delete(`e${item.id}`);
    else {
      version++;
      // Some elements have no fractional index: they keep the document's order, after the others.
      const index = item.id % 3 === 0 ? {} : { index: `a${(version * 7) % 5}` };
      elementsMap(clients[item.client]).set(`e${item.id}`, { id: `e${item.id}`, type: 'rectangle', version, versionNonce: version, isDeleted: item.deleted, ...index } as never);
    }
  }
  return log;
}

describe('BoardTimeline', () => {
  it('gives, after any prefix of the log, exactly what a document given that prefix holds', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 60 }), (ops) => {
        const log = session(ops);
        const timeline = new BoardTimeline();
        log.forEach((update, index) => timeline.append(update, index * 10));
        for (let count = 0; count <= log.length; count++) {
          const reference = new Y.Doc();
          for (const update of log.slice(0, count)) Y.applyUpdate(reference, update);
          const expected = boardScene(reference);
          expect(timeline.sceneAt(count)).toEqual(expected);
          expect(JSON.parse(timeline.sceneJsonAt(count))).toEqual(JSON.parse(JSON.stringify(expected)));
        }
      }),
      { numRuns: 60 },
    );
  });

  it('counts the updates received by an instant', () => {
    const timeline = new BoardTimeline();
    const log = session([{ kind: 'edit', client: 0, id: 1, deleted: false, remove: false }, { kind: 'edit', client: 0, id: 2, deleted: false, remove: false }]);
    timeline.append(log[0], 100);
    timeline.append(log[1], 100);
    expect([timeline.countAt(99), timeline.countAt(100), timeline.countAt(1_000)]).toEqual([0, 2, 2]);
  });
});
