import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import type { NotificationNewEvent, NotificationServerEvents, NotificationsReadEvent } from '@pairboard/contracts';
import type { Namespace } from 'socket.io';

export type NotificationsNamespace = Namespace<Record<string, never>, NotificationServerEvents>;

export const userChannel = (userId: string) => `user:${userId}`;

/**
 * Live delivery to a user's sockets on every instance. The namespace shares the socket server's
 * Redis adapter, so an emit here reaches sockets held by other API instances; the worker process
 * attaches a socket server that has no HTTP server, only the adapter, and publishes the same way.
 */
@Injectable()
export class NotificationEvents implements OnModuleDestroy {
  private readonly logger = new Logger('NotificationEvents');
  private namespace: NotificationsNamespace | null = null;

  attach(namespace: NotificationsNamespace): void {
    this.namespace = namespace;
  }

  /** Nothing is published once shutdown begins, so no emit reaches a closed Redis connection. */
  onModuleDestroy(): void {
    this.namespace = null;
  }

  created(userId: string, event: NotificationNewEvent): void {
    this.emit(userId, (channel) => channel.emit('notification:new', event));
  }

  read(userId: string, event: NotificationsReadEvent): void {
    this.emit(userId, (channel) => channel.emit('notifications:read', event));
  }

  private emit(userId: string, send: (channel: ReturnType<NotificationsNamespace['to']>) => void): void {
    if (!this.namespace) return;
    try {
      send(this.namespace.to(userChannel(userId)));
    } catch (error) {
      // Live delivery is a convenience: the notification is stored and the centre shows it on load.
      this.logger.warn(`live notification to ${userId} not sent: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
