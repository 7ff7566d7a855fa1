import {
  copyBytes,
  EMPTY_STEP_2,
  inspectUpdate,
  isEmptyUpdate,
  MalformedMessage,
  parseClientMessage,
  storedMessage,
  syncStep1Message,
  syncStep2Message,
  updateMessage,
  type BoardStorage,
  type StoredBoard,
} from '@pairboard/board-protocol';
import { BOARD_CLOSE, BOARD_ENDED_REASON } from '@pairboard/contracts';
import * as Y from 'yjs';
import { TokenBucket } from '../../base/rate-limit';
import { RoomAwareness } from './board-awareness';
import { RoomCheckpoints } from './board-checkpoints';
import { BoardIdentity, BoardPeer, PeerState } from './board-peer';
import type { BoardUpdateLog, LogEntry, LogSink } from './board-update-log';

export interface BoardRoomOptions {
  maxMessageBytes: number;
  updatesPerSecond: number;
  updateBurst: number;
  maxConnectionsPerUser: number;
  checkpointEveryUpdates: number;
  checkpointEverySeconds: number;
  /**
   * How long a checkpoint waits after reading the newest stored id before it reads what it lacks:
   * long enough for any write that started earlier, on any instance, to have finished.
   */
  checkpointSettleMs: number;
  /**
   * Awareness (cursors) is relayed at once when the room has been quiet for this long, otherwise
   * gathered, latest state per client, and sent together at the end of the interval. 0 relays
   * every message as it comes.
   */
  awarenessIntervalMs: number;
  /** How long after loading a large board its document is built (20 ms unless a test needs longer). */
  materialiseAfterMs?: number;
}

/** What the room reports; the service turns it into logs, metrics, fan-out and unloading. */
export interface BoardRoomObserver {
  onRefused?(room: BoardRoom, peer: BoardPeer, code: number, reason: string): void;
  /** updates just stored and applied, in order, with the message relayed for each */
  onApplied?(room: BoardRoom, updates: { id: bigint; data: Uint8Array; relay: Uint8Array }[]): void;
  /** an awareness message from this instance's connections, as relayed (for fan-out) */
  onAwareness?(room: BoardRoom, message: Uint8Array, userId: string): void;
  /** no connection left and nothing waiting to be stored: the room may be unloaded */
  onIdle?(room: BoardRoom): void;
  onError?(room: BoardRoom, what: string, error: unknown): void;
}

export interface BoardRoomDeps {
  log: BoardUpdateLog;
  storage: Pick<BoardStorage, 'load' | 'saveCheckpoint' | 'latestUpdateId' | 'updatesBetween'>;
  options: BoardRoomOptions;
  observer?: BoardRoomObserver;
  /** milliseconds; injectable so rate limits can be tested without waiting */
  now?: () => number;
}

interface RoomLogEntry extends LogEntry {
  readonly author: PeerState | null;
  readonly relay: Uint8Array;
}

/** Above this many bytes of updates since the last full state, a new one is cheaper to send joiners. */
const TAIL_BYTES_FLOOR = 1024 * 1024;
/** Boards up to this size are encoded afresh for a joiner (a millisecond or two) so its step 2 is the current board. */
const ENCODE_ON_JOIN_BYTES = 256 * 1024;
/**
 * A loaded board larger than ENCODE_ON_JOIN_BYTES is built into a Y.Doc this long after loading,
 * not before the first join: applying a 2 MB checkpoint takes 80 ms or more, while the joiners
 * only need the stored bytes. The delay lets their first sync leave the socket before the event
 * loop is busy building.
 */
const MATERIALISE_AFTER_MS = 20;

/**
 * One live board: the Yjs document of an interview and the connections editing it — the sync loop.
 * Knows nothing of sockets or databases; storage and the transport are injected, so it runs in a
 * unit test. Cursors are `RoomAwareness`'s, checkpoints `RoomCheckpoints`'s, each connection's
 * state a `PeerState`.
 *
 * Rules it keeps: an update is appended to the log (group commit) and only applied and relayed
 * once stored; each author then gets `[4, n]`; messages are relayed as received, never echoed.
 * Joiners of a small board get it encoded afresh; of a large one, the last full state plus the
 * updates since, all already encoded, so a join costs no encoding however large the board.
 *
 * A large board loaded from storage is served from the stored bytes while its Y.Doc is built a
 * moment later ("materialised"): until then, stored updates are relayed and acknowledged as usual
 * and queued for the document. Joiners still get step 1 first, with the clocks the stored bytes
 * reach (the checkpoint's stored state vector, each later update's end clocks); once the document
 * is built they get its exact step 1 as well, so nothing depends on those clocks being perfect.
 */
export class BoardRoom implements LogSink {
  readonly doc = new Y.Doc();
  private readonly peers = new Map<BoardPeer, PeerState>();
  private readonly awareness: RoomAwareness;
  private readonly checkpoints: RoomCheckpoints;
  private readonly options: BoardRoomOptions;
  private readonly now: () => number;
  private pendingWrites = 0;
  /** sync step 2 with the full state at some update, and the update messages since, for joiners */
  private snapshot: Uint8Array;
  private tail: Uint8Array[] = [];
  private tailBytes = 0;
  private unloaded = false;
  /** set once the interview ended: the board is then read-only for everyone */
  private ended = false;
  /** whether any update was stored or received from another instance since this room loaded */
  private changedHere = false;
  /** stored updates (checkpoint first) not yet applied to `doc`; null once it is built */
  private unapplied: Uint8Array[] | null = null;
  private materialiseTimer: NodeJS.Timeout | null = null;
  /** while `doc` is not built: per client, the clock the stored updates reach */
  private storedClocks: Map<number, number> | null = null;
  /** connections that joined before `doc` was built: they get the room's exact step 1 when it is */
  private readonly awaitingStep1 = new Set<PeerState>();

  static async load(interviewId: string, deps: BoardRoomDeps): Promise<BoardRoom> {
    return new BoardRoom(interviewId, deps, await deps.storage.load(interviewId));
  }

  constructor(
    readonly interviewId: string,
    private readonly deps: BoardRoomDeps,
    stored: StoredBoard = { checkpoint: null, updates: [] },
  ) {
    this.options = deps.options;
    this.now = deps.now ?? Date.now;
    const { checkpoint, updates } = stored;
    this.awareness = new RoomAwareness({
      peers: () => this.peers.values(),
      intervalMs: this.options.awarenessIntervalMs,
      onBroadcast: (message, userId) => this.deps.observer?.onAwareness?.(this, message, userId),
    });
    this.checkpoints = new RoomCheckpoints({
      interviewId,
      storage: deps.storage,
      everyUpdates: this.options.checkpointEveryUpdates,
      everySeconds: this.options.checkpointEverySeconds,
      settleMs: this.options.checkpointSettleMs,
      saved: checkpoint,
      isUnloaded: () => this.unloaded,
      joinStateOutgrown: () => this.tailBytes > Math.max(TAIL_BYTES_FLOOR, this.snapshot.length),
      refreshSnapshot: () => this.refreshSnapshot(),
      stateVector: () => Y.encodeStateVector(this.doc),
      applyMissing: (id, data, relay) => this.applyMissing(id, data, relay),
      onError: (what, error) => this.deps.observer?.onError?.(this, what, error),
    });
    const storedBytes = (checkpoint?.state.length ?? 0) + updates.reduce((sum, update) => sum + update.data.length, 0);
    if (storedBytes > ENCODE_ON_JOIN_BYTES) {
      this.unapplied = [];
      this.storedClocks = new Map();
      this.materialiseTimer = setTimeout(() => this.materialise(), this.options.materialiseAfterMs ?? MATERIALISE_AFTER_MS);
      this.materialiseTimer.unref();
    }
    // Reading clocks from a 2 MB state itself costs ~40 ms; only rows stored before clocks were kept lack them.
    if (checkpoint) this.applyStored(checkpoint.state, 'checkpoint', checkpoint.stateVector ?? undefined);
    this.snapshot = syncStep2Message(checkpoint?.state ?? Y.encodeStateAsUpdate(new Y.Doc()));
    for (const update of updates) {
      this.applyStored(update.data, `update ${update.id}`, update.endClocks ?? undefined);
      this.recordApplied(update.id, updateMessage(update.data), update.data.length);
    }
    this.checkpoints.schedule();
  }

  /** Whether `doc` holds everything stored (a large loaded board is built just after loading). */
  get materialised(): boolean {
    return this.unapplied === null;
  }

  get connections(): number {
    return this.peers.size;
  }

  /** Nobody connected and every accepted update stored. */
  get idle(): boolean {
    return this.peers.size === 0 && this.pendingWrites === 0;
  }

  get isUnloaded(): boolean {
    return this.unloaded;
  }

  get isEnded(): boolean {
    return this.ended;
  }

  /**
   * The interview ended: from now on the board is what the recording shows, so every later
   * document update is refused. Updates accepted before this are still stored and relayed.
   */
  end(): void {
    this.ended = true;
  }

  /** Admits an authorised connection and sends it the document and who else is here. */
  join(peer: BoardPeer, identity: BoardIdentity | null = null): boolean {
    if (this.unloaded) throw new Error('the room was unloaded');
    let sameUser = 0;
    for (const state of this.peers.values()) if (state.peer.userId === peer.userId) sameUser++;
    if (sameUser >= this.options.maxConnectionsPerUser) {
      this.refuse(peer, BOARD_CLOSE.tooManyConnections, `more than ${this.options.maxConnectionsPerUser} connections of one user`);
      return false;
    }
    const state = new PeerState(peer, identity, new TokenBucket(this.options.updateBurst, this.options.updatesPerSecond, this.now()));
    this.peers.set(peer, state);
    if (this.tail.length > 0 && this.snapshot.length + this.tailBytes <= ENCODE_ON_JOIN_BYTES) this.refreshSnapshot();
    if (this.storedClocks) {
      peer.send(syncStep1Message(this.storedClocks));
      this.awaitingStep1.add(state);
    } else {
      peer.send(syncStep1Message(this.doc));
    }
    peer.send(this.snapshot);
    for (const message of this.tail) peer.send(message);
    const present = this.awareness.presentMessage();
    if (present) peer.send(present);
    return true;
  }

  receive(peer: BoardPeer, message: Uint8Array): void {
    const state = this.peers.get(peer);
    if (!state?.open) return;
    if (message.length > this.options.maxMessageBytes) {
      return this.refuse(peer, BOARD_CLOSE.tooLarge, `message of ${message.length} bytes is over the limit of ${this.options.maxMessageBytes}`);
    }
    try {
      const parsed = parseClientMessage(message);
      switch (parsed.kind) {
        case 'syncStep1':
          // Everything the room holds went to this connection when it joined and every update since
          // is relayed to it, so nothing is missing: answering with a diff would only cost time.
          peer.send(EMPTY_STEP_2);
          return;
        case 'update':
          return this.receiveUpdate(state, message, parsed.update, parsed.step2);
        case 'awareness':
          return this.awareness.receive(state, message, parsed.update);
        case 'queryAwareness':
          return this.awareness.answerQuery(state);
      }
    } catch (error) {
      if (error instanceof MalformedMessage) return this.refuse(peer, BOARD_CLOSE.malformed, error.message);
      throw error;
    }
  }

  leave(peer: BoardPeer): void {
    const state = this.peers.get(peer);
    if (!state) return;
    state.open = false;
    this.peers.delete(peer);
    this.awaitingStep1.delete(state);
    this.awareness.leave(state);
    this.notifyIfIdle();
  }

  /** Called by the log once a batch holding this room's updates is stored. */
  onStored(entries: LogEntry[]): void {
    const authors = new Set<PeerState>();
    const applied: { id: bigint; data: Uint8Array; relay: Uint8Array }[] = [];
    this.changedHere = true;
    for (const entry of entries as RoomLogEntry[]) {
      this.pendingWrites--;
      const id = entry.id as bigint;
      this.applyStored(entry.row.data, `update ${id}`, entry.row.endClocks);
      this.recordApplied(id, entry.relay, entry.row.data.length);
      for (const state of this.peers.values()) if (state !== entry.author) state.send(entry.relay);
      if (entry.author) {
        entry.author.stored++;
        authors.add(entry.author);
      }
      applied.push({ id, data: entry.row.data, relay: entry.relay });
    }
    for (const author of authors) author.send(storedMessage(author.stored));
    this.deps.observer?.onApplied?.(this, applied);
    this.checkpoints.schedule();
    this.notifyIfIdle();
  }

  /** An update another instance stored for this interview (fan-out); applied and relayed here. */
  applyRemoteUpdate(id: bigint, data: Uint8Array, relay: Uint8Array): void {
    if (!this.unloaded) this.applyMissing(id, data, relay);
  }

  /** Awareness from another instance's connections: relayed, and remembered for late joiners. */
  applyRemoteAwareness(message: Uint8Array, update: Uint8Array, userId: string): void {
    this.awareness.receiveRemote(message, update, userId);
  }

  /** Soon, reads and applies whatever another instance stored that did not reach this one. */
  catchUpSoon(): void {
    this.checkpoints.catchUpSoon();
  }

  /**
   * Marks the room unloaded. With `checkpoint`, first stores a checkpoint if anything was stored
   * since the last one, and waits for it; without (shutdown), drops any checkpoint in progress.
   * A room that took no update while loaded drops its checkpoint too: what it would hold is in the
   * log, and the next room to change the board writes one; otherwise every short visit to a large
   * board would build and encode it again (and several visits in a row would each do it).
   */
  async unload({ checkpoint }: { checkpoint: boolean }): Promise<void> {
    this.unloaded = true;
    if (this.materialiseTimer) clearTimeout(this.materialiseTimer);
    this.materialiseTimer = null;
    this.awareness.stop();
    await this.checkpoints.finish({ save: checkpoint && this.changedHere });
    this.doc.destroy();
  }

  /** Shutdown: any checkpoint or catch-up in progress stops where it is (the log has everything). */
  abandon(): void {
    this.checkpoints.abandon();
  }

  private receiveUpdate(state: PeerState, message: Uint8Array, update: Uint8Array, step2: boolean): void {
    if (isEmptyUpdate(update)) return;
    // Own the bytes (the received buffer may be a view into a larger socket chunk). A step 2 is
    // relayed as an update so receivers do not take it for their own handshake reply.
    const relay = step2 ? updateMessage(update) : copyBytes(message);
    const data = relay.subarray(relay.length - update.length);
    const { hasContent, endClocks } = inspectUpdate(data, this.doc);
    if (!hasContent) return;
    if (!state.peer.canEdit) {
      return this.refuse(state.peer, BOARD_CLOSE.forbidden, 'observers cannot change the board');
    }
    if (this.ended) {
      return this.refuse(state.peer, BOARD_CLOSE.forbidden, BOARD_ENDED_REASON);
    }
    if (!state.updates.take(this.now())) {
      return this.refuse(state.peer, BOARD_CLOSE.rateLimited, `more than ${this.options.updatesPerSecond} document updates per second`);
    }
    this.pendingWrites++;
    const entry: RoomLogEntry = {
      row: { interviewId: this.interviewId, authorId: state.peer.userId, data, endClocks: Y.encodeStateVector(endClocks), receivedAt: new Date() },
      sink: this,
      author: state,
      relay,
    };
    this.deps.log.append(entry);
  }

  private refuse(peer: BoardPeer, code: number, reason: string): void {
    const state = this.peers.get(peer);
    if (state) state.open = false;
    this.deps.observer?.onRefused?.(this, peer, code, reason);
    peer.close(code, reason);
  }

  /** `stateVector`: the clocks the update reaches, when stored with it (only used while `doc` is not built). */
  private applyStored(update: Uint8Array, what: string, stateVector?: Uint8Array): void {
    if (this.unapplied) {
      this.unapplied.push(update);
      if (this.storedClocks) advanceClocks(this.storedClocks, stateVector ? Y.decodeStateVector(stateVector) : this.endClocksOf(update));
      return;
    }
    try {
      Y.applyUpdate(this.doc, update);
    } catch (error) {
      // Validation refuses what is known to throw; if something still does, the stored log and
      // this document went through the same steps, so a replay ends in the same state.
      this.deps.observer?.onError?.(this, `applying ${what}`, error);
    }
  }

  /** Per client, the clock just past the update's last item, read from the bytes (empty if unreadable). */
  private endClocksOf(update: Uint8Array): Map<number, number> {
    try {
      return Y.parseUpdateMeta(update).to;
    } catch (error) {
      this.deps.observer?.onError?.(this, 'reading the clocks of a stored update', error);
      return new Map();
    }
  }

  private recordApplied(id: bigint, relay: Uint8Array, bytes: number): void {
    this.checkpoints.recordApplied(id);
    this.tail.push(relay);
    this.tailBytes += bytes;
  }

  private applyMissing(id: bigint, data: Uint8Array, relay: Uint8Array): void {
    if (this.checkpoints.includes(id)) return;
    this.changedHere = true;
    this.applyStored(data, `update ${id}`);
    this.recordApplied(id, relay, data.length);
    for (const state of this.peers.values()) state.send(relay);
    this.checkpoints.schedule();
  }

  /**
   * Builds `doc` from every stored update not yet applied, then sends the room's step 1 to those
   * who joined meanwhile (their answer carries any edits of theirs the room lacks).
   */
  private materialise(): void {
    if (this.materialiseTimer) clearTimeout(this.materialiseTimer);
    this.materialiseTimer = null;
    const unapplied = this.unapplied;
    // Also after unloading began: a checkpoint on unload needs the whole document.
    if (!unapplied) return;
    this.unapplied = null;
    this.storedClocks = null;
    for (const update of unapplied) this.applyStored(update, 'a stored update while building the board');
    if (this.awaitingStep1.size === 0) return;
    const step1 = syncStep1Message(this.doc);
    for (const state of this.awaitingStep1) state.send(step1);
    this.awaitingStep1.clear();
  }

  /** The full state now becomes what joiners get; returns it. */
  private refreshSnapshot(): Uint8Array {
    this.materialise();
    const state = Y.encodeStateAsUpdate(this.doc);
    this.snapshot = syncStep2Message(state);
    this.tail = [];
    this.tailBytes = 0;
    return state;
  }

  private notifyIfIdle(): void {
    if (this.idle && !this.unloaded) this.deps.observer?.onIdle?.(this);
  }
}

function advanceClocks(clocks: Map<number, number>, reached: Map<number, number>): void {
  for (const [client, clock] of reached) if (clock > (clocks.get(client) ?? 0)) clocks.set(client, clock);
}
