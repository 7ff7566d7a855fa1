import { Inject, Logger } from '@nestjs/common';
import { OnGatewayConnection, OnGatewayDisconnect, OnGatewayInit, WebSocketGateway } from '@nestjs/websockets';
import {
  ERROR_CATALOGUE,
  ErrorCode,
  ROOM_CLIENT_EVENTS,
  ROOM_MAX_PACKET_BYTES,
  RoomAck,
  RoomClientEvent,
  RoomState,
  ROOMS_NAMESPACE,
  roomsHandshakeSchema,
  ServerToClientEvents,
} from '@pairboard/contracts';
import { connectionQuality } from '@pairboard/interview-domain';
import type { Socket } from 'socket.io';
import type { DefaultEventsMap } from 'socket.io/dist/typed-events';
import type { z } from 'zod';
import { APP_CONFIG, AppConfig } from '../../base/config';
import { AppError } from '../../base/errors';
import { TokenBucket } from '../../base/rate-limit';
import { assertUsableText, validationError } from '../../base/validation';
import { AccessTokenVerifier, SocketSessions, VerifiedAccess, type SocketSession as SessionWatch } from '../auth';
import { RoomClockService } from './room-clock.service';
import { RoomConnectionLimit } from './room-connection-limit';
import { roomChannels, RoomEvents, RoomsNamespace } from './room-events';
import type { RoomSocketData } from './room-presence';
import { RoomsRedisAdapter } from './rooms-redis-adapter';
import { RoomsMetrics } from './rooms.metrics';
import { assertMayPresent, RoomActor, RoomsService } from './rooms.service';

type RoomSocket = Socket<DefaultEventsMap, ServerToClientEvents, DefaultEventsMap, RoomSocketData>;
type EventSpec<E extends RoomClientEvent> = (typeof ROOM_CLIENT_EVENTS)[E];
type Payload<E extends RoomClientEvent> = z.output<EventSpec<E>['payload']>;
type Result<E extends RoomClientEvent> = EventSpec<E>['ack'] extends z.ZodType ? z.output<EventSpec<E>['ack']> : void;
type Handler<E extends RoomClientEvent> = (socket: RoomSocket, payload: Payload<E>) => Promise<Result<E>> | Result<E>;

const CLIENT_EVENTS = Object.keys(ROOM_CLIENT_EVENTS) as RoomClientEvent[];

type RateClass = 'chat' | 'viewport' | 'sync' | 'other';
const RATE_CLASS: Partial<Record<RoomClientEvent, RateClass>> = { 'chat:send': 'chat', 'viewport:update': 'viewport', 'time:sync': 'sync' };

interface SocketSession {
  limits: Record<RateClass, TokenBucket>;
  /** The followers' room this socket listens to, if it follows someone. */
  following: string | null;
  /** Keeps the socket within its sign-in: renewed by `auth:refresh`, ended on expiry or revocation. */
  watch: SessionWatch;
}

function isClientEvent(event: string): event is RoomClientEvent {
  return Object.hasOwn(ROOM_CLIENT_EVENTS, event);
}

function jsonBytes(value: unknown): number | null {
  try {
    return Buffer.byteLength(JSON.stringify(value) ?? '');
  } catch {
    return null;
  }
}

/**
 * The interview room transport: socket.io namespace `/rooms` on the API's HTTP server. Authenticates
 * the handshake, then for every event: rate limit, size limit, schema, delegate, acknowledge. A bad
 * event gets an error acknowledgement; the socket and the room carry on. Rules live in the services.
 */
@WebSocketGateway({
  namespace: ROOMS_NAMESPACE,
  maxHttpBufferSize: ROOM_MAX_PACKET_BYTES,
  serveClient: false,
  // Notice a vanished client within ~20 s, so presence does not show ghosts for long.
  pingInterval: 10_000,
  pingTimeout: 10_000,
})
export class RoomsGateway implements OnGatewayInit<RoomsNamespace>, OnGatewayConnection<RoomSocket>, OnGatewayDisconnect<RoomSocket> {
  private readonly logger = new Logger('RoomsGateway');
  private readonly sessions = new WeakMap<RoomSocket, SocketSession>();
  /** What the handshake verified, until the connection is set up. */
  private readonly admitted = new WeakMap<RoomSocket, VerifiedAccess>();
  private readonly handlers: { [E in RoomClientEvent]: Handler<E> } = {
    'room:join': (socket, { interviewId }) => this.join(socket, interviewId),
    'room:leave': async (socket) => {
      await this.leave(socket);
      return {};
    },
    'time:sync': (socket, payload) => this.timeSync(socket, payload),
    'clock:command': async (socket, command) => {
      const { interviewId, actor } = this.joined(socket);
      const update = await this.clock.command(interviewId, actor, command);
      this.events.clock(interviewId, update);
      return { clock: update.clock };
    },
    'hint:reveal': async (socket, { hintIndex }) => {
      const { interviewId, actor } = this.joined(socket);
      const { hint, created } = await this.rooms.revealHint(interviewId, actor, hintIndex);
      if (created) this.events.hintRevealed(interviewId, hint);
      return { hint };
    },
    'note:create': async (socket, { text }) => {
      const { interviewId, actor } = this.joined(socket);
      const note = await this.rooms.createNote(interviewId, actor, text);
      this.events.noteSaved(interviewId, note);
      return { note };
    },
    'note:update': async (socket, { noteId, text }) => {
      const { interviewId, actor } = this.joined(socket);
      const note = await this.rooms.updateNote(interviewId, actor, noteId, text);
      this.events.noteSaved(interviewId, note);
      return { note };
    },
    'note:delete': async (socket, { noteId }) => {
      const { interviewId, actor } = this.joined(socket);
      await this.rooms.deleteNote(interviewId, actor, noteId);
      this.events.noteDeleted(interviewId, noteId);
      return { noteId };
    },
    'requirement:add': async (socket, { kind, text }) => {
      const { interviewId, actor } = this.joined(socket);
      const { item, items } = await this.rooms.addRequirement(interviewId, actor, kind, text);
      this.events.requirements(interviewId, items);
      return { item };
    },
    'requirement:update': async (socket, { itemId, text, checked }) => {
      const { interviewId, actor } = this.joined(socket);
      const { item, items } = await this.rooms.updateRequirement(interviewId, actor, itemId, { text, checked });
      this.events.requirements(interviewId, items);
      return { item };
    },
    'requirement:remove': async (socket, { itemId }) => {
      const { interviewId, actor } = this.joined(socket);
      this.events.requirements(interviewId, await this.rooms.removeRequirement(interviewId, actor, itemId));
      return { itemId };
    },
    'chat:send': async (socket, { text }) => {
      const { interviewId, actor } = this.joined(socket);
      const message = await this.rooms.sendChat(interviewId, actor, text);
      this.events.chat(interviewId, message);
      return { message };
    },
    'viewport:update': (socket, viewport) => {
      const { interviewId, actor } = this.joined(socket);
      this.events.viewport(socket, interviewId, { ...viewport, userId: actor.userId });
    },
    'follow:start': async (socket, { userId }) => {
      const { interviewId, actor } = this.joined(socket);
      if (userId === actor.userId) throw new AppError('VALIDATION_FAILED', 'Follow someone else.');
      await this.unfollow(socket);
      const room = roomChannels.followersOf(interviewId, userId);
      await socket.join(room);
      this.session(socket).following = room;
      return {};
    },
    'follow:stop': async (socket) => {
      this.joined(socket);
      await this.unfollow(socket);
      return {};
    },
    'present:start': async (socket) => {
      const { interviewId, actor } = this.joined(socket);
      assertMayPresent(actor);
      this.events.releasePresenter(interviewId, socket.id);
      await socket.join(roomChannels.presenter(interviewId));
      await this.events.publishPresence(interviewId);
      return {};
    },
    'auth:refresh': (socket, { token }) => this.socketSessions.renew(this.session(socket).watch, token),
    'present:stop': async (socket) => {
      const { interviewId } = this.joined(socket);
      const room = roomChannels.presenter(interviewId);
      if (socket.rooms.has(room)) {
        await socket.leave(room);
        await this.events.publishPresence(interviewId);
      }
      return {};
    },
  };

  constructor(
    private readonly tokens: AccessTokenVerifier,
    private readonly rooms: RoomsService,
    private readonly clock: RoomClockService,
    private readonly events: RoomEvents,
    private readonly redisAdapter: RoomsRedisAdapter,
    private readonly metrics: RoomsMetrics,
    private readonly connectionLimit: RoomConnectionLimit,
    private readonly socketSessions: SocketSessions,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  afterInit(namespace: RoomsNamespace): void {
    this.redisAdapter.attach(namespace.server);
    this.events.attach(namespace);
    namespace.use((socket, next) => {
      void this.handshake(socket).then((code) => {
        if (!code) return next();
        this.metrics.refused.inc({ reason: code });
        // The client sees `message` on connect_error; `data` carries the usual error body.
        const error = new Error(code) as Error & { data?: unknown };
        error.data = { code, message: ERROR_CATALOGUE[code].message };
        next(error);
      });
    });
  }

  handleConnection(socket: RoomSocket): void {
    this.metrics.connections.inc();
    const now = Date.now();
    const config = this.config;
    const access = this.admitted.get(socket);
    this.admitted.delete(socket);
    if (!access) return void socket.disconnect();
    this.sessions.set(socket, {
      following: null,
      watch: this.socketSessions.track(access, {
        expiring: (expiresAt) => socket.emit('auth:expiring', { expiresAt }),
        // The namespace only: a browser may carry /notifications on the same connection.
        end: (reason) => {
          socket.emit('auth:ended', { reason, error: { code: 'UNAUTHORIZED', message: ERROR_CATALOGUE.UNAUTHORIZED.message } });
          socket.disconnect();
        },
      }),
      limits: {
        chat: new TokenBucket(config.ROOMS_CHAT_MESSAGES_PER_WINDOW, config.ROOMS_CHAT_MESSAGES_PER_WINDOW / config.ROOMS_CHAT_WINDOW_SECONDS, now),
        viewport: new TokenBucket(60, 30, now),
        sync: new TokenBucket(20, 5, now),
        other: new TokenBucket(config.ROOMS_EVENT_BURST, config.ROOMS_EVENTS_PER_SECOND, now),
      },
    });
    for (const event of CLIENT_EVENTS) socket.on(event, (...args: unknown[]) => void this.dispatch(socket, event, args));
    socket.onAny((event: unknown, ...args: unknown[]) => {
      if (typeof event === 'string' && isClientEvent(event)) return;
      const ack = typeof args[args.length - 1] === 'function' ? (args[args.length - 1] as (response: RoomAck<never>) => void) : undefined;
      this.refuse(socket, typeof event === 'string' ? event.slice(0, 64) : '(not a name)', new AppError('VALIDATION_FAILED', 'Unknown event.'), ack);
    });
  }

  handleDisconnect(socket: RoomSocket): void {
    this.metrics.connections.dec();
    const watch = this.sessions.get(socket)?.watch;
    if (watch) this.socketSessions.release(watch);
    this.connectionLimit.release(socket.id);
    const interviewId = socket.data.interviewId;
    this.closeVisitQuietly(socket);
    if (interviewId) this.publishPresenceQuietly(interviewId);
  }

  /** The end of a stay is a timeline marker, not worth failing a leave or a disconnect for. */
  private closeVisitQuietly(socket: RoomSocket): void {
    const visitId = socket.data.visitId;
    if (!visitId) return;
    socket.data.visitId = null;
    this.rooms.recordLeave(visitId).catch((error: unknown) => {
      this.logger.warn(`stay ${visitId} in the room not closed: ${error instanceof Error ? error.message : String(error)}`);
    });
  }

  /** Null when the handshake may proceed; otherwise the code the client sees as the connect error. */
  private async handshake(socket: RoomSocket): Promise<ErrorCode | null> {
    const refusal = await this.authenticate(socket);
    if (refusal) return refusal;
    const handshake = roomsHandshakeSchema.safeParse(socket.handshake.auth);
    // A malformed connection id only costs the client its reconnect shortcut: the connection counts on its own.
    const connectionId = handshake.success ? handshake.data.connectionId : undefined;
    if (await this.connectionLimit.acquire(socket.data.userId, socket, connectionId)) return null;
    this.logger.warn(`rooms handshake refused: user ${socket.data.userId} already holds ${this.connectionLimit.limit} connections`);
    return 'TOO_MANY_CONNECTIONS';
  }

  private async authenticate(socket: RoomSocket): Promise<ErrorCode | null> {
    let account: { id: string; name: string; session: VerifiedAccess } | null;
    try {
      account = await this.tokens.accountOf((socket.handshake.auth as Record<string, unknown> | undefined)?.token);
    } catch (error) {
      this.logger.error(`rooms handshake: ${error instanceof Error ? error.message : String(error)}`);
      return 'SERVICE_UNAVAILABLE';
    }
    if (!account) return 'UNAUTHORIZED';
    this.admitted.set(socket, account.session);
    socket.data = { userId: account.id, name: account.name, interviewId: null, role: null, rttMs: null };
    return null;
  }

  private async dispatch(socket: RoomSocket, event: RoomClientEvent, args: unknown[]): Promise<void> {
    const ack = typeof args[args.length - 1] === 'function' ? (args.pop() as (response: RoomAck<unknown>) => void) : undefined;
    try {
      // Events already on their way when the session ended are not acted on.
      if (this.session(socket).watch.ended) throw new AppError('UNAUTHORIZED');
      this.checkRate(socket, event);
      const payload = this.parse(event, args);
      const data = await (this.handlers[event] as Handler<RoomClientEvent>)(socket, payload as never);
      this.metrics.events.inc({ event });
      ack?.({ ok: true, data });
    } catch (error) {
      this.refuse(socket, event, error, ack);
    }
  }

  private refuse(socket: RoomSocket, event: string, error: unknown, ack?: (response: RoomAck<never>) => void): void {
    const failure = this.toAppError(error, event);
    this.metrics.rejected.inc({ event: isClientEvent(event) ? event : 'unknown', reason: failure.code });
    const body = failure.toBody().error;
    if (ack) ack({ ok: false, error: body });
    // Without an acknowledgement the sender learns of a refusal by event, except floods it caused itself.
    else if (failure.code !== 'TOO_MANY_REQUESTS') socket.emit('room:error', { event, error: body });
  }

  private checkRate(socket: RoomSocket, event: RoomClientEvent): void {
    const bucket = this.session(socket).limits[RATE_CLASS[event] ?? 'other'];
    const now = Date.now();
    if (bucket.take(now)) return;
    const retryAfterMs = bucket.retryAfterMs(now);
    throw new AppError('TOO_MANY_REQUESTS', event === 'chat:send' ? 'You are sending messages too fast.' : 'Too many events; slow down.', { retryAfterMs });
  }

  private parse(event: RoomClientEvent, args: unknown[]): unknown {
    if (args.length > 1) throw new AppError('VALIDATION_FAILED', 'Send one payload object.');
    const spec = ROOM_CLIENT_EVENTS[event];
    const payload = args.length === 0 ? {} : args[0];
    const bytes = jsonBytes(payload);
    if (bytes === null) throw new AppError('VALIDATION_FAILED', 'The payload is not plain JSON.');
    if (bytes > spec.maxBytes) throw new AppError('PAYLOAD_TOO_LARGE', `${event} carries at most ${spec.maxBytes} bytes.`);
    const parsed = spec.payload.safeParse(payload);
    if (!parsed.success) throw validationError(parsed.error);
    assertUsableText(parsed.data);
    return parsed.data;
  }

  private toAppError(error: unknown, event: string): AppError {
    if (error instanceof AppError) return error;
    this.logger.error(`rooms ${event}: ${error instanceof Error ? error.stack : String(error)}`);
    return new AppError('INTERNAL');
  }

  private session(socket: RoomSocket): SocketSession {
    const session = this.sessions.get(socket);
    if (!session) throw new AppError('INTERNAL');
    return session;
  }

  private joined(socket: RoomSocket): { interviewId: string; actor: RoomActor } {
    const { interviewId, role, userId, name } = socket.data;
    if (!interviewId || !role) throw new AppError('NOT_IN_ROOM');
    return { interviewId, actor: { userId, name, role } };
  }

  /** Joins before reading the state, so no change between the read and the join is missed. */
  private async join(socket: RoomSocket, interviewId: string): Promise<RoomState> {
    const role = await this.rooms.admit(interviewId, socket.data.userId);
    const name = await this.rooms.displayNameIn(interviewId, socket.data.userId);
    if (socket.data.interviewId && socket.data.interviewId !== interviewId) await this.leave(socket);
    socket.data.interviewId = interviewId;
    socket.data.role = role;
    socket.data.name = name;
    await socket.join(roomChannels.everyone(interviewId));
    if (role === 'interviewer') await socket.join(roomChannels.interviewers(interviewId));
    try {
      const presence = await this.events.presence(interviewId);
      const state = await this.rooms.snapshot(interviewId, { userId: socket.data.userId, name: socket.data.name, role }, presence);
      await this.events.publishPresence(interviewId);
      // Joining the same room again on the same socket goes on with the same stay.
      if (!socket.data.visitId) socket.data.visitId = await this.rooms.recordJoin(interviewId, socket.data.userId);
      return state;
    } catch (error) {
      await this.leave(socket);
      throw error;
    }
  }

  private async leave(socket: RoomSocket): Promise<void> {
    const interviewId = socket.data.interviewId;
    if (!interviewId) return;
    this.closeVisitQuietly(socket);
    await this.unfollow(socket);
    for (const room of [roomChannels.everyone(interviewId), roomChannels.interviewers(interviewId), roomChannels.presenter(interviewId)]) {
      await socket.leave(room);
    }
    socket.data.interviewId = null;
    socket.data.role = null;
    this.publishPresenceQuietly(interviewId);
  }

  private async unfollow(socket: RoomSocket): Promise<void> {
    const session = this.session(socket);
    if (session.following) await socket.leave(session.following);
    session.following = null;
  }

  private timeSync(socket: RoomSocket, payload: Payload<'time:sync'>): Result<'time:sync'> {
    const serverTime = Date.now();
    if (payload.rttMs !== undefined) {
      const before = connectionQuality(socket.data.rttMs);
      socket.data.rttMs = Math.round(payload.rttMs);
      if (socket.data.interviewId && connectionQuality(socket.data.rttMs) !== before) this.publishPresenceQuietly(socket.data.interviewId);
    }
    return { clientSentAt: payload.clientSentAt, serverTime };
  }

  private publishPresenceQuietly(interviewId: string): void {
    this.events.publishPresence(interviewId).catch((error: unknown) => {
      this.logger.warn(`presence of ${interviewId} not published: ${error instanceof Error ? error.message : String(error)}`);
    });
  }
}
