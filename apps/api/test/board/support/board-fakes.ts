import type { BoardCheckpoint, BoardStorage, NewBoardUpdate, StoredBoard } from '@pairboard/board-protocol';
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import type { BoardPeer } from '../../../src/core/board/board-peer';

/** The database seam of the board, in memory, with a gate to hold writes in flight and a failure switch. */
export class MemoryBoardStorage implements BoardStorage {
  readonly rows: (NewBoardUpdate & { id: bigint })[] = [];
  /** saved checkpoints; a test may add one without a state vector, as stored before those were */
  readonly checkpoints: (Omit<BoardCheckpoint, 'stateVector'> & { stateVector: Uint8Array | null })[] = [];
  /** rows per appendUpdates call, in call order */
  readonly batches: number[] = [];
  failures = 0;
  private nextId = 1n;
  private gate: Promise<void> | null = null;
  private openGate: (() => void) | null = null;

  /** Writes started from now on wait until `release()`. */
  hold(): void {
    this.gate = new Promise((resolve) => (this.openGate = resolve));
  }

  release(): void {
    this.openGate?.();
    this.gate = null;
    this.openGate = null;
  }

  async appendUpdates(rows: readonly NewBoardUpdate[]): Promise<bigint[]> {
    this.batches.push(rows.length);
    if (this.gate) await this.gate;
    await Promise.resolve();
    if (this.failures > 0) {
      this.failures--;
      throw new Error('database unavailable');
    }
    return rows.map((row) => {
      const id = this.nextId++;
      this.rows.push({ ...row, data: new Uint8Array(row.data), id });
      return id;
    });
  }

  async load(interviewId: string): Promise<StoredBoard> {
    const checkpoint =
      this.checkpoints.filter((c) => c.interviewId === interviewId).sort((a, b) => Number(b.lastUpdateId - a.lastUpdateId))[0] ?? null;
    const after = checkpoint?.lastUpdateId ?? 0n;
    const updates = this.rows.filter((row) => row.interviewId === interviewId && row.id > after).map(({ id, data, endClocks }) => ({ id, data, endClocks: endClocks ?? null }));
    return { checkpoint, updates };
  }

  async saveCheckpoint(checkpoint: BoardCheckpoint): Promise<void> {
    this.checkpoints.push(checkpoint);
  }

  async latestUpdateId(interviewId: string): Promise<bigint> {
    return this.rows.filter((row) => row.interviewId === interviewId).reduce((latest, row) => (row.id > latest ? row.id : latest), 0n);
  }

  async updatesBetween(interviewId: string, afterId: bigint, upToId: bigint, except: readonly bigint[]): Promise<{ id: bigint; data: Uint8Array }[]> {
    const skip = new Set(except);
    return this.rows
      .filter((row) => row.interviewId === interviewId && row.id > afterId && row.id <= upToId && !skip.has(row.id))
      .map(({ id, data }) => ({ id, data }));
  }

  /** A row written by someone else (another instance), straight into the log. */
  insertDirectly(row: NewBoardUpdate): bigint {
    const id = this.nextId++;
    this.rows.push({ ...row, id });
    return id;
  }

  /** The board as a replay of every stored row would build it. */
  replay(interviewId: string): Y.Doc {
    const doc = new Y.Doc();
    for (const row of this.rows) if (row.interviewId === interviewId) Y.applyUpdate(doc, row.data);
    return doc;
  }
}

export class FakePeer implements BoardPeer {
  readonly sent: Uint8Array[] = [];
  closed: { code: number; reason: string } | null = null;

  constructor(
    readonly userId: string,
    readonly canEdit = true,
  ) {}

  send(message: Uint8Array): void {
    if (!this.closed) this.sent.push(message);
  }

  close(code: number, reason: string): void {
    this.closed ??= { code, reason };
  }

  /** Messages received so far, decoded far enough to assert on. */
  messages(): DecodedMessage[] {
    return this.sent.map(decodeMessage);
  }

  /** The n of the last `[4, n]` received, or 0. */
  lastStored(): number {
    const stored = this.messages().filter((message) => message.type === 'stored');
    return stored.length > 0 ? (stored[stored.length - 1] as { n: number }).n : 0;
  }

  clear(): void {
    this.sent.length = 0;
  }
}

export type DecodedMessage =
  | { type: 'sync'; step: number; payload: Uint8Array }
  | { type: 'awareness'; clients: { clientId: number; clock: number; state: unknown }[] }
  | { type: 'stored'; n: number }
  | { type: 'other'; code: number };

export function decodeMessage(message: Uint8Array): DecodedMessage {
  const decoder = decoding.createDecoder(message);
  const type = decoding.readVarUint(decoder);
  if (type === 0) return { type: 'sync', step: decoding.readVarUint(decoder), payload: decoding.readVarUint8Array(decoder) };
  if (type === 4) return { type: 'stored', n: decoding.readVarUint(decoder) };
  if (type === 1) {
    const inner = decoding.createDecoder(decoding.readVarUint8Array(decoder));
    const count = decoding.readVarUint(inner);
    const clients = [];
    for (let i = 0; i < count; i++) {
      clients.push({ clientId: decoding.readVarUint(inner), clock: decoding.readVarUint(inner), state: JSON.parse(decoding.readVarString(inner)) });
    }
    return { type: 'awareness', clients };
  }
  return { type: 'other', code: type };
}

/** Waits for queued setImmediate callbacks and promise chains (the log schedules writes that way). */
export async function settle(rounds = 5): Promise<void> {
  for (let i = 0; i < rounds; i++) await new Promise((resolve) => setImmediate(resolve));
}
