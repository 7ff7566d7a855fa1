import { Logger } from '@nestjs/common';
import { OnGatewayInit, WebSocketGateway } from '@nestjs/websockets';
import { ERROR_CATALOGUE, ErrorCode, NOTIFICATIONS_NAMESPACE } from '@pairboard/contracts';
import type { Socket } from 'socket.io';
import { AccessTokenVerifier } from '../auth';
import { NotificationEvents, NotificationsNamespace, userChannel } from './notification-events';
import { NotificationsService } from './notifications.service';


/**
 * socket.io `/notifications`: server → client only. The handshake carries an access token (as on
 * `/rooms`); each socket joins its user's channel. Clients send nothing, so there is nothing to
 * validate beyond the token and a tiny packet limit.
 */
@WebSocketGateway({ namespace: NOTIFICATIONS_NAMESPACE, maxHttpBufferSize: 1024, serveClient: false })
export class NotificationsGateway implements OnGatewayInit<NotificationsNamespace> {
  private readonly logger = new Logger('NotificationsGateway');

  constructor(
    private readonly tokens: AccessTokenVerifier,
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
    let account: { id: string } | null;
    try {
      account = await this.tokens.accountOf((socket.handshake.auth as Record<string, unknown> | undefined)?.token);
    } catch (error) {
      this.logger.error(`notifications handshake: ${error instanceof Error ? error.message : String(error)}`);
      return 'SERVICE_UNAVAILABLE';
    }
    if (!account) return 'UNAUTHORIZED';
    socket.data = { userId: account.id };
    return null;
  }
}
