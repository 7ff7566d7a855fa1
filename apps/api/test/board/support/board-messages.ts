import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';

/** Client messages of the y-websocket protocol, built the way the stock client builds them. */

export function step1Message(doc: Y.Doc): Uint8Array {
  return syncMessage(0, Y.encodeStateVector(doc));
}

export function step2Message(update: Uint8Array): Uint8Array {
  return syncMessage(1, update);
}

export function updateMessage(update: Uint8Array): Uint8Array {
  return syncMessage(2, update);
}

function syncMessage(step: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  encoding.writeVarUint(encoder, step);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

export function awarenessMessage(entries: { clientId: number; clock: number; state: unknown }[]): Uint8Array {
  const inner = encoding.createEncoder();
  encoding.writeVarUint(inner, entries.length);
  for (const entry of entries) {
    encoding.writeVarUint(inner, entry.clientId);
    encoding.writeVarUint(inner, entry.clock);
    encoding.writeVarString(inner, JSON.stringify(entry.state));
  }
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 1);
  encoding.writeVarUint8Array(encoder, encoding.toUint8Array(inner));
  return encoding.toUint8Array(encoder);
}

export function queryAwarenessMessage(): Uint8Array {
  return Uint8Array.of(3);
}

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
