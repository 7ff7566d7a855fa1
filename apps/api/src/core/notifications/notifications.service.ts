import { Inject, Injectable } from '@nestjs/common';
import type { Notification, NotificationKind, NotificationList } from '@pairboard/contracts';
import { notificationSchema } from '@pairboard/contracts';
import { APP_CONFIG, AppConfig } from '../../base/config';
import { AppError } from '../../base/errors';
import type { Notification as NotificationRow } from '../../base/prisma';
import { Mailer } from './mailer';
import { NotificationEvents } from './notification-events';
import { EmailContent, NotificationFacts, renderEmail, renderNotification } from './notification-content';
import { NotificationsRepository } from './notifications.repository';

export interface SendOptions {
  /**
   * Names the occasion (e.g. `<interviewId>:<due time>`): with the kind, channel and recipient it
   * forms the delivery key, so the same occasion is never sent twice to the same person.
   */
  occasion: string;
  dueAt?: Date | null;
}

export interface EmailOptions extends SendOptions {
  calendar?: { method: 'REQUEST' | 'CANCEL'; content: string };
}

function toView(row: NotificationRow): Notification {
  const payload = (row.payload ?? {}) as Record<string, unknown>;
  return notificationSchema.parse({
    id: row.id,
    kind: row.kind,
    title: payload.title ?? '',
    body: payload.body ?? '',
    link: payload.link ?? null,
    interviewId: row.interviewId,
    createdAt: row.createdAt.toISOString(),
    readAt: row.readAt?.toISOString() ?? null,
  });
}

function encodeCursor(row: NotificationRow): string {
  return Buffer.from(`${row.createdAt.getTime()}|${row.id}`).toString('base64url');
}

function decodeCursor(cursor: string | undefined): { createdAt: Date; id: string } | null {
  if (!cursor) return null;
  const [millis, id] = Buffer.from(cursor, 'base64url').toString().split('|');
  const createdAt = new Date(Number(millis));
  if (!id || !/^[0-9a-f-]{36}$/i.test(id) || Number.isNaN(createdAt.getTime())) {
    throw new AppError('VALIDATION_FAILED', 'The cursor is not valid.', [{ path: 'cursor', message: 'Use the nextCursor of a previous page' }]);
  }
  return { createdAt, id };
}

/**
 * In-app notifications and email. Every send is recorded with a key first (see
 * NotificationsRepository), which is what makes reminders exactly-once across retries, several
 * workers and a flushed Redis.
 */
@Injectable()
export class NotificationsService {
  private readonly publicUrl: string;

  constructor(
    private readonly repository: NotificationsRepository,
    private readonly mailer: Mailer,
    private readonly events: NotificationEvents,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.publicUrl = config.PUBLIC_URL ?? `http://localhost:${config.PORT}`;
  }

  get appUrl(): string {
    return this.publicUrl;
  }

  get emailEnabled(): boolean {
    return this.mailer.enabled;
  }

  /** Whether any email of this occasion went out (to anyone). */
  async emailedFor(interviewId: string, occasion: string): Promise<boolean> {
    return (await this.repository.countDeliveries({ interviewId, channel: 'email', key: { contains: `:${occasion}:` } })) > 0;
  }

  /** Stores an in-app notification once per occasion and pushes it to the user's open tabs. */
  async notify(userId: string, kind: NotificationKind, facts: NotificationFacts, options: SendOptions): Promise<Notification | null> {
    const rendered = renderNotification(kind, facts, { timeZone: await this.repository.userTimeZone(userId) });
    const row = await this.repository.createOnce(
      { key: `in_app:${kind}:${options.occasion}:${userId}`, channel: 'in_app', kind, recipient: userId, userId, interviewId: facts.interviewId, dueAt: options.dueAt ?? null },
      { userId, kind, interviewId: facts.interviewId, payload: { ...rendered } },
    );
    if (!row) return null;
    const notification = toView(row);
    this.events.created(userId, { notification, unreadCount: await this.repository.unreadCount(userId) });
    return notification;
  }

  /** Sends an email once per occasion; false when it was sent before or email is off. */
  async email(to: { email: string; userId: string | null }, kind: NotificationKind, facts: NotificationFacts, options: EmailOptions): Promise<boolean> {
    if (!this.mailer.enabled) return false;
    // Someone without an account has no zone of their own: they read UTC, named as such.
    const timeZone = to.userId ? await this.repository.userTimeZone(to.userId) : null;
    const content: EmailContent = renderEmail(kind, facts, this.publicUrl, { timeZone });
    return this.repository.deliverOnce(
      { key: `email:${kind}:${options.occasion}:${to.email}`, channel: 'email', kind, recipient: to.email, userId: to.userId, interviewId: facts.interviewId, dueAt: options.dueAt ?? null },
      () => this.mailer.send({ ...content, to: to.email, calendar: options.calendar }),
    );
  }

  async list(userId: string, query: { cursor?: string; limit: number }): Promise<NotificationList> {
    const rows = await this.repository.page(userId, query.limit, decodeCursor(query.cursor));
    const page = rows.slice(0, query.limit);
    return {
      items: page.map(toView),
      unreadCount: await this.repository.unreadCount(userId),
      nextCursor: rows.length > query.limit ? encodeCursor(page[page.length - 1]) : null,
    };
  }

  async markRead(userId: string, id: string): Promise<{ unreadCount: number }> {
    if (!/^[0-9a-f-]{36}$/i.test(id) || !(await this.repository.markRead(userId, id))) throw new AppError('NOT_FOUND', 'No such notification.');
    const unreadCount = await this.repository.unreadCount(userId);
    this.events.read(userId, { ids: [id], unreadCount });
    return { unreadCount };
  }

  async markAllRead(userId: string): Promise<{ unreadCount: number }> {
    await this.repository.markAllRead(userId);
    this.events.read(userId, { ids: null, unreadCount: 0 });
    return { unreadCount: 0 };
  }

  userName(userId: string): Promise<string | null> {
    return this.repository.userName(userId);
  }
}
