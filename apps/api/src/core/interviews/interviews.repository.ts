import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { RoomClock } from '@pairboard/contracts';
import { Prisma, PrismaService } from '../../base/prisma';
import type { InterviewStatus, ParticipantRole, Transaction } from '../../base/prisma';

const withParticipants = {
  question: { select: { id: true, title: true } },
  script: { select: { id: true, name: true, version: true } },
  participants: {
    orderBy: { createdAt: 'asc' },
    include: { user: { select: { id: true, name: true, email: true } } },
  },
  invitation: { select: { id: true } },
} satisfies Prisma.InterviewInclude;

export type InterviewWithParticipants = Prisma.InterviewGetPayload<{ include: typeof withParticipants }>;

export interface NewParticipant {
  email: string;
  role: ParticipantRole;
  userId: string | null;
  /** Null for someone else's invitation, until the invitee accepts. */
  acceptedAt: Date | null;
}

/** One interview of a matched session: its two people are interviewer and candidate from the start. */
export interface NewMatchedInterview {
  title: string;
  questionId: string | null;
  scriptId: string;
  scheduledAt: Date;
  interviewer: { userId: string; email: string };
  candidate: { userId: string; email: string };
}

/** The row a clock change may replace: its version, and its status where something else may change it. */
export interface ExpectedClock {
  version: number;
  status?: InterviewStatus;
}

export interface Access {
  exists: boolean;
  /** The caller's role once they take part (accepted); null otherwise. */
  role: ParticipantRole | null;
  /** The role the caller was invited as while the invitation waits for their answer. */
  invitedAs: ParticipantRole | null;
}

@Injectable()
export class InterviewsRepository {
  constructor(private readonly prisma: PrismaService) {}

  create(data: {
    title: string;
    scheduledAt: Date | null;
    status: InterviewStatus;
    createdById: string;
    questionId: string | null;
    scriptId: string | null;
    participants: NewParticipant[];
  }): Promise<InterviewWithParticipants> {
    return this.prisma.interview.create({
      data: {
        title: data.title,
        scheduledAt: data.scheduledAt,
        status: data.status,
        createdById: data.createdById,
        questionId: data.questionId,
        scriptId: data.scriptId,
        participants: { create: data.participants },
      },
      include: withParticipants,
    });
  }

  findById(id: string): Promise<InterviewWithParticipants | null> {
    return this.prisma.interview.findUnique({ where: { id }, include: withParticipants });
  }

  listForUser(userId: string): Promise<InterviewWithParticipants[]> {
    return this.prisma.interview.findMany({
      where: { participants: { some: { userId } } },
      include: withParticipants,
      orderBy: [{ scheduledAt: { sort: 'desc', nulls: 'last' } }, { createdAt: 'desc' }],
      take: 500,
    });
  }

  /** The caller's place in the interview; `exists` tells an unknown interview from a foreign one. */
  async roleOf(interviewId: string, userId: string): Promise<Access> {
    // Every board and room connection asks this: the common case (a participant) is one indexed lookup.
    const participant = await this.prisma.participant.findFirst({ where: { interviewId, userId }, select: { role: true, acceptedAt: true } });
    if (participant) {
      return participant.acceptedAt ? { exists: true, role: participant.role, invitedAs: null } : { exists: true, role: null, invitedAs: participant.role };
    }
    const interview = await this.prisma.interview.findUnique({ where: { id: interviewId }, select: { id: true } });
    return { exists: interview !== null, role: null, invitedAs: null };
  }

  /** Returns false when the email is already a participant of the interview. */
  async addParticipant(interviewId: string, participant: NewParticipant): Promise<boolean> {
    try {
      await this.prisma.participant.create({ data: { interviewId, ...participant } });
      return true;
    } catch (error) {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') return false;
      throw error;
    }
  }

  /** Invites sent to an email before its account was verified now reach that account (still to be answered). */
  async attachPendingInvites(email: string, userId: string): Promise<number> {
    const result = await this.prisma.participant.updateMany({ where: { email, userId: null }, data: { userId } });
    return result.count;
  }

  /** False when there is no open invitation for the user in the interview (none, or answered). */
  async accept(interviewId: string, userId: string, at: Date): Promise<boolean> {
    const { count } = await this.prisma.participant.updateMany({ where: { interviewId, userId, acceptedAt: null }, data: { acceptedAt: at } });
    return count === 1;
  }

  /** Declining removes the invitation: the person never took part. */
  async decline(interviewId: string, userId: string): Promise<boolean> {
    const { count } = await this.prisma.participant.deleteMany({ where: { interviewId, userId, acceptedAt: null } });
    return count === 1;
  }
  /** Interviews created together in the caller's transaction, in order; returns their ids. */
  async createMatched(tx: Transaction, createdById: string, interviews: readonly NewMatchedInterview[]): Promise<string[]> {
    // Ids made here so the interviews and their participants go in two statements.
    const ids = interviews.map(() => randomUUID());
    await tx.interview.createMany({
      data: interviews.map((interview, index) => ({
        id: ids[index],
        title: interview.title,
        status: 'scheduled' as const,
        scheduledAt: interview.scheduledAt,
        createdById,
        questionId: interview.questionId,
        scriptId: interview.scriptId,
      })),
    });
    // Participants are listed by creation time: the interviewer first, as when created by hand.
    const now = Date.now();
    await tx.participant.createMany({
      data: interviews.flatMap((interview, index) => [
        { interviewId: ids[index], userId: interview.interviewer.userId, email: interview.interviewer.email, role: 'interviewer' as const, createdAt: new Date(now) },
        { interviewId: ids[index], userId: interview.candidate.userId, email: interview.candidate.email, role: 'candidate' as const, createdAt: new Date(now + 1) },
      ]),
    });
    return ids;
  }

  /** Stores a clock only if the row is still at `expected`; false when another change won. */
  async saveClock(tx: Transaction, interviewId: string, expected: ExpectedClock, clock: RoomClock): Promise<boolean> {
    const { count } = await tx.interview.updateMany({
      where: { id: interviewId, clockVersion: expected.version, ...(expected.status ? { status: expected.status } : {}) },
      data: fromClock(clock),
    });
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
  async cancel(tx: Transaction, interviewId: string, byUserId: string, reason: string | null, at: Date): Promise<{ scheduleSequence: number } | null> {
    const { count } = await tx.interview.updateMany({
      where: { id: interviewId, status: 'scheduled', cancelledAt: null },
      data: { status: 'cancelled', cancelledAt: at, cancelledById: byUserId, cancelReason: reason, scheduleSequence: { increment: 1 } },
    });
    if (count === 0) return null;
    return tx.interview.findUniqueOrThrow({ where: { id: interviewId }, select: { scheduleSequence: true } });
  }

  /** True only for the first join of that person. */
  async markJoined(interviewId: string, userId: string): Promise<boolean> {
    const { count } = await this.prisma.participant.updateMany({ where: { interviewId, userId, joinedAt: null }, data: { joinedAt: new Date() } });
    return count > 0;
  }

  /**
   * Marks the interviewers and candidates who have not joined as no-shows (once). Returns the
   * participant ids marked by this call: empty when another run got there first.
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
}

function fromClock(clock: RoomClock): Prisma.InterviewUpdateManyMutationInput {
  const date = (ms: number | null) => (ms === null ? null : new Date(ms));
  return {
    status: clock.status,
    phaseIndex: clock.phaseIndex,
    phaseStartedAt: date(clock.phaseStartedAt),
    pausedAt: date(clock.pausedAt),
    pausedMs: clock.pausedMs,
    extensionMs: clock.extensionMs,
    startedAt: date(clock.startedAt),
    endedAt: date(clock.endedAt),
    clockVersion: clock.version,
  };
}
