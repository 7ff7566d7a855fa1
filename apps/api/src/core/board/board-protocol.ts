import { BOARD_MESSAGE } from '@pairboard/contracts';
import * as Y from 'yjs';
import { documentRuleViolation } from './board-document-rules';

/**
 * The y-websocket wire format, read and written by hand: the server relays most messages as the
 * bytes it received, so it only needs to find their parts, check them and build a few replies.
 * Every read is bounds-checked against the message itself (a Buffer from `ws` can be a view into a
 * larger slab, so reading past its end must fail rather than see someone else's bytes).
 */

export const SYNC_STEP_1 = 0;
export const SYNC_STEP_2 = 1;
export const SYNC_UPDATE = 2;

export class MalformedMessage extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'MalformedMessage';
  }
}

export type ClientMessage =
  | { kind: 'syncStep1' }
  | { kind: 'update'; update: Uint8Array; step2: boolean }
  | { kind: 'awareness'; update: Uint8Array }
  | { kind: 'queryAwareness' };

class Reader {
  pos = 0;

  constructor(readonly bytes: Uint8Array) {}

  get done(): boolean {
    return this.pos === this.bytes.length;
  }

  varUint(): number {
    let value = 0;
    let multiplier = 1;
    while (this.pos < this.bytes.length) {
      const byte = this.bytes[this.pos++];
      value += (byte & 0x7f) * multiplier;
      if (byte < 0x80) return value;
      multiplier *= 128;
      if (value > Number.MAX_SAFE_INTEGER) throw new MalformedMessage('integer out of range');
    }
    throw new MalformedMessage('message ends inside an integer');
  }

  varBytes(): Uint8Array {
    const length = this.varUint();
    if (length > this.bytes.length - this.pos) throw new MalformedMessage('length runs past the end of the message');
    const start = this.pos;
    this.pos += length;
    return this.bytes.subarray(start, this.pos);
  }
}

/** Splits a client message into its kind and payload; throws MalformedMessage on anything else. */
export function parseClientMessage(message: Uint8Array): ClientMessage {
  const reader = new Reader(message);
  const type = reader.varUint();
  let parsed: ClientMessage;
  if (type === BOARD_MESSAGE.sync) {
    const step = reader.varUint();
    const payload = reader.varBytes();
    if (step === SYNC_STEP_1) {
      checkStateVector(payload);
      parsed = { kind: 'syncStep1' };
    } else if (step === SYNC_STEP_2 || step === SYNC_UPDATE) {
      parsed = { kind: 'update', update: payload, step2: step === SYNC_STEP_2 };
    } else {
      throw new MalformedMessage(`unknown sync step ${step}`);
    }
  } else if (type === BOARD_MESSAGE.awareness) {
    parsed = { kind: 'awareness', update: reader.varBytes() };
  } else if (type === BOARD_MESSAGE.queryAwareness) {
    parsed = { kind: 'queryAwareness' };
  } else {
    throw new MalformedMessage(`unknown message type ${type}`);
  }
  if (!reader.done) throw new MalformedMessage('trailing bytes after the message');
  return parsed;
}

function checkStateVector(bytes: Uint8Array): void {
  const reader = new Reader(bytes);
  const clients = reader.varUint();
  for (let i = 0; i < clients; i++) {
    reader.varUint();
    reader.varUint();
  }
  if (!reader.done) throw new MalformedMessage('trailing bytes after the state vector');
}

const EMPTY_UPDATE = Uint8Array.of(0, 0);

/**
 * Checks that a Yjs update decodes completely and will integrate without throwing, and tells
 * whether it carries any item or deletion, and which clock per client its items reach (stored with
 * it, so a loading room knows its state vector without decoding). Decoding alone is not enough: a few hand-crafted updates
 * decode but make `applyUpdate` throw halfway through a transaction (zero-length deletions, items
 * whose origin or parent lies at or after their own clock); those are refused here, so nothing
 * stored can break a replay. With the room's document, the update must also keep the board's
 * layout rules (`board-document-rules.ts`). Costs about 30 µs for a typical 500-byte element update.
 */
export function inspectUpdate(update: Uint8Array, doc: Y.Doc | null = null): { hasContent: boolean; endClocks: Map<number, number> } {
  const endClocks = new Map<number, number>();
  if (isEmptyUpdate(update)) return { hasContent: false, endClocks };
  let decoded: ReturnType<typeof Y.decodeUpdate>;
  try {
    decoded = Y.decodeUpdate(ownBuffer(update));
  } catch {
    throw new MalformedMessage('the document update does not decode');
  }
  let hasContent = false;
  for (const struct of decoded.structs) {
    if (!(struct.length > 0)) throw new MalformedMessage('empty struct in the document update');
    if (struct instanceof Y.Skip) continue;
    hasContent = true;
    const end = struct.id.clock + struct.length;
    if (end > (endClocks.get(struct.id.client) ?? 0)) endClocks.set(struct.id.client, end);
    if (struct instanceof Y.Item) {
      const { client, clock } = struct.id;
      if (struct.origin && struct.origin.client === client && struct.origin.clock >= clock) throw selfReference();
      if (struct.rightOrigin && struct.rightOrigin.client === client && struct.rightOrigin.clock >= clock) throw selfReference();
      const parent = struct.parent;
      if (parent instanceof Y.ID && parent.client === client && parent.clock >= clock) throw selfReference();
    }
  }
  for (const ranges of decoded.ds.clients.values()) {
    for (const range of ranges) {
      if (!(range.len > 0)) throw new MalformedMessage('empty deletion range in the document update');
      hasContent = true;
    }
  }
  const violation = documentRuleViolation(decoded.structs, doc);
  if (violation) throw new MalformedMessage(violation);
  return { hasContent, endClocks };
}

function selfReference(): MalformedMessage {
  return new MalformedMessage('an item refers to a later item of its own client');
}

/** Yjs's own decoder trusts the view's underlying buffer; give it one that ends where the update ends. */
export function ownBuffer(bytes: Uint8Array): Uint8Array {
  return bytes.byteOffset + bytes.byteLength === bytes.buffer.byteLength ? bytes : copyBytes(bytes);
}

export function isEmptyUpdate(update: Uint8Array): boolean {
  return update.length === 2 && update[0] === 0 && update[1] === 0;
}

/** A copy in a buffer of its own (a Node Buffer's `slice` would only be another view). */
export function copyBytes(bytes: Uint8Array): Uint8Array {
  return new Uint8Array(bytes);
}

export interface AwarenessEntry {
  clientId: number;
  clock: number;
  /** the JSON state, not yet parsed: entries the server drops are never parsed */
  state: Uint8Array;
  /** the entry exactly as received, for relaying and for telling late joiners */
  bytes: Uint8Array;
}

/** Reads an awareness update `[count, (clientID, clock, JSON state)*]` without parsing the states. */
export function parseAwarenessUpdate(update: Uint8Array): AwarenessEntry[] {
  const reader = new Reader(update);
  const count = reader.varUint();
  if (count > 1024) throw new MalformedMessage('too many awareness entries');
  const entries: AwarenessEntry[] = [];
  for (let i = 0; i < count; i++) {
    const start = reader.pos;
    const clientId = reader.varUint();
    const clock = reader.varUint();
    const state = reader.varBytes();
    entries.push({ clientId, clock, state, bytes: update.subarray(start, reader.pos) });
  }
  if (!reader.done) throw new MalformedMessage('trailing bytes after the awareness entries');
  return entries;
}

/**
 * Parses an awareness state once so that every receiver can parse it too; only objects and null
 * are accepted. Returns null for null (the client went away).
 */
export function parseAwarenessState(entry: AwarenessEntry): Record<string, unknown> | null {
  let state: unknown;
  try {
    state = JSON.parse(Buffer.from(entry.state.buffer, entry.state.byteOffset, entry.state.byteLength).toString('utf8'));
  } catch {
    throw new MalformedMessage('awareness state is not JSON');
  }
  if (typeof state !== 'object' || Array.isArray(state)) throw new MalformedMessage('awareness state is not an object');
  return state as Record<string, unknown> | null;
}

/** Whether an awareness entry carries a state (false: the client went away). */
export function awarenessStatePresent(entry: AwarenessEntry): boolean {
  return parseAwarenessState(entry) !== null;
}

/** The entry `[clientID, clock, JSON state]` for a state, as a client would have written it. */
export function awarenessEntry(clientId: number, clock: number, state: unknown): Uint8Array {
  const json = new TextEncoder().encode(JSON.stringify(state));
  return new Writer().varUint(clientId).varUint(clock).varUint(json.length).toBytes([json]);
}

class Writer {
  private readonly chunks: number[] = [];

  varUint(value: number): this {
    while (value > 0x7f) {
      this.chunks.push(0x80 | (value & 0x7f));
      value = Math.floor(value / 128);
    }
    this.chunks.push(value);
    return this;
  }

  toBytes(tail: readonly Uint8Array[] = []): Uint8Array {
    const tailLength = tail.reduce((sum, part) => sum + part.length, 0);
    const out = new Uint8Array(this.chunks.length + tailLength);
    out.set(this.chunks, 0);
    let offset = this.chunks.length;
    for (const part of tail) {
      out.set(part, offset);
      offset += part.length;
    }
    return out;
  }
}

function varUintLength(value: number): number {
  let length = 1;
  while (value > 0x7f) {
    value = Math.floor(value / 128);
    length++;
  }
  return length;
}

function syncMessage(step: number, payload: Uint8Array): Uint8Array {
  return new Writer().varUint(BOARD_MESSAGE.sync).varUint(step).varUint(payload.length).toBytes([payload]);
}

/** Step 1 with the document's state vector, or with clocks known without a document. */
export function syncStep1Message(doc: Y.Doc | Map<number, number>): Uint8Array {
  return syncMessage(SYNC_STEP_1, Y.encodeStateVector(doc));
}

export function syncStep2Message(update: Uint8Array): Uint8Array {
  return syncMessage(SYNC_STEP_2, update);
}

export function updateMessage(update: Uint8Array): Uint8Array {
  return syncMessage(SYNC_UPDATE, update);
}

/** The reply to a client's step 1 once the whole document has been sent on that connection. */
export const EMPTY_STEP_2 = syncStep2Message(EMPTY_UPDATE);

/** `[4, n]`: n of this connection's document updates are stored. */
export function storedMessage(count: number): Uint8Array {
  return new Writer().varUint(BOARD_MESSAGE.stored).varUint(count).toBytes();
}

export function awarenessMessage(entries: readonly Uint8Array[]): Uint8Array {
  const bodyLength = varUintLength(entries.length) + entries.reduce((sum, entry) => sum + entry.length, 0);
  return new Writer().varUint(BOARD_MESSAGE.awareness).varUint(bodyLength).varUint(entries.length).toBytes(entries);
}

const NULL_STATE = new TextEncoder().encode('null');

/** An awareness entry saying the client left, with a clock that beats its last state. */
export function awarenessRemovalEntry(clientId: number, lastClock: number): Uint8Array {
  return new Writer().varUint(clientId).varUint(lastClock + 1).varUint(NULL_STATE.length).toBytes([NULL_STATE]);
}
