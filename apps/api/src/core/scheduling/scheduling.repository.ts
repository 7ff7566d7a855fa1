import { Injectable } from '@nestjs/common';
import { Prisma, PrismaService } from '../../base/prisma';
import type { InvitationStatus, Transaction } from '../../base/prisma';

const sessionInclude = {
  script: { select: { phases: true } },
  participants: { orderBy: { createdAt: 'asc' }, include: { user: { select: { id: true, name: true, email: true } } } },
  invitation: { include: { inviter: { select: { id: true, name: true, email: true } } } },
} satisfies Prisma.InterviewInclude;

export type SessionRow = Prisma.InterviewGetPayload<{ include: typeof sessionInclude }>;
export type InvitationRow = NonNullable<SessionRow['invitation']>;

/** The only code of the scheduling capability that touches PostgreSQL. */
@Injectable()
export class SchedulingRepository {
  constructor(private readonly prisma: PrismaService) {}

  findSession(interviewId: string): Promise<SessionRow | null> {
    return this.prisma.interview.findUnique({ where: { id: interviewId }, include: sessionInclude });
  }

  findSessionByInvitation(invitationId: string): Promise<SessionRow | null> {
    return this.prisma.interview.findFirst({ where: { invitation: { id: invitationId } }, include: sessionInclude });
  }

  createInvitation(data: { interviewId: string; inviterId: string; inviteeEmail: string; message: string | null }): Promise<unknown> {
    return this.prisma.invitation.create({ data });
  }

  /** Open or upcoming invitations the user sent or received (`email`: their verified address), newest first. */
  invitationsOf(userId: string, email: string | null, now: Date): Promise<SessionRow[]> {
    return this.prisma.interview.findMany({
      where: {
        invitation: {
          OR: [{ inviterId: userId }, ...(email ? [{ inviteeEmail: email }] : [])],
        },
        OR: [{ invitation: { status: { in: ['pending', 'proposed'] } } }, { scheduledAt: { gt: now }, status: 'scheduled' }],
      },
      include: sessionInclude,
      orderBy: [{ createdAt: 'desc' }],
      take: 50,
    });
  }

  /** Moves the invitation from one of `from` to `to`; false when someone else answered first. */
  async transitionInvitation(
    invitationId: string,
    from: InvitationStatus[],
    data: { status: InvitationStatus; proposedAt?: Date | null; proposalNote?: string | null },
  ): Promise<boolean> {
    const { count } = await this.prisma.invitation.updateMany({ where: { id: invitationId, status: { in: from } }, data: { ...data, respondedAt: new Date() } });
    return count === 1;
  }

  /**
   * Calls a scheduled interview off together with its open invitation: `cancelInterview` (the
   * interview's owner) writes the interview in this transaction and gives null when it was not
   * scheduled any more, which leaves the invitation as it is.
   */
  async cancel(interviewId: string, cancelInterview: (tx: Transaction) => Promise<{ scheduleSequence: number } | null>): Promise<{ scheduleSequence: number } | null> {
    return this.prisma.$transaction(async (tx) => {
      const cancelled = await cancelInterview(tx);
      if (!cancelled) return null;
      await tx.invitation.updateMany({ where: { interviewId, status: { in: ['pending', 'proposed', 'accepted'] } }, data: { status: 'cancelled' } });
      return cancelled;
    });
  }

  /**
   * Every session that still needs lifecycle jobs: scheduled or live, with a time, not cancelled,
   * started at most a week ago (older ones were closed long since).
   */
  activeSessions(now: Date): Promise<SessionRow[]> {
    return this.prisma.interview.findMany({
      where: { status: { in: ['scheduled', 'live'] }, cancelledAt: null, scheduledAt: { not: null, gt: new Date(now.getTime() - 7 * 24 * 3600_000) } },
      include: sessionInclude,
    });
  }

  /**
   * Sessions whose calendar email may still be owed: upcoming ones that were invited or moved, and
   * upcoming ones called off in the last week.
   */
  calendarSessions(now: Date): Promise<SessionRow[]> {
    return this.prisma.interview.findMany({
      where: {
        scheduledAt: { gt: now },
        OR: [
          { status: 'scheduled', OR: [{ invitation: { isNot: null } }, { scheduleSequence: { gt: 0 } }] },
          { status: 'cancelled', cancelledAt: { gt: new Date(now.getTime() - 7 * 24 * 3600_000) } },
        ],
      },
      include: sessionInclude,
      take: 1000,
    });
  }
}
