import type { Notification, NotificationList } from '@pairboard/contracts';
import { NOTIFICATIONS_SHOWN, withNew, withRead } from './notifications-api';

const item = (id: string, readAt: string | null = null): Notification => ({
  id,
  kind: 'reminder.soon',
  title: `t${id}`,
  body: '',
  link: null,
  interviewId: null,
  createdAt: '2026-11-25T10:00:00.000Z',
  readAt,
});

describe('notification cache updates', () => {
  const list: NotificationList = { items: [item('b'), item('a', '2026-11-25T11:00:00.000Z')], unreadCount: 1, nextCursor: null };

  it('puts a live notification first, once, and keeps the list bounded', () => {
    const next = withNew(list, { notification: item('c'), unreadCount: 2 });
    expect(next?.items.map((entry) => entry.id)).toEqual(['c', 'b', 'a']);
    expect(next?.unreadCount).toBe(2);
    expect(withNew(next, { notification: item('c'), unreadCount: 2 })?.items).toHaveLength(3);
    const full: NotificationList = { ...list, items: Array.from({ length: NOTIFICATIONS_SHOWN }, (_, index) => item(String(index))) };
    expect(withNew(full, { notification: item('new'), unreadCount: 1 })?.items).toHaveLength(NOTIFICATIONS_SHOWN);
    expect(withNew(undefined, { notification: item('c'), unreadCount: 1 })).toBeUndefined();
  });

  it('marks one or all read without touching ones read before', () => {
    const one = withRead(list, ['b'], 0, 'now');
    expect(one?.items.map((entry) => entry.readAt)).toEqual(['now', '2026-11-25T11:00:00.000Z']);
    const all = withRead({ ...list, items: [item('x'), item('y')] }, null, 0, 'now');
    expect(all?.items.every((entry) => entry.readAt === 'now')).toBe(true);
    expect(all?.unreadCount).toBe(0);
  });
});
