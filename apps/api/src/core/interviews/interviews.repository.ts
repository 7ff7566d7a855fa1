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
} satisfies Prisma.InterviewInclude;

export type InterviewWithParticipants = Prisma.InterviewGetPayload<{ include: typeof withParticipants }>;

export interface NewParticipant {
  email: string;
  role: ParticipantRole;
  userId: string | null;
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

  /** The caller's role in the interview, or null; `exists` tells an unknown interview from a foreign one. */
  async roleOf(interviewId: string, userId: string): Promise<{ exists: boolean; role: ParticipantRole | null }> {
    // Every board and room connection asks this: the common case (a participant) is one indexed lookup.
    const participant = await this.prisma.participant.findFirst({ where: { interviewId, userId }, select: { role: true } });
    if (participant) return { exists: true, role: participant.role };
    const interview = await this.prisma.interview.findUnique({ where: { id: interviewId }, select: { id: true } });
    return { exists: interview !== null, role: null };
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

  /** Invites sent to an email before its account existed now belong to that account. */
  async attachPendingInvites(email: string, userId: string): Promise<number> {
    const result = await this.prisma.participant.updateMany({ where: { email, userId: null }, data: { userId } });
    return result.count;
  }
}
