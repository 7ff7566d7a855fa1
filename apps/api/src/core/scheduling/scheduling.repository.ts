import { Injectable } from '@nestjs/common';
import { Prisma, PrismaService } from '../../base/prisma';
import type { InvitationStatus } from '../../base/prisma';

const sessionInclude = {
  script: { select: { phases: true } },
  participants: { orderBy: { createdAt: 'asc' }, include: { user: { select: { id: true, name: true, email: true } } } },
  invitation: { include: { inviter: { select: { id: true, name: true, email: true } } } },
} satisfies Prisma.InterviewInclude;

export type SessionRow = Prisma.InterviewGetPayload<{ include: typeof sessionInclude }>;
export type InvitationRow = NonNullable<SessionRow['invitation']>;

const DEFAULT_LENGTH_MINUTES = 45;

/** The session's planned length: the pinned script's phases added up. */
export function sessionLengthMinutes(session: Pick<SessionRow, 'script'>): number {
  const phases = session.script?.phases;
  if (!Array.isArray(phases)) return DEFAULT_LENGTH_MINUTES;
  const total = phases.reduce<number>((sum, phase) => sum + (typeof (phase as { minutes?: unknown })?.minutes === 'number' ? (phase as { minutes: number }).minutes : 0), 0);
  return total > 0 ? total : DEFAULT_LENGTH_MINUTES;
}

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

  /** New start for a scheduled interview; bumps the calendar sequence. Null when it is no longer scheduled. */
  async reschedule(interviewId: string, expectedAt: Date | null, scheduledAt: Date): Promise<{ scheduleSequence: number } | null> {
    return this.prisma.$transaction(async (tx) => {
      const { count } = await tx.interview.updateMany({
        where: { id: interviewId, status: 'scheduled', cancelledAt: null, scheduledAt: expectedAt },
        data: { scheduledAt, scheduleSequence: { increment: 1 } },
      });
      if (count === 0) return null;
      return tx.interview.findUniqueOrThrow({ where: { id: interviewId }, select: { scheduleSequence: true } });
    });
  }

  /** Calls a scheduled interview off; the calendar sequence goes up so the CANCEL supersedes the REQUEST. */
  async cancel(interviewId: string, byUserId: string, reason: string | null, at: Date): Promise<{ scheduleSequence: number } | null> {
    return this.prisma.$transaction(async (tx) => {
      const { count } = await tx.interview.updateMany({
        where: { id: interviewId, status: 'scheduled', cancelledAt: null },
        data: { status: 'cancelled', cancelledAt: at, cancelledById: byUserId, cancelReason: reason, scheduleSequence: { increment: 1 } },
      });
      if (count === 0) return null;
      await tx.invitation.updateMany({ where: { interviewId, status: { in: ['pending', 'proposed', 'accepted'] } }, data: { status: 'cancelled' } });
      return tx.interview.findUniqueOrThrow({ where: { id: interviewId }, select: { scheduleSequence: true } });
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

  /**
   * Marks the interviewers and candidates who have not joined as no-shows (once). Returns those
   * marked by this call: empty when another run got there first.
   */
  async markNoShows(interviewId: string, at: Date): Promise<string[]> {
    return this.prisma.$transaction(async (tx) => {
      const absent = await tx.participant.findMany({
        where: { interviewId, joinedAt: null, noShowAt: null, role: { in: ['interviewer', 'candidate'] } },
        select: { id: true },
      });
      if (absent.length === 0) return [];
      const { count } = await tx.participant.updateMany({ where: { id: { in: absent.map((row) => row.id) }, noShowAt: null, joinedAt: null }, data: { noShowAt: at } });
      return count === absent.length ? absent.map((row) => row.id) : [];
    });
  }

  /**
   * Ends a session still scheduled or live for the start it was scheduled for. A live one gets an
   * `ended` phase event, like an interviewer's "end", so the recording has its last chapter marker.
   */
  async autoClose(interviewId: string, scheduledAt: Date, at: Date): Promise<boolean> {
    return this.prisma.$transaction(async (tx) => {
      const row = await tx.interview.findFirst({
        where: { id: interviewId, status: { in: ['scheduled', 'live'] }, cancelledAt: null, scheduledAt },
        select: { status: true, clockVersion: true, phaseIndex: true },
      });
      if (!row) return false;
      const version = row.clockVersion + 1;
      const { count } = await tx.interview.updateMany({
        where: { id: interviewId, clockVersion: row.clockVersion, status: row.status },
        data: { status: 'ended', endedAt: at, clockVersion: version, pausedAt: null },
      });
      if (count === 0) return false;
      if (row.status === 'live') {
        await tx.phaseEvent.create({ data: { interviewId, kind: 'ended', phaseIndex: row.phaseIndex, clockVersion: version, at, byUserId: null, payload: { automatic: true } } });
      }
      return true;
    });
  }
}
