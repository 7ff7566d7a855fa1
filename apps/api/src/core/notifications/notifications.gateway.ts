import { Logger } from '@nestjs/common';
import { OnGatewayInit, WebSocketGateway } from '@nestjs/websockets';
import { authRefreshSchema, ERROR_CATALOGUE, ErrorCode, NOTIFICATIONS_NAMESPACE, SOCKET_SESSION_EVENTS } from '@pairboard/contracts';
import type { Socket } from 'socket.io';
import { AppError } from '../../base/errors';
import { AccessTokenVerifier, SocketSession, SocketSessions, VerifiedAccess } from '../auth';
import { NotificationEvents, NotificationsNamespace, userChannel } from './notification-events';
import { NotificationsService } from './notifications.service';

type Ack = (response: { ok: true; data: { expiresAt: number } } | { ok: false; error: { code: ErrorCode; message: string } }) => void;

/**
 * socket.io `/notifications`: server → client, apart from renewing the socket's session. The
 * handshake carries an access token (as on `/rooms`); each socket joins its user's channel and
 * stays only as long as its sign-in (see socket-session.ts in the contracts).
 */
@WebSocketGateway({ namespace: NOTIFICATIONS_NAMESPACE, maxHttpBufferSize: 8 * 1024, serveClient: false })
export class NotificationsGateway implements OnGatewayInit<NotificationsNamespace> {
  private readonly logger = new Logger('NotificationsGateway');
  private readonly admitted = new WeakMap<Socket, VerifiedAccess>();

  constructor(
    private readonly tokens: AccessTokenVerifier,
    private readonly notifications: NotificationsService,
    private readonly events: NotificationEvents,
    private readonly socketSessions: SocketSessions,
  ) {}

  afterInit(namespace: NotificationsNamespace): void {
    this.events.attach(namespace);
    namespace.use((socket, next) => {
      void this.authenticate(socket).then((code) => {
        if (!code) return next();
        const error = new Error(code) as Error & { data?: unknown };
        error.data = { code, message: ERROR_CATALOGUE[code].message };
        next(error);
      });
    });
    namespace.on('connection', (socket: Socket) => this.connected(socket));
  }

  private connected(socket: Socket): void {
    const access = this.admitted.get(socket);
    this.admitted.delete(socket);
    if (!access) return void socket.disconnect();
    const watch = this.socketSessions.track(access, {
      expiring: (expiresAt) => socket.emit(SOCKET_SESSION_EVENTS.expiring, { expiresAt }),
      end: (reason) => {
        socket.emit(SOCKET_SESSION_EVENTS.ended, { reason, error: { code: 'UNAUTHORIZED', message: ERROR_CATALOGUE.UNAUTHORIZED.message } });
        socket.disconnect();
      },
    });
    socket.on('disconnect', () => this.socketSessions.release(watch));
    socket.on(SOCKET_SESSION_EVENTS.refresh, (payload: unknown, ack: unknown) => void this.renew(watch, payload, ack));
    void socket.join(userChannel(access.userId));
  }

  private async renew(watch: SocketSession, payload: unknown, ack: unknown): Promise<void> {
    if (typeof ack !== 'function') return;
    const reply = ack as Ack;
    try {
      const parsed = authRefreshSchema.safeParse(payload);
      if (!parsed.success) throw new AppError('VALIDATION_FAILED');
      reply({ ok: true, data: await this.socketSessions.renew(watch, parsed.data.token) });
    } catch (error) {
      const failure = error instanceof AppError ? error : new AppError('INTERNAL');
      reply({ ok: false, error: failure.toBody().error });
    }
  }

  private async authenticate(socket: Socket): Promise<ErrorCode | null> {
    let account: { id: string; session: VerifiedAccess } | null;
    try {
      account = await this.tokens.accountOf((socket.handshake.auth as Record<string, unknown> | undefined)?.token);
    } catch (error) {
      this.logger.error(`notifications handshake: ${error instanceof Error ? error.message : String(error)}`);
      return 'SERVICE_UNAVAILABLE';
    }
    if (!account) return 'UNAUTHORIZED';
    this.admitted.set(socket, account.session);
    socket.data = { userId: account.id };
    return null;
  }
}
