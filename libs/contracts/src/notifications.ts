import { z } from 'zod';
import type { AuthEndedEvent, AuthExpiringEvent } from './socket-session';

/**
 * The notification centre: REST under `/api/notifications` and live delivery over socket.io
 * namespace `/notifications` (handshake `auth: { token }`, like `/rooms`). Each signed-in socket
 * hears only its own user's notifications.
 */
export const NOTIFICATIONS_NAMESPACE = '/notifications';
export const NOTIFICATIONS_PAGE_MAX = 50;

export const NOTIFICATION_KINDS = [
  'invitation.received',
  'invitation.accepted',
  'invitation.declined',
  'invitation.proposed',
  'invitation.proposal_declined',
  'interview.rescheduled',
  'interview.cancelled',
  'reminder.day',
  'reminder.soon',
  'room.open',
  'no_show.partner_absent',
  'no_show.recorded',
  'pairing.matched',
  'feedback.requested',
  'interview.added',
  'scorecard.ready',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const notificationSchema = z.object({
  id: z.string(),
  kind: z.enum(NOTIFICATION_KINDS),
  title: z.string(),
  body: z.string(),
  /** A path inside the web app, e.g. `/interviews/<id>`. */
  link: z.string().nullable(),
  interviewId: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type Notification = z.infer<typeof notificationSchema>;

export const notificationListQuerySchema = z.object({
  /** The `nextCursor` of the previous page. */
  cursor: z.string().max(128).optional(),
  limit: z.coerce.number().int().min(1).max(NOTIFICATIONS_PAGE_MAX).default(20),
});
export type NotificationListQuery = z.input<typeof notificationListQuerySchema>;

export const notificationListSchema = z.object({
  items: z.array(notificationSchema),
  unreadCount: z.number().int().min(0),
  nextCursor: z.string().nullable(),
});
export type NotificationList = z.infer<typeof notificationListSchema>;

export const unreadCountSchema = z.object({ unreadCount: z.number().int().min(0) });
export type UnreadCount = z.infer<typeof unreadCountSchema>;

/** Server → client events on `/notifications`; the client only listens. */
export const notificationNewEventSchema = z.object({ notification: notificationSchema, unreadCount: z.number().int().min(0) });
export type NotificationNewEvent = z.infer<typeof notificationNewEventSchema>;
/** Sent after a read in another tab: `ids` null means "all". */
export const notificationsReadEventSchema = z.object({ ids: z.array(z.string()).nullable(), unreadCount: z.number().int().min(0) });
export type NotificationsReadEvent = z.infer<typeof notificationsReadEventSchema>;

export interface NotificationServerEvents {
  'notification:new': (event: NotificationNewEvent) => void;
  'notifications:read': (event: NotificationsReadEvent) => void;
  /** Session upkeep, as on `/rooms` (socket-session.ts); the client answers with `auth:refresh`. */
  'auth:expiring': (event: AuthExpiringEvent) => void;
  'auth:ended': (event: AuthEndedEvent) => void;
}
