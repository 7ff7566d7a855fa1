import type { FractionalIndex } from '@excalidraw/excalidraw/element/types' with { 'resolution-mode': 'import' };
import * as Y from 'yjs';
import { ExcalidrawYjsBinding } from './binding';
import { elementsMap, readElements, writeElements } from './elements';
import { filesMap } from './files';
import { FakeScene, makeElement } from './test-support/fake-scene';
import { createPeer, link, NETWORK, recordWrites, stamps, type Peer } from './test-support/peers';

const at = (index: string) => index as FractionalIndex;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function twoPeers(): [Peer, Peer] {
  const a = createPeer('a', { captureTimeout: 0 });
  const b = createPeer('b', { captureTimeout: 0 });
  link(a, b);
  return [a, b];
}

describe('local changes', () => {
  it('writes only changed elements, one transaction per onChange', () => {
    const peer = createPeer('a');
    const writes = recordWrites(peer.doc);
    const first = peer.scene.add({ index: at('a0') });
    const second = peer.scene.add({ index: at('a1') });
    expect(writes.map((write) => write.keys)).toEqual([[first.id], [second.id]]);

    writes.length = 0;
    peer.scene.mutate(first.id, { x: 10 });
    expect(writes).toEqual([{ origin: peer.origin, keys: [first.id], deletedKeys: [] }]);

    writes.length = 0;
    peer.scene.emit();
    peer.scene.setAppState({ selectedElementIds: { [first.id]: true } });
    expect(writes).toEqual([]);
  });

  it('writes several changed elements in a single transaction', () => {
    const peer = createPeer('a');
    const first = peer.scene.add({ index: at('a0') });
    const second = peer.scene.add({ index: at('a1') });
    peer.scene.onChange = null;
    peer.scene.mutate(first.id, { x: 5 });
    peer.scene.mutate(second.id, { y: 5 });
    const transactions: unknown[] = [];
    peer.doc.on('afterTransaction', (transaction: Y.Transaction) => transactions.push(transaction.origin));
    const writes = recordWrites(peer.doc);

    peer.binding.onChange(peer.scene.elements);

    expect(transactions).toEqual([peer.origin]);
    expect(writes.map((write) => write.keys)).toEqual([[first.id, second.id].sort()]);
  });

  it('stores copies, so changing the scene in place never alters the document', () => {
    const peer = createPeer('a');
    const element = peer.scene.add({ index: at('a0'), x: 1 });
    (element as { x: number }).x = 999;
    expect(elementsMap(peer.doc).get(element.id)?.x).toBe(1);
  });

  it('keeps deleted elements as tombstones and never removes keys', () => {
    const peer = createPeer('a');
    const writes = recordWrites(peer.doc);
    const element = peer.scene.add({ index: at('a0') });
    peer.scene.mutate(element.id, { isDeleted: true });

    expect(elementsMap(peer.doc).get(element.id)).toMatchObject({ isDeleted: true, version: 2 });
    expect(readElements(peer.doc).map((e) => e.id)).toEqual([element.id]);
    expect(readElements(peer.doc, { includeDeleted: false })).toEqual([]);
    expect(writes.flatMap((write) => write.deletedKeys)).toEqual([]);
  });
});

describe('remote changes', () => {
  it('reach the other scene without being written back', () => {
    const [a, b] = twoPeers();
    const writesOnB = recordWrites(b.doc);
    const element = a.scene.add({ index: at('a0'), x: 3 });

    expect(b.scene.find(element.id)).toMatchObject({ x: 3, version: 1 });
    expect(writesOnB.map((write) => write.origin)).toEqual([NETWORK]);

    a.scene.mutate(element.id, { x: 7 });
    expect(b.scene.find(element.id)).toMatchObject({ x: 7, version: 2 });
    expect(writesOnB.every((write) => write.origin === NETWORK)).toBe(true);
  });

  it('hands the scene its own copies', () => {
    const [a, b] = twoPeers();
    const element = a.scene.add({ index: at('a0'), x: 3 });
    const onB = b.scene.find(element.id) as { x: number };
    onB.x = 100;
    expect(elementsMap(b.doc).get(element.id)?.x).toBe(3);
  });

  it('keeps the local version of an element being edited, then shows a newer remote one when done', () => {
    const [a, b] = twoPeers();
    const element = a.scene.add({ index: at('a0') });
    b.scene.setAppState({ editingTextElement: { id: element.id } });

    a.scene.mutate(element.id, { strokeColor: 'red' });
    a.scene.mutate(element.id, { strokeColor: 'blue' });
    expect(b.scene.find(element.id)).toMatchObject({ strokeColor: '#1e1e1e', version: 1 });

    b.scene.setAppState({});
    expect(b.scene.find(element.id)).toMatchObject({ strokeColor: 'blue', version: 3 });
  });

  it('lets a local edit that ends up newer win everywhere', () => {
    const [a, b] = twoPeers();
    const element = a.scene.add({ index: at('a0') });
    b.scene.setAppState({ editingTextElement: { id: element.id } });
    a.scene.mutate(element.id, { strokeColor: 'red' });
    b.scene.mutate(element.id, { strokeColor: 'green' });
    b.scene.mutate(element.id, { strokeColor: 'green' });
    b.scene.setAppState({});

    expect(b.scene.find(element.id)).toMatchObject({ strokeColor: 'green', version: 3 });
    expect(a.scene.find(element.id)).toMatchObject({ strokeColor: 'green', version: 3 });
  });

  it('applies remote changes to selected elements and leaves the selection alone', () => {
    const [a, b] = twoPeers();
    const element = a.scene.add({ index: at('a0') });
    b.scene.appState = { selectedElementIds: { [element.id]: true } };

    a.scene.mutate(element.id, { x: 50 });

    expect(b.scene.find(element.id)).toMatchObject({ x: 50 });
    expect(Object.keys(b.scene.sceneUpdates.at(-1) ?? {})).toEqual(['elements']);
    expect(b.scene.appState.selectedElementIds).toEqual({ [element.id]: true });
  });

  it('does not move elements the user is dragging', () => {
    const [a, b] = twoPeers();
    const element = a.scene.add({ index: at('a0') });
    b.scene.appState = { selectedElementIds: { [element.id]: true }, selectedElementsAreBeingDragged: true };

    a.scene.mutate(element.id, { x: 50 });

    expect(b.scene.find(element.id)).toMatchObject({ x: 0 });
  });

  it('orders the scene by fractional index', () => {
    const [a, b] = twoPeers();
    a.scene.add({ index: at('a2') });
    a.scene.add({ index: at('a0') });
    const unindexed = a.scene.add({ index: null });
    a.scene.add({ index: at('Zz') });
    a.scene.add({ index: at('a1') });

    const order = b.scene.elements.map((element) => element.index);
    expect(order).toEqual(['Zz', 'a0', 'a1', 'a2', null]);
    expect(b.scene.elements.at(-1)?.id).toBe(unindexed.id);
  });

  it('repairs a concurrent write that won inside Yjs but loses by version', () => {
    // Yjs keeps the higher client id's value; Excalidraw's rule keeps the lower nonce (a's)
    const a = createPeer('a', { clientID: 1, nonce: () => 5 });
    const b = createPeer('b', { clientID: 2, nonce: () => 9 });
    const element = a.scene.add({ index: at('a0') });
    Y.applyUpdate(b.doc, Y.encodeStateAsUpdate(a.doc), NETWORK);
    a.scene.mutate(element.id, { x: 1 });
    b.scene.mutate(element.id, { x: 2 });

    link(a, b);

    for (const peer of [a, b]) {
      expect(peer.scene.find(element.id)).toMatchObject({ x: 1, version: 2, versionNonce: 5 });
      expect(elementsMap(peer.doc).get(element.id)).toMatchObject({ x: 1, version: 2, versionNonce: 5 });
    }
    expect(a.binding.canUndo()).toBe(true);
    a.binding.undo();
    expect(stamps(a.scene.elements)).toEqual(stamps(b.scene.elements));
  });
});

describe('undo and redo', () => {
  it('undoes only your own changes', () => {
    const [a, b] = twoPeers();
    const mine = a.scene.add({ index: at('a0') });
    const theirs = b.scene.add({ index: at('a1') });

    expect(a.binding.undo()).toBe(true);

    for (const peer of [a, b]) {
      expect(peer.scene.find(mine.id)).toMatchObject({ isDeleted: true });
      expect(peer.scene.find(theirs.id)).toMatchObject({ isDeleted: false });
    }
    expect(b.binding.canUndo()).toBe(true);
    expect(stamps(a.scene.elements)).toEqual(stamps(b.scene.elements));
  });

  it('moves back only your element and keeps the other user\'s move', () => {
    const [a, b] = twoPeers();
    const mine = a.scene.add({ index: at('a0'), x: 0 });
    const theirs = b.scene.add({ index: at('a1'), x: 0 });
    a.binding.stopCapturing();
    a.scene.mutate(mine.id, { x: 100 });
    b.scene.mutate(theirs.id, { x: 200 });

    a.binding.undo();

    for (const peer of [a, b]) {
      expect(peer.scene.find(mine.id)).toMatchObject({ x: 0, isDeleted: false });
      expect(peer.scene.find(theirs.id)).toMatchObject({ x: 200 });
    }
    // the restored element carries a newer version, so every client accepts it
    expect(a.scene.find(mine.id)?.version).toBeGreaterThan(2);
  });

  it('never overwrites a later change by the other user', () => {
    const [a, b] = twoPeers();
    const element = a.scene.add({ index: at('a0'), x: 0 });
    a.binding.stopCapturing();
    a.scene.mutate(element.id, { x: 100 });
    b.scene.mutate(element.id, { x: 300 });

    a.binding.undo();

    expect(a.scene.find(element.id)).toMatchObject({ x: 300 });
    expect(b.scene.find(element.id)).toMatchObject({ x: 300 });
  });

  it('redoes what was undone, on both sides', () => {
    const [a, b] = twoPeers();
    const element = a.scene.add({ index: at('a0'), x: 0 });
    a.binding.stopCapturing();
    a.scene.mutate(element.id, { x: 100 });

    a.binding.undo();
    expect(a.binding.canRedo()).toBe(true);
    expect(a.binding.redo()).toBe(true);

    for (const peer of [a, b]) expect(peer.scene.find(element.id)).toMatchObject({ x: 100 });
    expect(a.binding.undo()).toBe(true);
    for (const peer of [a, b]) expect(peer.scene.find(element.id)).toMatchObject({ x: 0 });
    expect(a.binding.undo()).toBe(true);
    for (const peer of [a, b]) expect(peer.scene.find(element.id)).toMatchObject({ isDeleted: true });
    expect(a.binding.canUndo()).toBe(false);
    expect(a.binding.undo()).toBe(false);
  });

  it('groups changes closer together than the capture timeout', async () => {
    const peer = createPeer('a', { captureTimeout: 40 });
    const element = peer.scene.add({ index: at('a0'), x: 0 });
    await sleep(80);
    peer.scene.mutate(element.id, { x: 1 });
    peer.scene.mutate(element.id, { x: 2 });
    await sleep(80);
    peer.scene.mutate(element.id, { x: 3 });

    peer.binding.undo();
    expect(peer.scene.find(element.id)).toMatchObject({ x: 2 });
    peer.binding.undo();
    expect(peer.scene.find(element.id)).toMatchObject({ x: 0, isDeleted: false });
  });

  it('does not record remote changes or its own undo results as new steps', () => {
    const [a, b] = twoPeers();
    const history: Array<{ canUndo: boolean; canRedo: boolean }> = [];
    const unsubscribe = a.binding.onHistoryChange((state) => history.push(state));
    b.scene.add({ index: at('a0') });
    expect(a.binding.canUndo()).toBe(false);

    const element = a.scene.add({ index: at('a1') });
    a.binding.undo();
    expect(a.binding.canUndo()).toBe(false);
    expect(a.scene.find(element.id)).toMatchObject({ isDeleted: true });
    expect(history.at(-1)).toEqual({ canUndo: false, canRedo: true });
    unsubscribe();
  });
});

describe('files', () => {
  const record = { id: 'file-1', mimeType: 'image/png' as const, size: 68, created: 1 };

  it('publishes local records and surfaces remote ones once', () => {
    const [a, b] = twoPeers();
    a.scene.files = { 'file-1': record };
    expect(a.binding.unpublishedFileIds()).toEqual(['file-1']);

    a.binding.publishFiles([record]);
    a.binding.publishFiles([record]);

    expect(a.binding.unpublishedFileIds()).toEqual([]);
    expect(a.scene.addedFiles).toEqual([]);
    expect(b.scene.addedFiles).toEqual([record]);
  });

  it('ignores malformed records', () => {
    const [a, b] = twoPeers();
    a.doc.transact(() => filesMap(a.doc).set('bad', { id: 'bad' } as never), NETWORK);
    expect(b.scene.addedFiles).toEqual([]);
  });
});

describe('start and stop', () => {
  it('loads the document into the scene and writes scene-only elements', () => {
    const doc = new Y.Doc();
    writeElements(doc, [makeElement({ id: 'x', index: at('a1') }), makeElement({ id: 'y', index: at('a0') })]);
    filesMap(doc).set('f', { id: 'f', mimeType: 'image/png', size: 68, created: 1 });
    const scene = new FakeScene('s');
    scene.elements = [makeElement({ id: 'z', index: at('a2') })];

    const binding = new ExcalidrawYjsBinding(doc, scene, {});

    expect(scene.elements.map((element) => element.id)).toEqual(['y', 'x', 'z']);
    expect(readElements(doc).map((element) => element.id)).toEqual(['y', 'x', 'z']);
    expect(scene.addedFiles.map((file) => file.id)).toEqual(['f']);
    expect(binding.canUndo()).toBe(false);
  });

  it('stops listening after destroy', () => {
    const [a, b] = twoPeers();
    b.binding.destroy();
    const writes = recordWrites(b.doc);
    a.scene.add({ index: at('a0') });
    b.scene.add({ index: at('a1') });

    expect(b.scene.elements).toHaveLength(1);
    expect(writes.map((write) => write.origin)).toEqual([NETWORK]);
    expect(b.binding.undo()).toBe(false);
  });
});
