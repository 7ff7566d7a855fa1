import { Injectable } from '@nestjs/common';
import { Prisma, PrismaService } from '../../base/prisma';
import type { DeliveryChannel, Notification as NotificationRow } from '../../base/prisma';

export interface DeliveryRecord {
  key: string;
  channel: DeliveryChannel;
  kind: string;
  recipient: string;
  userId: string | null;
  interviewId: string | null;
  dueAt: Date | null;
}

/** A delivery with this key was already recorded: the send happened before. */
export class AlreadyDelivered extends Error {}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002';
}

@Injectable()
export class NotificationsRepository {
  constructor(private readonly prisma: PrismaService) {}

  /**
   * Creates the notification and records its delivery in one transaction; null when the delivery
   * key exists (sent before).
   */
  async createOnce(
    delivery: DeliveryRecord,
    notification: { userId: string; kind: string; payload: Prisma.InputJsonValue; interviewId: string | null },
  ): Promise<NotificationRow | null> {
    try {
      return await this.prisma.$transaction(async (tx) => {
        await tx.notificationDelivery.create({ data: delivery });
        return tx.notification.create({ data: notification });
      });
    } catch (error) {
      if (isUniqueViolation(error)) return null;
      throw error;
    }
  }

  /**
   * Records the delivery and runs `send` inside the same transaction: a concurrent attempt with the
   * same key waits on the unique index and then finds it taken; a failed send rolls the record back
   * so a retry sends again. Returns false when it had been sent already.
   */
  async deliverOnce(delivery: DeliveryRecord, send: () => Promise<boolean>): Promise<boolean> {
    try {
      await this.prisma.$transaction(
        async (tx) => {
          await tx.notificationDelivery.create({ data: delivery });
          if (!(await send())) throw new AlreadyDelivered('not sent');
        },
        { timeout: 60_000, maxWait: 10_000 },
      );
      return true;
    } catch (error) {
      if (isUniqueViolation(error) || error instanceof AlreadyDelivered) return false;
      throw error;
    }
  }

  async page(userId: string, limit: number, cursor: { createdAt: Date; id: string } | null): Promise<NotificationRow[]> {
    return this.prisma.notification.findMany({
      where: {
        userId,
        ...(cursor ? { OR: [{ createdAt: { lt: cursor.createdAt } }, { createdAt: cursor.createdAt, id: { lt: cursor.id } }] } : {}),
      },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: limit + 1,
    });
  }

  unreadCount(userId: string): Promise<number> {
    return this.prisma.notification.count({ where: { userId, readAt: null } });
  }

  /** False when there is no such notification of this user. */
  async markRead(userId: string, id: string): Promise<boolean> {
    const found = await this.prisma.notification.findFirst({ where: { id, userId }, select: { id: true } });
    if (!found) return false;
    await this.prisma.notification.updateMany({ where: { id, userId, readAt: null }, data: { readAt: new Date() } });
    return true;
  }

  async markAllRead(userId: string): Promise<void> {
    await this.prisma.notification.updateMany({ where: { userId, readAt: null }, data: { readAt: new Date() } });
  }

  countDeliveries(where: Prisma.NotificationDeliveryWhereInput): Promise<number> {
    return this.prisma.notificationDelivery.count({ where });
  }

  async userName(userId: string): Promise<string | null> {
    const user = await this.prisma.user.findUnique({ where: { id: userId }, select: { name: true } });
    return user?.name ?? null;
  }

  /** The zone the person reads times in; null when they never set one. */
  async userTimeZone(userId: string): Promise<string | null> {
    const user = await this.prisma.user.findUnique({ where: { id: userId }, select: { timeZone: true } });
    return user?.timeZone ?? null;
  }
}
