import { notificationListSchema, unreadCountSchema, type NotificationList } from '@pairboard/contracts';
import type { ApiClient } from '../../api';

export const notificationsQueryKey = ['notifications'] as const;
export const NOTIFICATIONS_SHOWN = 20;

export const fetchNotifications = (client: ApiClient, signal?: AbortSignal): Promise<NotificationList> =>
  client.request(`/api/notifications?limit=${NOTIFICATIONS_SHOWN}`, { schema: notificationListSchema, signal });

export const markNotificationRead = (client: ApiClient, id: string) =>
  client.request(`/api/notifications/${encodeURIComponent(id)}/read`, { method: 'POST', schema: unreadCountSchema });

export const markAllNotificationsRead = (client: ApiClient) =>
  client.request('/api/notifications/read-all', { method: 'POST', schema: unreadCountSchema });

/** Folds a live notification into the cached list (newest first, no duplicates). */
export function withNew(list: NotificationList | undefined, event: { notification: NotificationList['items'][number]; unreadCount: number }): NotificationList | undefined {
  if (!list) return list;
  if (list.items.some((item) => item.id === event.notification.id)) return { ...list, unreadCount: event.unreadCount };
  return { ...list, items: [event.notification, ...list.items].slice(0, NOTIFICATIONS_SHOWN), unreadCount: event.unreadCount };
}

/** Marks items read in the cached list; `ids` null means all. */
export function withRead(list: NotificationList | undefined, ids: string[] | null, unreadCount: number, at = new Date().toISOString()): NotificationList | undefined {
  if (!list) return list;
  return {
    ...list,
    unreadCount,
    items: list.items.map((item) => (item.readAt === null && (ids === null || ids.includes(item.id)) ? { ...item, readAt: at } : item)),
  };
}
