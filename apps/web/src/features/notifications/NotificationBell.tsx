import type { Notification, NotificationKind } from '@pairboard/contracts';
import { useEffect, useId, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { describeError } from '../../api';
import { BellIcon, Button, CalendarIcon, CheckCircleIcon, ClockIcon, cx, InfoIcon, Spinner, UsersIcon } from '../../ui';
import { useNotifications } from './useNotifications';
import './NotificationBell.css';

/** A small pictogram per family of notification, so the list can be scanned without reading. */
function KindIcon({ kind }: { kind: NotificationKind }) {
  if (kind.startsWith('reminder') || kind === 'room.open') return <ClockIcon size={16} />;
  if (kind.startsWith('invitation') || kind.startsWith('interview')) return <CalendarIcon size={16} />;
  if (kind === 'pairing.matched' || kind.startsWith('no_show')) return <UsersIcon size={16} />;
  if (kind === 'feedback.requested' || kind === 'scorecard.ready') return <CheckCircleIcon size={16} />;
  return <InfoIcon size={16} />;
}

function ago(iso: string, now: number): string {
  const minutes = Math.round((now - Date.parse(iso)) / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  return new Date(iso).toLocaleDateString(undefined, { day: 'numeric', month: 'short' });
}

/** The bell in the top bar: unread count, and a panel listing the latest notifications. */
export function NotificationBell() {
  const { list, markRead, markAllRead } = useNotifications();
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const panelId = useId();
  const navigate = useNavigate();
  const unread = list.data?.unreadCount ?? 0;

  useEffect(() => {
    if (!open) return;
    const outside = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    const escape = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        setOpen(false);
        button.current?.focus();
      }
    };
    document.addEventListener('pointerdown', outside);
    document.addEventListener('keydown', escape);
    return () => {
      document.removeEventListener('pointerdown', outside);
      document.removeEventListener('keydown', escape);
    };
  }, [open]);

  const openItem = (item: Notification) => {
    if (!item.readAt) markRead.mutate(item.id);
    setOpen(false);
    if (item.link) navigate(item.link);
  };

  const label = unread > 0 ? `Notifications, ${unread} unread` : 'Notifications';
  return (
    <div className="pb-bell" ref={root}>
      <button
        ref={button}
        type="button"
        className={cx('pb-bell__button', open && 'pb-bell__button--open')}
        aria-label={label}
        title={label}
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((value) => !value)}
      >
        <BellIcon size={18} />
        {unread > 0 && (
          <span className="pb-bell__count" aria-hidden="true">
            {unread > 99 ? '99+' : unread}
          </span>
        )}
      </button>
      {open && (
        <section id={panelId} className="pb-bell__panel" aria-label="Notifications">
          <header className="pb-bell__header">
            <h2 className="pb-bell__title">Notifications</h2>
            {unread > 0 && (
              <Button variant="ghost" size="sm" loading={markAllRead.isPending} onClick={() => markAllRead.mutate()}>
                Mark all read
              </Button>
            )}
          </header>
          {list.isPending ? (
            <div className="pb-bell__state" role="status">
              <Spinner /> Loading…
            </div>
          ) : list.isError ? (
            <div className="pb-bell__state pb-bell__state--error" role="alert">
              <p>{describeError(list.error)}</p>
              <Button variant="secondary" size="sm" onClick={() => void list.refetch()}>
                Try again
              </Button>
            </div>
          ) : list.data.items.length === 0 ? (
            <div className="pb-bell__state">
              <BellIcon size={22} />
              <p>Nothing yet. Invitations, reminders and room openings will show up here.</p>
            </div>
          ) : (
            <ul className="pb-bell__list">
              {list.data.items.map((item) => (
                <li key={item.id}>
                  <button type="button" className={cx('pb-bell__item', !item.readAt && 'pb-bell__item--unread')} onClick={() => openItem(item)}>
                    <span className="pb-bell__icon">
                      <KindIcon kind={item.kind} />
                    </span>
                    <span className="pb-bell__text">
                      <span className="pb-bell__item-title">{item.title}</span>
                      <span className="pb-bell__item-body">{item.body}</span>
                      <span className="pb-bell__time">{ago(item.createdAt, Date.now())}</span>
                    </span>
                    {!item.readAt && <span className="pb-bell__dot" aria-label="unread" />}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </div>
  );
}
