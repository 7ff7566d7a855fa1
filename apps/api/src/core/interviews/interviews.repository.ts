import { Injectable } from '@nestjs/common';
import { Prisma, PrismaService } from '../../base/prisma';
import type { InterviewStatus, ParticipantRole } from '../../base/prisma';

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
}
