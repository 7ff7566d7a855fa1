import * as Y from 'yjs';

/** A realistic Excalidraw element as the board binding stores it (about 500 bytes of JSON). */
export function excalidrawElement(id: string, version = 1, seed = 1): Record<string, unknown> {
  return {
    id,
    type: 'rectangle',
    x: (seed * 37) % 2000,
    y: (seed * 91) % 2000,
    width: 120.5,
    height: 80.25,
    angle: 0,
    strokeColor: '#1e1e1e',
    backgroundColor: 'transparent',
    fillStyle: 'solid',
    strokeWidth: 2,
    strokeStyle: 'solid',
    roughness: 1,
    opacity: 100,
    groupIds: [],
    frameId: null,
    index: `a${seed.toString(36)}`,
    roundness: { type: 3 },
    seed: (seed * 7919) % 2147483647,
    version,
    versionNonce: (seed * 104729 + version) % 2147483647,
    isDeleted: false,
    boundElements: [{ id: `arrow-${id}`, type: 'arrow' }],
    updated: 1_764_000_000_000 + version,
    link: null,
    locked: false,
  };
}

/** The update a doc emits for one change. */
export function captureUpdate(doc: Y.Doc, change: () => void): Uint8Array {
  let captured: Uint8Array | null = null;
  const listener = (update: Uint8Array) => (captured = captured ? Y.mergeUpdates([captured, update]) : update);
  doc.on('update', listener);
  try {
    change();
  } finally {
    doc.off('update', listener);
  }
  if (!captured) throw new Error('the change produced no update');
  return captured;
}
