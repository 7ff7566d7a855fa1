import {
  ERROR_CATALOGUE,
  ROOM_CLIENT_EVENTS,
  ROOM_SERVER_EVENTS,
  ROOMS_NAMESPACE,
  type ClientToServerEvents,
  type RoomAckFor,
  type RoomClientEvent,
  type RoomErrorBody,
  type RoomsHandshake,
  type ServerToClientEvents,
  type ViewportEvent,
} from '@pairboard/contracts';
import { ClockSync } from '@pairboard/interview-domain';
import { io, type Socket } from 'socket.io-client';
import type { z } from 'zod';
import { keepSocketSession } from '../../../api/socket-session';
import type { TokenSource } from '../board-connection';
import { initialRoomState, roomReducer, type InterviewRoomState, type RoomAction } from './room-state';

/** Samples taken in a row on connect, and how often one more is taken afterwards. */
const SYNC_BURST = 5;
const SYNC_BURST_GAP_MS = 150;
const SYNC_EVERY_MS = 20_000;
const ACK_TIMEOUT_MS = 10_000;

export type RoomLink = 'connecting' | 'joined' | 'offline' | 'refused';

export interface RoomSnapshot extends InterviewRoomState {
  link: RoomLink;
  /** Add to Date.now() for the server's clock. */
  offsetMs: number;
  rttMs: number | null;
  /** Why the room could not be joined, when link is `refused`. */
  problem: string | null;
}

type Payload<E extends RoomClientEvent> = z.input<(typeof ROOM_CLIENT_EVENTS)[E]['payload']>;
type AckData<E extends RoomClientEvent> = Extract<RoomAckFor<E>, { ok: true }>['data'];

export class RoomCommandError extends Error {
  constructor(readonly body: RoomErrorBody) {
    super(body.message);
  }
}

export interface RoomsSocketOptions {
  interviewId: string;
  session: TokenSource;
  /** Defaults to this page's origin. */
  url?: string;
}

/**
 * The `/rooms` socket for one interview: joins (again after every reconnect), validates what the
 * server sends with the contracts' schemas and folds it into a RoomSnapshot for the UI. Commands
 * resolve with the acknowledgement's data or reject with a RoomCommandError.
 */
export class RoomsSocket {
  private readonly socket: Socket<ServerToClientEvents, ClientToServerEvents>;
  private readonly sync = new ClockSync();
  private snapshot: RoomSnapshot = { ...initialRoomState, link: 'connecting', offsetMs: 0, rttMs: null, problem: null };
  private readonly listeners = new Set<() => void>();
  private readonly viewportListeners = new Set<(viewport: ViewportEvent) => void>();
  private readonly errorListeners = new Set<(error: RoomErrorBody) => void>();
  private syncTimer: ReturnType<typeof setInterval> | null = null;
  private burstTimers: ReturnType<typeof setTimeout>[] = [];
  private destroyed = false;
  private readonly connectionId = randomConnectionId();
  private readonly stopSessionUpkeep: () => void;

  constructor(private readonly options: RoomsSocketOptions) {
    this.socket = io(`${options.url ?? ''}${ROOMS_NAMESPACE}`, {
      transports: ['websocket'],
      // A function, so every (re)connect presents the current token. The connection id stays the
      // same across reconnects, so a reconnect takes over this page's place in the per-person limit.
      auth: (callback) => callback({ token: options.session.accessToken ?? '', connectionId: this.connectionId } satisfies RoomsHandshake),
      autoConnect: false,
    });
    const socket = this.socket;
    socket.on('connect', () => {
      this.startClockSync();
      void this.join();
    });
    socket.on('disconnect', (reason) => {
      this.stopClockSync();
      if (reason === 'io client disconnect') return;
      this.update({ link: 'offline' });
    });
    socket.on('connect_error', (error) => {
      this.update({ link: 'offline' });
      // A refused token: renew it once, then let the manager retry (or retry now if it gave up).
      if (error.message === 'UNAUTHORIZED') {
        void options.session.refresh().then((token) => {
          if (token === null) this.update({ link: 'refused', problem: 'Your session has ended. Sign in again.' });
          else if (!socket.active) socket.connect();
        });
      } else if (error.message === 'TOO_MANY_CONNECTIONS') {
        // Not retried by itself: the person closes another tab and reloads.
        this.update({ link: 'refused', problem: ERROR_CATALOGUE.TOO_MANY_CONNECTIONS.message });
      }
    });
    this.listen('clock:state', (event) => this.dispatch({ type: 'clock', clock: event.clock }));
    this.listen('presence', (presence) => this.dispatch({ type: 'presence', presence }));
    this.listen('hint:revealed', ({ hint }) => this.dispatch({ type: 'hintRevealed', hint }));
    this.listen('note:saved', ({ note }) => this.dispatch({ type: 'noteSaved', note }));
    this.listen('note:deleted', ({ noteId }) => this.dispatch({ type: 'noteDeleted', noteId }));
    this.listen('requirements:state', ({ items }) => this.dispatch({ type: 'requirements', items }));
    this.listen('chat:message', ({ message }) => this.dispatch({ type: 'chat', message }));
    this.listen('viewport', (viewport) => this.viewportListeners.forEach((listener) => listener(viewport)));
    this.listen('room:error', ({ error }) => this.errorListeners.forEach((listener) => listener(error as RoomErrorBody)));
    this.stopSessionUpkeep = keepSocketSession(socket as unknown as Socket, options.session, () =>
      this.update({ link: 'refused', problem: 'Your session has ended. Sign in again.' }),
    );
    socket.connect();
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): RoomSnapshot => this.snapshot;

  onViewport(listener: (viewport: ViewportEvent) => void): () => void {
    this.viewportListeners.add(listener);
    return () => this.viewportListeners.delete(listener);
  }

  onError(listener: (error: RoomErrorBody) => void): () => void {
    this.errorListeners.add(listener);
    return () => this.errorListeners.delete(listener);
  }

  /** The server's clock now, by the best offset measured. */
  serverNow(): number {
    return this.sync.serverNow(Date.now());
  }

  /** Sends a command and waits for its acknowledgement. */
  async send<E extends Exclude<RoomClientEvent, 'viewport:update'>>(event: E, payload: Payload<E>): Promise<AckData<E>> {
    const raw = this.socket as unknown as Socket;
    let response: RoomAckFor<E>;
    try {
      response = (await raw.timeout(ACK_TIMEOUT_MS).emitWithAck(event, payload)) as RoomAckFor<E>;
    } catch {
      throw new RoomCommandError({ code: 'SERVICE_UNAVAILABLE', message: 'The room did not answer. Check your connection.' });
    }
    if (!response.ok) throw new RoomCommandError(response.error);
    const ack = ROOM_CLIENT_EVENTS[event].ack;
    const parsed = ack.safeParse(response.data);
    if (!parsed.success) throw new RoomCommandError({ code: 'INTERNAL', message: 'The room sent an answer this page does not understand.' });
    return parsed.data as AckData<E>;
  }

  /** Volatile: a dropped position is replaced by the next one. */
  sendViewport(viewport: Payload<'viewport:update'>): void {
    if (this.socket.connected && this.snapshot.link === 'joined') this.socket.volatile.emit('viewport:update', viewport);
  }

  destroy(): void {
    this.destroyed = true;
    this.stopClockSync();
    this.stopSessionUpkeep();
    this.socket.removeAllListeners();
    this.socket.disconnect();
    this.listeners.clear();
  }

  private listen<E extends keyof typeof ROOM_SERVER_EVENTS>(event: E, handle: (payload: z.output<(typeof ROOM_SERVER_EVENTS)[E]>) => void) {
    const schema = ROOM_SERVER_EVENTS[event];
    (this.socket as unknown as Socket).on(event as string, (payload: unknown) => {
      const parsed = schema.safeParse(payload);
      if (parsed.success) handle(parsed.data as z.output<(typeof ROOM_SERVER_EVENTS)[E]>);
    });
  }

  private async join(): Promise<void> {
    try {
      const state = await this.send('room:join', { interviewId: this.options.interviewId });
      if (this.destroyed) return;
      this.snapshot = { ...this.snapshot, ...roomReducer(this.snapshot, { type: 'joined', state }), link: 'joined', problem: null };
      this.emit();
    } catch (error) {
      if (this.destroyed) return;
      const message = error instanceof Error ? error.message : 'The room could not be joined.';
      this.update({ link: 'refused', problem: message });
    }
  }

  private dispatch(action: RoomAction): void {
    const next = roomReducer(this.snapshot, action);
    if (next.room === this.snapshot.room && next.freshHints === this.snapshot.freshHints) return;
    this.snapshot = { ...this.snapshot, ...next };
    this.emit();
  }

  private update(change: Partial<RoomSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...change };
    this.emit();
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }

  private startClockSync(): void {
    this.stopClockSync();
    for (let sample = 0; sample < SYNC_BURST; sample += 1) {
      this.burstTimers.push(setTimeout(() => void this.sample(), sample * SYNC_BURST_GAP_MS));
    }
    this.syncTimer = setInterval(() => void this.sample(), SYNC_EVERY_MS);
  }

  private stopClockSync(): void {
    this.burstTimers.forEach(clearTimeout);
    this.burstTimers = [];
    if (this.syncTimer !== null) clearInterval(this.syncTimer);
    this.syncTimer = null;
  }

  private async sample(): Promise<void> {
    const clientSentAt = Date.now();
    const rttMs = this.sync.lastRttMs();
    try {
      const reply = await this.send('time:sync', { clientSentAt, ...(rttMs !== null && { rttMs }) });
      const estimate = this.sync.add({ clientSentAt: reply.clientSentAt, serverTime: reply.serverTime, clientReceivedAt: Date.now() });
      if (estimate && !this.destroyed) this.update({ offsetMs: estimate.offsetMs, rttMs: this.sync.lastRttMs() });
    } catch {
      // The next sample will do.
    }
  }
}

/** 128 random bits as 22 URL-safe characters. */
function randomConnectionId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
