import fc from 'fast-check';
import * as Y from 'yjs';
import { boardScene, ReplayCursor, ReplayUpdate, skipIdle } from './replay';
import { elementsMap } from './elements';

/** A log of `count` edits by one client, one per `gapMs`, cycling over a few element ids. */
function editLog(edits: { id: number; gapMs: number; deleted: boolean }[]): ReplayUpdate[] {
  const doc = new Y.Doc();
  const log: ReplayUpdate[] = [];
  let atMs = 0;
  const versions = new Map<number, number>();
  doc.on('update', (data: Uint8Array) => log.push({ atMs, data }));
  for (const edit of edits) {
    atMs += edit.gapMs;
    const version = (versions.get(edit.id) ?? 0) + 1;
    versions.set(edit.id, version);
    elementsMap(doc).set(`e${edit.id}`, { id: `e${edit.id}`, type: 'rectangle', version, versionNonce: version, index: `a${edit.id}`, isDeleted: edit.deleted } as never);
  }
  return log;
}

function reference(log: readonly ReplayUpdate[], atMs: number) {
  const doc = new Y.Doc();
  for (const update of log) if (update.atMs <= atMs) Y.applyUpdate(doc, update.data);
  return boardScene(doc);
}

const edits = fc.array(fc.record({ id: fc.nat(5), gapMs: fc.nat(3000), deleted: fc.boolean() }), { minLength: 1, maxLength: 80 });

describe('ReplayCursor', () => {
  it('shows exactly the updates up to the instant, whatever order the seeks come in', () => {
    fc.assert(
      fc.property(edits, fc.array(fc.nat(250_000), { minLength: 1, maxLength: 20 }), fc.integer({ min: 1, max: 10 }), (changes, seeks, snapshotEvery) => {
        const log = editLog(changes);
        const cursor = new ReplayCursor(log, snapshotEvery);
        for (const atMs of [...seeks, ...log.map((update) => update.atMs)]) {
          cursor.seek(atMs);
          expect(cursor.scene()).toEqual(reference(log, atMs));
        }
        cursor.destroy();
      }),
    );
  });

  it('reports whether a seek changed the board and when the next change comes', () => {
    const log = editLog([
      { id: 1, gapMs: 1000, deleted: false },
      { id: 2, gapMs: 1000, deleted: false },
    ]);
    const cursor = new ReplayCursor(log);
    expect(cursor.nextChangeAt()).toBe(1000);
    expect(cursor.seek(500)).toBe(false);
    expect(cursor.seek(1000)).toBe(true);
    expect(cursor.nextChangeAt()).toBe(2000);
    expect(cursor.seek(5000)).toBe(true);
    expect(cursor.nextChangeAt()).toBeNull();
    expect(cursor.scene().elements.map((value) => value.id)).toEqual(['e1', 'e2']);
  });
});

describe('skipIdle', () => {
  it('jumps to shortly before the next activity only across a long quiet stretch', () => {
    expect(skipIdle([1000, 60_000], 2000, 10_000)).toBe(59_500);
    expect(skipIdle([1000, 8000], 2000, 10_000)).toBe(2000);
    expect(skipIdle([1000], 2000, 10_000)).toBe(2000);
  });
});
