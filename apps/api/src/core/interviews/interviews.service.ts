import { Injectable, OnModuleInit } from '@nestjs/common';
import type { AddParticipantRequest, Interview, ParticipantRole } from '@pairboard/contracts';
import { createInterviewRequestSchema } from '@pairboard/contracts';
import type { z } from 'zod';
import { AppError } from '../../base/errors';
import { ContentService } from '../content';
import { UserLifecycle, UsersRepository } from '../users';
import { InterviewsRepository, InterviewWithParticipants, NewParticipant } from './interviews.repository';

type CreateInterview = z.output<typeof createInterviewRequestSchema>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DEFAULT_TITLE = 'System design interview';

@Injectable()
export class InterviewsService implements OnModuleInit {
  constructor(
    private readonly interviews: InterviewsRepository,
    private readonly users: UsersRepository,
    private readonly lifecycle: UserLifecycle,
    private readonly content: ContentService,
  ) {}

  onModuleInit(): void {
    this.lifecycle.onRegistered(async (user) => {
      await this.interviews.attachPendingInvites(user.email, user.id);
    });
  }

  async create(creatorId: string, request: CreateInterview): Promise<Interview> {
    const creator = await this.users.findById(creatorId);
    if (!creator) throw new AppError('UNAUTHORIZED');
    const { question, script } = await this.content.resolveForInterview(request.questionId, request.scriptId, creator.id);

    const participants: NewParticipant[] = [{ email: creator.email, role: request.myRole, userId: creator.id }];
    for (const invite of request.invite) {
      if (participants.some((participant) => participant.email === invite.email)) continue;
      const invitee = await this.users.findByEmail(invite.email);
      participants.push({ email: invite.email, role: invite.role, userId: invitee?.id ?? null });
    }
    const row = await this.interviews.create({
      title: request.title ?? question?.title ?? DEFAULT_TITLE,
      scheduledAt: request.scheduledAt ? new Date(request.scheduledAt) : null,
      status: 'scheduled',
      createdById: creator.id,
      questionId: question?.id ?? null,
      scriptId: script?.id ?? null,
      participants,
    });
    return toInterviewView(row, creator.id);
  }

  async listMine(userId: string): Promise<Interview[]> {
    const rows = await this.interviews.listForUser(userId);
    return rows.map((row) => toInterviewView(row, userId));
  }

  /** Anyone who is not a participant gets NOT_FOUND: the interview's existence is not revealed. */
  async getForParticipant(interviewId: string, userId: string): Promise<Interview> {
    const row = UUID.test(interviewId) ? await this.interviews.findById(interviewId) : null;
    if (!row || !row.participants.some((participant) => participant.userId === userId)) {
      throw new AppError('NOT_FOUND', 'No such interview.');
    }
    return toInterviewView(row, userId);
  }

  async addParticipant(interviewId: string, userId: string, request: AddParticipantRequest): Promise<Interview> {
    const access = await this.accessFor(interviewId, userId);
    if (!access.exists || access.role === null) throw new AppError('NOT_FOUND', 'No such interview.');
    if (access.role !== 'interviewer') throw new AppError('FORBIDDEN', 'Only interviewers can add participants.');
    const invitee = await this.users.findByEmail(request.email);
    const added = await this.interviews.addParticipant(interviewId, {
      email: request.email,
      role: request.role,
      userId: invitee?.id ?? null,
    });
    if (!added) throw new AppError('CONFLICT', 'This person is already a participant.', [{ path: 'email', message: 'Already a participant' }]);
    return this.getForParticipant(interviewId, userId);
  }

  /** Used by the board and room transports to authorise a connection. */
  async accessFor(interviewId: string, userId: string): Promise<{ exists: boolean; role: ParticipantRole | null }> {
    if (!UUID.test(interviewId)) return { exists: false, role: null };
    return this.interviews.roleOf(interviewId, userId);
  }
}

function toInterviewView(row: InterviewWithParticipants, viewerId: string): Interview {
  const mine = row.participants.find((participant) => participant.userId === viewerId);
  return {
    id: row.id,
    title: row.title,
    status: row.status,
    scheduledAt: row.scheduledAt?.toISOString() ?? null,
    startedAt: row.startedAt?.toISOString() ?? null,
    endedAt: row.endedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    question: row.question,
    script: row.script ? { id: row.script.id, name: row.script.name } : null,
    myRole: mine?.role ?? 'observer',
    participants: row.participants.map((participant) => ({
      userId: participant.userId,
      email: participant.email,
      name: participant.user?.name ?? null,
      role: participant.role,
      status: participant.userId ? 'active' : 'invited',
    })),
  };
}
