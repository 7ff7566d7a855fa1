import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { readAuthRefreshToken, sessionMessage } from '@pairboard/board-protocol';
import { BOARD_CLOSE, BOARD_MESSAGE } from '@pairboard/contracts';
import { WebSocket, WebSocketServer } from 'ws';
import { APP_CONFIG, AppConfig } from '../../base/config';
import { AppError } from '../../base/errors';
import { AccessTokenVerifier, SocketSession, SocketSessions } from '../auth';
import { InterviewsService } from '../interviews';
import type { BoardPeer } from './board-peer';
import type { BoardRoom } from './board-room';
import { BoardMetrics } from './board.metrics';
import { BoardService } from './board.service';

const BOARD_PATH = /^\/yjs\/([^/?#]+)\/?(?:[?#]|$)/;
const JWT_SHAPE = /^[\w-]+\.[\w-]+\.[\w-]+$/;
/** Messages a client may send before it is authorised; they are handled once it is. */
const MAX_QUEUED_BEFORE_AUTH = 256;
const GOING_AWAY = 1001;
const SERVER_ERROR = 1011;
const TRY_AGAIN_LATER = 1013;
const DRAIN_TIMEOUT_MS = 10_000;
const CLOSE_HANDSHAKE_MS = 1_000;

/**
 * Holds a socket's writes for the rest of the event-loop turn, so the frames relayed to one
 * connection in a turn leave in one write instead of one system call each.
 */
class WriteBatcher {
  private readonly held = new Set<Duplex>();
  private scheduled = false;

  hold(socket: Duplex): void {
    if (this.held.has(socket)) return;
    socket.cork();
    this.held.add(socket);
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(this.release);
    }
  }

  private readonly release = (): void => {
    this.scheduled = false;
    for (const socket of this.held) socket.uncork();
    this.held.clear();
  };
}

class WebSocketPeer implements BoardPeer {
  constructor(
    private readonly ws: WebSocket,
    private readonly socket: Duplex,
    private readonly batcher: WriteBatcher,
    private readonly maxBuffered: number,
    readonly userId: string,
    readonly canEdit: boolean,
    private readonly closeWith: (code: number, reason: string) => void,
    private readonly onSlowReader: () => void,
  ) {}

  send(message: Uint8Array): void {
    if (this.ws.readyState !== WebSocket.OPEN) return;
    if (this.ws.bufferedAmount > this.maxBuffered) {
      // A reader this far behind would hold the whole room's traffic in memory; it can reconnect.
      this.onSlowReader();
      return;
    }
    this.batcher.hold(this.socket);
    this.ws.send(message);
  }

  close(code: number, reason: string): void {
    this.closeWith(code, reason);
  }
}

interface Connection {
  ws: WebSocket;
  interviewId: string;
  userId: string | null;
  queued: Buffer[];
  room: BoardRoom | null;
  peer: WebSocketPeer | null;
  closed: boolean;
  closedByServer: boolean;
  /** Keeps the connection within its sign-in (messages 5-7, close 4401). */
  watch: SocketSession | null;
}

/**
 * Board sync transport: y-websocket on the API's own HTTP server at /yjs/<interviewId>. Accepts the
 * upgrade first and authorises after, so refusals reach the browser as close codes; queues what
 * the client sends meanwhile. Everything else is the room's business.
 */
@Injectable()
export class BoardGateway implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('BoardGateway');
  private readonly wss: WebSocketServer;
  private readonly connections = new Set<Connection>();
  private readonly batcher = new WriteBatcher();
  private readonly maxBuffered: number;
  private server: Server | null = null;
  private closing = false;

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly tokens: AccessTokenVerifier,
    private readonly interviews: InterviewsService,
    private readonly board: BoardService,
    private readonly metrics: BoardMetrics,
    private readonly socketSessions: SocketSessions,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.wss = new WebSocketServer({
      noServer: true,
      maxPayload: config.BOARD_MAX_MESSAGE_BYTES,
      perMessageDeflate: false,
      // A browser that offered the token as a subprotocol needs one offered value echoed back.
      handleProtocols: (protocols) => [...protocols].find((protocol) => !JWT_SHAPE.test(protocol)) ?? [...protocols][0] ?? false,
    });
    this.maxBuffered = Math.max(64 * 1024 * 1024, 4 * config.BOARD_MAX_MESSAGE_BYTES);
  }

  onApplicationBootstrap(): void {
    this.server = this.adapterHost.httpAdapter.getHttpServer() as Server;
    this.server.on('upgrade', this.onUpgrade);
  }

  /** Shutdown: stop taking messages, store what was accepted, then close every socket with 1001. */
  async onModuleDestroy(): Promise<void> {
    this.closing = true;
    this.server?.off('upgrade', this.onUpgrade);
    if (!(await this.board.drain(DRAIN_TIMEOUT_MS))) this.logger.error('board updates still unstored at shutdown');
    const closed = [...this.connections].map(({ ws }) => new Promise((resolve) => ws.once('close', resolve)));
    for (const connection of this.connections) this.closeWith(connection, GOING_AWAY, 'server shutting down');
    // A client that does not answer the close handshake would hold the HTTP server open.
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([Promise.all(closed), new Promise((resolve) => (timer = setTimeout(resolve, CLOSE_HANDSHAKE_MS)))]);
    clearTimeout(timer);
    for (const connection of this.connections) connection.ws.terminate();
    await this.board.close();
    this.wss.close();
  }

  private readonly onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer): void => {
    const match = BOARD_PATH.exec(request.url ?? '');
    if (!match) {
      // Other paths belong to other listeners (socket.io); with none, answer as Node would have.
      if (this.server?.listenerCount('upgrade') === 1) socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    this.wss.handleUpgrade(request, socket, head, (ws) => this.onConnection(ws, socket, request, decodePathSegment(match[1])));
  };

  private onConnection(ws: WebSocket, socket: Duplex, request: IncomingMessage, interviewId: string): void {
    const connection: Connection = {
      ws,
      interviewId,
      userId: null,
      queued: [],
      room: null,
      peer: null,
      closed: false,
      closedByServer: false,
      watch: null,
    };
    this.connections.add(connection);
    this.metrics.connections.inc();
    this.refuseOversizedMessages(connection);

    ws.on('message', (data: Buffer, isBinary: boolean) => {
      if (this.closing || connection.closed || connection.closedByServer) return;
      if (!isBinary) return this.refuse(connection, BOARD_CLOSE.malformed, 'text frames are not part of the protocol');
      // Session upkeep is the transport's business, not the room's; before authorisation it means nothing.
      if (data[0] === BOARD_MESSAGE.authRefresh) return void this.renew(connection, data);
      if (connection.room && connection.peer) return connection.room.receive(connection.peer, data);
      if (connection.queued.length >= MAX_QUEUED_BEFORE_AUTH) {
        return this.refuse(connection, BOARD_CLOSE.rateLimited, 'too many messages before authorisation');
      }
      connection.queued.push(data);
    });
    ws.on('close', (code: number) => {
      connection.closed = true;
      if (connection.watch) this.socketSessions.release(connection.watch);
      this.connections.delete(connection);
      this.metrics.connections.dec();
      if (!connection.closedByServer) this.metrics.closes.inc({ code: String(code) });
      if (connection.room && connection.peer) connection.room.leave(connection.peer);
    });
    ws.on('error', (error) => this.logger.debug(`board socket error: ${error.message}`));

    if (this.closing) return this.closeWith(connection, GOING_AWAY, 'server shutting down');
    this.admit(connection, socket, tokenOf(request)).catch((error: unknown) => {
      this.logger.error(`board ${interviewId}: admitting a connection failed: ${error instanceof Error ? error.stack : String(error)}`);
      this.closeWith(connection, SERVER_ERROR, 'server error');
    });
  }

  private async admit(connection: Connection, socket: Duplex, token: string | null): Promise<void> {
    const session = token ? await this.tokens.sessionOf(token) : null;
    if (!session) return this.refuse(connection, BOARD_CLOSE.unauthorized, token ? 'invalid token or ended session' : 'missing token');
    if (connection.closed || connection.closedByServer) return;
    const userId = session.userId;
    connection.userId = userId;
    connection.watch = this.socketSessions.track(session, {
      expiring: (expiresAt) => this.sendSessionMessage(connection, BOARD_MESSAGE.authExpiring, expiresAt),
      end: (reason) => this.refuse(connection, BOARD_CLOSE.unauthorized, reason === 'expired' ? 'access token expired' : 'signed out'),
    });
    const access = await this.interviews.accessFor(connection.interviewId, userId);
    if (!access.exists) return this.refuse(connection, BOARD_CLOSE.notFound, 'no such interview');
    // The same code as for no interview at all, so the close code does not confirm that one exists.
    if (!access.role) return this.refuse(connection, BOARD_CLOSE.notFound, 'not a participant');
    if (connection.closed || connection.closedByServer) return;

    const peer = new WebSocketPeer(
      connection.ws,
      socket,
      this.batcher,
      this.maxBuffered,
      userId,
      access.role !== 'observer',
      (code, reason) => this.closeWith(connection, code, reason),
      () => this.refuse(connection, TRY_AGAIN_LATER, 'not reading fast enough'),
    );
    const room = await this.board.join(connection.interviewId, peer);
    if (!room) return;
    // Closed while the room loaded: the close event found no room to leave.
    if (connection.closed || connection.closedByServer) return room.leave(peer);
    connection.room = room;
    connection.peer = peer;
    const queued = connection.queued;
    connection.queued = [];
    for (const message of queued) {
      if (connection.closed || connection.closedByServer) break;
      room.receive(peer, message);
    }
  }

  /** `[6, token]`: a fresh token for this connection, confirmed with `[7, secondsLeft]`; refused with 4401. */
  private async renew(connection: Connection, message: Buffer): Promise<void> {
    const watch = connection.watch;
    if (!watch) return;
    let token: string;
    try {
      token = readAuthRefreshToken(message);
    } catch {
      return this.refuse(connection, BOARD_CLOSE.malformed, 'malformed session renewal');
    }
    try {
      const { expiresAt } = await this.socketSessions.renew(watch, token);
      this.sendSessionMessage(connection, BOARD_MESSAGE.authRenewed, expiresAt);
    } catch (error) {
      if (error instanceof AppError && error.code === 'SERVICE_UNAVAILABLE') return;
      this.refuse(connection, BOARD_CLOSE.unauthorized, 'session renewal refused');
    }
  }

  private sendSessionMessage(
    connection: Connection,
    type: typeof BOARD_MESSAGE.authExpiring | typeof BOARD_MESSAGE.authRenewed,
    expiresAt: number,
  ): void {
    if (connection.closed || connection.closedByServer || connection.ws.readyState !== WebSocket.OPEN) return;
    connection.ws.send(sessionMessage(type, Math.max(0, Math.floor((expiresAt - Date.now()) / 1000))));
  }

  /**
   * ws closes an over-long message with 1009 on its own; the contract says 4413. Its receiver
   * reports the error before ws reacts, so closing first wins (ws then leaves the close alone).
   */
  private refuseOversizedMessages(connection: Connection): void {
    const receiver = (connection.ws as unknown as { _receiver?: NodeJS.EventEmitter })._receiver;
    receiver?.prependListener('error', (error: Error & { code?: string }) => {
      if (error.code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH') {
        this.refuse(connection, BOARD_CLOSE.tooLarge, `message over the limit of ${this.config.BOARD_MAX_MESSAGE_BYTES} bytes`);
      }
    });
  }

  private refuse(connection: Connection, code: number, reason: string): void {
    this.logger.warn(`board ${connection.interviewId}: closed a connection of ${connection.userId ?? 'an unknown user'} with ${code}: ${reason}`);
    this.closeWith(connection, code, reason);
  }

  private closeWith(connection: Connection, code: number, reason: string): void {
    if (connection.closedByServer || connection.closed) return;
    connection.closedByServer = true;
    this.metrics.closes.inc({ code: String(code) });
    connection.ws.close(code, reason.slice(0, 120));
  }
}

/** The token from `?token=` or from a Sec-WebSocket-Protocol value shaped like a JWT. */
function tokenOf(request: IncomingMessage): string | null {
  const query = new URL(request.url ?? '/', 'http://localhost').searchParams.get('token');
  if (query) return query;
  const offered = request.headers['sec-websocket-protocol'];
  if (!offered) return null;
  return offered
    .split(',')
    .map((value) => value.trim())
    .find((value) => JWT_SHAPE.test(value)) ?? null;
}

function decodePathSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
