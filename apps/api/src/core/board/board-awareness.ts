import {
  AwarenessEntry,
  awarenessEntry,
  awarenessMessage,
  awarenessRemovalEntry,
  copyBytes,
  isNullAwarenessState,
  MalformedMessage,
  parseAwarenessUpdate,
} from '@pairboard/board-protocol';
import type { PeerState } from './board-peer';

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

interface AwarenessHolder {
  /** null when the client is connected to another instance */
  owner: PeerState | null;
  /** for clients of other instances: when they last spoke (an instance may vanish without a word) */
  seenAt: number;
  userId: string;
  clock: number;
  entry: Uint8Array;
}

interface PendingAwareness {
  entry: Uint8Array;
  /** not sent back to the connection it came from */
  from: PeerState | null;
}

type EncodedEntry = { clientId: number; bytes: Uint8Array };

/** Clients renew their awareness every 15 s; one silent for longer than this has gone. */
const AWARENESS_TIMEOUT_MS = 30_000;

export interface RoomAwarenessDeps {
  /** the room's connections, open or not */
  peers: () => Iterable<PeerState>;
  /** `BoardRoomOptions.awarenessIntervalMs` */
  intervalMs: number;
  /** an awareness message from this instance's connections, as relayed (for fan-out) */
  onBroadcast: (message: Uint8Array, userId: string) => void;
}

/**
 * The cursors and selections of a room: who speaks for which awareness client, the latest entry of
 * each (for late joiners), and the coalesced relay. Never touches the document.
 */
export class RoomAwareness {
  private readonly holders = new Map<number, AwarenessHolder>();
  private readonly pending = new Map<number, PendingAwareness>();
  private timer: NodeJS.Timeout | null = null;
  private quietAt = 0;

  constructor(private readonly deps: RoomAwarenessDeps) {}

  /** An awareness update from one of this room's connections. */
  receive(state: PeerState, message: Uint8Array, update: Uint8Array): void {
    const entries = parseAwarenessUpdate(update);
    const accepted: AwarenessEntry[] = [];
    // Whoever a state claims to be, others see the connection's own account, name and role.
    let rewritten = false;
    for (const entry of entries) {
      const holder = this.holders.get(entry.clientId);
      if (holder && holder.owner !== state) {
        // Clients re-send what they learn about others; only the client's own connection speaks for
        // it, except the same person reconnecting, whose new connection takes it over.
        if (holder.userId !== state.peer.userId) continue;
        holder.owner?.clientIds.delete(entry.clientId);
        holder.owner = state;
      }
      if (holder && entry.clock < holder.clock) continue;
      const parsedState = parseAwarenessState(entry);
      const present = parsedState !== null;
      if (!holder && !present) continue;
      const own = present && state.identity ? { ...entry, bytes: awarenessEntry(entry.clientId, entry.clock, { ...parsedState, user: state.identity }) } : entry;
      if (own !== entry) rewritten = true;
      accepted.push(own);
      if (present) {
        const bytes = copyBytes(own.bytes);
        if (holder) {
          holder.clock = entry.clock;
          holder.entry = bytes;
        } else {
          this.holders.set(entry.clientId, { owner: state, seenAt: 0, userId: state.peer.userId, clock: entry.clock, entry: bytes });
        }
        state.clientIds.add(entry.clientId);
      } else {
        this.holders.delete(entry.clientId);
        state.clientIds.delete(entry.clientId);
      }
    }
    if (accepted.length === 0) return;
    const relay = accepted.length === entries.length && !rewritten ? message : awarenessMessage(accepted.map((entry) => entry.bytes));
    this.broadcast(relay, accepted, state, state.peer.userId);
  }

  /** Awareness from another instance's connections: relayed, and remembered for late joiners. */
  receiveRemote(message: Uint8Array, update: Uint8Array, userId: string): void {
    let entries: AwarenessEntry[];
    try {
      entries = parseAwarenessUpdate(update);
    } catch {
      return;
    }
    for (const entry of entries) {
      const holder = this.holders.get(entry.clientId);
      if (holder?.owner) continue;
      if (isNullAwarenessState(entry.state)) this.holders.delete(entry.clientId);
      else this.holders.set(entry.clientId, { owner: null, seenAt: performance.now(), userId, clock: entry.clock, entry: copyBytes(entry.bytes) });
    }
    this.relay(message, entries, null);
  }

  /** A connection left: the clients it spoke for are removed for everyone. */
  leave(state: PeerState): void {
    const removals: EncodedEntry[] = [];
    for (const clientId of state.clientIds) {
      const holder = this.holders.get(clientId);
      if (holder?.owner !== state) continue;
      removals.push({ clientId, bytes: awarenessRemovalEntry(clientId, holder.clock) });
      this.holders.delete(clientId);
    }
    if (removals.length > 0) {
      this.broadcast(awarenessMessage(removals.map((removal) => removal.bytes)), removals, null, state.peer.userId);
    }
  }

  /** The answer to `[3]`: everyone's state but the asker's own. */
  answerQuery(state: PeerState): void {
    const entries = this.current(state);
    if (entries.length > 0) state.peer.send(awarenessMessage(entries));
  }

  /** Who is here, for a joiner; null when nobody has a state. */
  presentMessage(): Uint8Array | null {
    const present = this.current(null);
    return present.length > 0 ? awarenessMessage(present) : null;
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private broadcast(message: Uint8Array, entries: readonly EncodedEntry[], from: PeerState | null, userId: string): void {
    this.deps.onBroadcast(message, userId);
    this.relay(message, entries, from);
  }

  private relay(message: Uint8Array, entries: readonly EncodedEntry[], from: PeerState | null): void {
    const interval = this.deps.intervalMs;
    const now = performance.now();
    if (interval <= 0 || (!this.timer && now >= this.quietAt)) {
      for (const state of this.deps.peers()) if (state !== from) state.send(message);
      this.quietAt = now + interval;
      return;
    }
    for (const entry of entries) this.pending.set(entry.clientId, { entry: entry.bytes, from });
    if (!this.timer) {
      this.timer = setTimeout(this.flush, Math.max(0, this.quietAt - now));
      this.timer.unref();
    }
  }

  /** One message per connection with every client's latest state gathered in the interval. */
  private readonly flush = (): void => {
    this.timer = null;
    if (this.pending.size === 0) return;
    const pending = [...this.pending.values()];
    this.pending.clear();
    this.quietAt = performance.now() + this.deps.intervalMs;
    for (const state of this.deps.peers()) {
      if (!state.open) continue;
      const entries: Uint8Array[] = [];
      for (const item of pending) if (item.from !== state) entries.push(item.entry);
      if (entries.length > 0) state.peer.send(awarenessMessage(entries));
    }
  };

  /** Every known client's latest awareness entry but `except`'s own, forgetting silent remote ones. */
  private current(except: PeerState | null): Uint8Array[] {
    const entries: Uint8Array[] = [];
    const now = performance.now();
    for (const [clientId, holder] of this.holders) {
      if (!holder.owner && now - holder.seenAt > AWARENESS_TIMEOUT_MS) this.holders.delete(clientId);
      else if (except === null || holder.owner !== except) entries.push(holder.entry);
    }
    return entries;
  }
}
