import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useApiClient } from '../../api';
import {
  fetchNotifications,
  markAllNotificationsRead,
  markNotificationRead,
  notificationsQueryKey,
  withNew,
  withRead,
} from './notifications-api';
import { NotificationsFeed } from './notifications-socket';

/** The signed-in user's notifications: loaded over REST, kept current by the live socket. */
export function useNotifications() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  const list = useQuery({ queryKey: notificationsQueryKey, queryFn: ({ signal }) => fetchNotifications(client, signal) });

  useEffect(() => {
    const feed = new NotificationsFeed(client.session, {
      onNew: (event) => {
        queryClient.setQueryData(notificationsQueryKey, (current: Parameters<typeof withNew>[0]) => withNew(current, event));
        // A notification about an interview may mean it moved or was cancelled.
        if (event.notification.interviewId) void queryClient.invalidateQueries({ queryKey: ['interviews'] });
        void queryClient.invalidateQueries({ queryKey: ['invitations'] });
      },
      onRead: ({ ids, unreadCount }) => queryClient.setQueryData(notificationsQueryKey, (current: Parameters<typeof withRead>[0]) => withRead(current, ids, unreadCount)),
      onReconnect: () => void queryClient.invalidateQueries({ queryKey: notificationsQueryKey }),
    });
    return () => feed.close();
  }, [client, queryClient]);

  const markRead = useMutation({
    mutationFn: (id: string) => markNotificationRead(client, id),
    onSuccess: ({ unreadCount }, id) => queryClient.setQueryData(notificationsQueryKey, (current: Parameters<typeof withRead>[0]) => withRead(current, [id], unreadCount)),
  });
  const markAllRead = useMutation({
    mutationFn: () => markAllNotificationsRead(client),
    onSuccess: ({ unreadCount }) => queryClient.setQueryData(notificationsQueryKey, (current: Parameters<typeof withRead>[0]) => withRead(current, null, unreadCount)),
  });

  return { list, markRead, markAllRead };
}
