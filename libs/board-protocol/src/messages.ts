import { BOARD_MESSAGE } from '@pairboard/contracts';
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import { ByteReader, ByteWriter, MalformedMessage, varUintLength } from './bytes';
import { EMPTY_UPDATE } from './updates';

/**
 * The y-websocket wire format, read and written by hand: the server relays most messages as the
 * bytes it received, so it only needs to find their parts, check them and build a few replies.
 * Clients build theirs with the same functions, so both ends write the same bytes.
 */

const SYNC_STEP_1 = 0;
const SYNC_STEP_2 = 1;
const SYNC_UPDATE = 2;

export type ClientMessage =
  | { kind: 'syncStep1' }
  | { kind: 'update'; update: Uint8Array; step2: boolean }
  | { kind: 'awareness'; update: Uint8Array }
  | { kind: 'queryAwareness' };

/** Splits a client message into its kind and payload; throws MalformedMessage on anything else. */
export function parseClientMessage(message: Uint8Array): ClientMessage {
  const reader = new ByteReader(message);
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
  const reader = new ByteReader(bytes);
  const clients = reader.varUint();
  for (let i = 0; i < clients; i++) {
    reader.varUint();
    reader.varUint();
  }
  if (!reader.done) throw new MalformedMessage('trailing bytes after the state vector');
}

function syncMessage(step: number, payload: Uint8Array): Uint8Array {
  return new ByteWriter().varUint(BOARD_MESSAGE.sync).varUint(step).varUint(payload.length).toBytes([payload]);
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
  return new ByteWriter().varUint(BOARD_MESSAGE.stored).varUint(count).toBytes();
}

/** `[3]`: asks for everyone's awareness state. */
export function queryAwarenessMessage(): Uint8Array {
  return Uint8Array.of(BOARD_MESSAGE.queryAwareness);
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
  const reader = new ByteReader(update);
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

/** The entry `[clientID, clock, JSON state]` for a state, as a client would have written it. */
export function awarenessEntry(clientId: number, clock: number, state: unknown): Uint8Array {
  const json = new TextEncoder().encode(JSON.stringify(state));
  return new ByteWriter().varUint(clientId).varUint(clock).varUint(json.length).toBytes([json]);
}

/** An awareness message of entries already encoded (relayed as they came, or from `awarenessEntry`). */
export function awarenessMessage(entries: readonly Uint8Array[]): Uint8Array {
  const bodyLength = varUintLength(entries.length) + entries.reduce((sum, entry) => sum + entry.length, 0);
  return new ByteWriter().varUint(BOARD_MESSAGE.awareness).varUint(bodyLength).varUint(entries.length).toBytes(entries);
}

/** An awareness message with these clients' states, as a client sends it. */
export function awarenessStatesMessage(states: readonly { clientId: number; clock: number; state: unknown }[]): Uint8Array {
  return awarenessMessage(states.map(({ clientId, clock, state }) => awarenessEntry(clientId, clock, state)));
}

const NULL_STATE = new TextEncoder().encode('null');

/** An awareness entry saying the client left, with a clock that beats its last state. */
export function awarenessRemovalEntry(clientId: number, lastClock: number): Uint8Array {
  return new ByteWriter().varUint(clientId).varUint(lastClock + 1).varUint(NULL_STATE.length).toBytes([NULL_STATE]);
}

/** Whether an entry's state is `null`: the client went away. */
export function isNullAwarenessState(state: Uint8Array): boolean {
  return state.length === NULL_STATE.length && NULL_STATE.every((byte, index) => state[index] === byte);
}

/** `[5, secondsLeft]` (the token expires soon) or `[7, secondsLeft]` (a renewal was accepted). */
export function sessionMessage(type: typeof BOARD_MESSAGE.authExpiring | typeof BOARD_MESSAGE.authRenewed, secondsLeft: number): Uint8Array {
  return new ByteWriter().varUint(type).varUint(secondsLeft).toBytes();
}

/** `[6, token]`: a fresh access token for the open connection. */
export function authRefreshMessage(token: string): Uint8Array {
  const bytes = new TextEncoder().encode(token);
  return new ByteWriter().varUint(BOARD_MESSAGE.authRefresh).varUint(bytes.length).toBytes([bytes]);
}

/**
 * The token of a `[6, token]` message, read as the stock lib0 decoder reads it (a length past the
 * end is cut short, trailing bytes are ignored): a mangled token fails as a token, not as a message.
 */
export function readAuthRefreshToken(message: Uint8Array): string {
  const decoder = decoding.createDecoder(message);
  decoding.readVarUint(decoder);
  return decoding.readVarString(decoder);
}
