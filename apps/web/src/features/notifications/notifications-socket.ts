import {
  NOTIFICATIONS_NAMESPACE,
  notificationNewEventSchema,
  notificationsReadEventSchema,
  type NotificationNewEvent,
  type NotificationsReadEvent,
} from '@pairboard/contracts';
import { io, type Socket } from 'socket.io-client';
import { keepSocketSession } from '../../api/socket-session';
import type { TokenSource } from '../room/board-connection';

export interface NotificationsFeedHandlers {
  onNew(event: NotificationNewEvent): void;
  onRead(event: NotificationsReadEvent): void;
  /** After a reconnect: whatever arrived meanwhile was missed, so reload. */
  onReconnect(): void;
}

/**
 * The `/notifications` socket: listens only, validates every event with the contracts' schemas,
 * renews a refused token once (like the room socket) and reports reconnects so the list reloads.
 */
export class NotificationsFeed {
  private readonly socket: Socket;
  private connectedBefore = false;
  private readonly stopSessionUpkeep: () => void;

  constructor(session: TokenSource, handlers: NotificationsFeedHandlers, url = '') {
    this.socket = io(`${url}${NOTIFICATIONS_NAMESPACE}`, {
      transports: ['websocket'],
      auth: (callback) => callback({ token: session.accessToken ?? '' }),
      autoConnect: false,
    });
    this.socket.on('connect', () => {
      if (this.connectedBefore) handlers.onReconnect();
      this.connectedBefore = true;
    });
    this.socket.on('connect_error', (error) => {
      if (error.message !== 'UNAUTHORIZED') return;
      void session.refresh().then((token) => {
        if (token !== null && !this.socket.active) this.socket.connect();
      });
    });
    this.socket.on('notification:new', (payload: unknown) => {
      const parsed = notificationNewEventSchema.safeParse(payload);
      if (parsed.success) handlers.onNew(parsed.data);
    });
    this.socket.on('notifications:read', (payload: unknown) => {
      const parsed = notificationsReadEventSchema.safeParse(payload);
      if (parsed.success) handlers.onRead(parsed.data);
    });
    // A session that is over stops the feed; the rest of the app sends the person to sign in.
    this.stopSessionUpkeep = keepSocketSession(this.socket, session, () => undefined);
    this.socket.connect();
  }

  close(): void {
    this.stopSessionUpkeep();
    this.socket.disconnect();
  }
}
