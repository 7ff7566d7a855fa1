import * as Y from 'yjs';
import { ExcalidrawYjsBinding, type BindingOptions } from '../binding';
import type { ExcalidrawElement } from '../excalidraw-types';
import { elementsMap } from '../elements';
import { FakeScene } from './fake-scene';

/** Origin of updates applied from the network, like a provider's. */
export const NETWORK = { network: true };

export interface Peer {
  doc: Y.Doc;
  scene: FakeScene;
  binding: ExcalidrawYjsBinding;
  origin: object;
}

export function createPeer(
  name: string,
  options: BindingOptions & { nonce?: () => number; clientID?: number } = {},
): Peer {
  const doc = new Y.Doc();
  if (options.clientID !== undefined) doc.clientID = options.clientID;
  const scene = new FakeScene(name, options.nonce);
  const origin = { peer: name };
  const binding = new ExcalidrawYjsBinding(doc, scene, origin, options);
  scene.onChange = (elements) => binding.onChange(elements);
  return { doc, scene, binding, origin };
}

/** Delivers every update between the two documents at once, both ways, from now on. */
export function link(a: Peer, b: Peer): void {
  a.doc.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== NETWORK) Y.applyUpdate(b.doc, update, NETWORK);
  });
  b.doc.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== NETWORK) Y.applyUpdate(a.doc, update, NETWORK);
  });
  Y.applyUpdate(b.doc, Y.encodeStateAsUpdate(a.doc), NETWORK);
  Y.applyUpdate(a.doc, Y.encodeStateAsUpdate(b.doc), NETWORK);
}

/** Records element keys written per transaction, by origin. */
export function recordWrites(doc: Y.Doc): Array<{ origin: unknown; keys: string[]; deletedKeys: string[] }> {
  const writes: Array<{ origin: unknown; keys: string[]; deletedKeys: string[] }> = [];
  elementsMap(doc).observe((event, transaction) => {
    const deletedKeys = [...event.changes.keys].filter(([, change]) => change.action === 'delete').map(([key]) => key);
    writes.push({ origin: transaction.origin, keys: [...event.keysChanged].sort(), deletedKeys });
  });
  return writes;
}

export function stamps(elements: readonly ExcalidrawElement[]) {
  return elements.map(({ id, version, versionNonce, isDeleted, index }) => ({ id, version, versionNonce, isDeleted, index }));
}
