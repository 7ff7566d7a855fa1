import { Logger } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { OnGatewayInit, WebSocketGateway } from '@nestjs/websockets';
import { ERROR_CATALOGUE, ErrorCode, NOTIFICATIONS_NAMESPACE } from '@pairboard/contracts';
import type { Socket } from 'socket.io';
import { NotificationEvents, NotificationsNamespace, userChannel } from './notification-events';
import { NotificationsService } from './notifications.service';

const MAX_TOKEN_LENGTH = 4096;

/**
 * socket.io `/notifications`: server → client only. The handshake carries an access token (as on
 * `/rooms`); each socket joins its user's channel. Clients send nothing, so there is nothing to
 * validate beyond the token and a tiny packet limit.
 */
@WebSocketGateway({ namespace: NOTIFICATIONS_NAMESPACE, maxHttpBufferSize: 1024, serveClient: false })
export class NotificationsGateway implements OnGatewayInit<NotificationsNamespace> {
  private readonly logger = new Logger('NotificationsGateway');

  constructor(
    private readonly jwt: JwtService,
    private readonly notifications: NotificationsService,
    private readonly events: NotificationEvents,
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
    namespace.on('connection', (socket: Socket) => {
      const userId = (socket.data as { userId?: string }).userId;
      if (userId) void socket.join(userChannel(userId));
    });
  }

  private async authenticate(socket: Socket): Promise<ErrorCode | null> {
    const token = (socket.handshake.auth as Record<string, unknown> | undefined)?.token;
    if (typeof token !== 'string' || token.length === 0 || token.length > MAX_TOKEN_LENGTH) return 'UNAUTHORIZED';
    const userId = await this.jwt.verifyAsync<{ sub?: unknown }>(token).then(
      (payload) => (typeof payload.sub === 'string' ? payload.sub : null),
      () => null,
    );
    if (!userId) return 'UNAUTHORIZED';
    try {
      if ((await this.notifications.userName(userId)) === null) return 'UNAUTHORIZED';
    } catch (error) {
      this.logger.error(`notifications handshake: ${error instanceof Error ? error.message : String(error)}`);
      return 'SERVICE_UNAVAILABLE';
    }
    socket.data = { userId };
    return null;
  }
}
