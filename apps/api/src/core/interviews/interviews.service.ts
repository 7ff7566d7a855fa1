import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import type { AddParticipantRequest, Interview, Participant, RoomClock } from '@pairboard/contracts';
import { createInterviewRequestSchema } from '@pairboard/contracts';
import type { z } from 'zod';
import { APP_CONFIG, AppConfig } from '../../base/config';
import { AppError } from '../../base/errors';
import type { Transaction } from '../../base/prisma';
import { ContentService } from '../content';
import { HourlyQuota, UserLifecycle, UsersService } from '../users';
import { Access, ExpectedClock, InterviewsRepository, InterviewWithParticipants, NewMatchedInterview, NewParticipant } from './interviews.repository';

export type { ExpectedClock, NewMatchedInterview };

type CreateInterview = z.output<typeof createInterviewRequestSchema>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DEFAULT_TITLE = 'System design interview';

@Injectable()
export class InterviewsService implements OnModuleInit {
  constructor(
    private readonly interviews: InterviewsRepository,
    private readonly users: UsersService,
    private readonly lifecycle: UserLifecycle,
    private readonly content: ContentService,
    private readonly quota: HourlyQuota,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    // Only a proven address collects what was sent to it: signing up with someone's address is not enough.
    this.lifecycle.onVerified(async (user) => {
      await this.interviews.attachPendingInvites(user.email, user.id);
    });
  }

  /**
   * Invitees are linked only to a verified account, and stay "invited" to everyone until they accept:
   * the answer is the same whether or not an address has an account.
   */
  async create(creatorId: string, request: CreateInterview): Promise<Interview> {
    const creator = await this.users.findById(creatorId);
    if (!creator) throw new AppError('UNAUTHORIZED');
    const { question, script } = await this.content.resolveForInterview(request.questionId, request.scriptId, creator.id);

    const now = new Date();
    const participants: NewParticipant[] = [{ email: creator.email, role: request.myRole, userId: creator.id, acceptedAt: now }];
    for (const invite of request.invite) {
      if (participants.some((participant) => participant.email === invite.email)) continue;
      participants.push({ email: invite.email, role: invite.role, userId: null, acceptedAt: null });
    }
    await this.takeInvitations(creator.id, participants.length - 1);
    for (const participant of participants.slice(1)) participant.userId = (await this.users.findVerifiedByEmail(participant.email))?.id ?? null;
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

  /** The caller's interviews, and the invitations waiting for their answer (`myStatus: "invited"`). */
  async listMine(userId: string): Promise<Interview[]> {
    const rows = await this.interviews.listForUser(userId);
    return rows.map((row) => toInterviewView(row, userId));
  }

  /**
   * Participants and invitees (who need the page to answer); anyone else gets NOT_FOUND: the
   * interview's existence is not revealed.
   */
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
    await this.takeInvitations(userId, 1);
    const invitee = await this.users.findVerifiedByEmail(request.email);
    const added = await this.interviews.addParticipant(interviewId, {
      email: request.email,
      role: request.role,
      userId: invitee?.id ?? null,
      acceptedAt: null,
    });
    if (!added) throw new AppError('CONFLICT', 'This person is already a participant.', [{ path: 'email', message: 'Already a participant' }]);
    return this.getForParticipant(interviewId, userId);
  }

  /** The invitee takes part from now on; answering twice is harmless. */
  async accept(interviewId: string, userId: string): Promise<Interview> {
    await this.acceptInvitation(interviewId, userId);
    return this.getForParticipant(interviewId, userId);
  }

  /** For scheduling: accepting its invitation accepts the place in the interview too. */
  async acceptInvitation(interviewId: string, userId: string): Promise<void> {
    const access = await this.accessFor(interviewId, userId);
    if (access.role === null && access.invitedAs === null) throw new AppError('NOT_FOUND', 'No such interview.');
    if (access.invitedAs !== null) await this.interviews.accept(interviewId, userId, new Date());
  }

  /** The invitee says no: the invitation is removed and the interview leaves their list. */
  async decline(interviewId: string, userId: string): Promise<void> {
    const row = UUID.test(interviewId) ? await this.interviews.findById(interviewId) : null;
    const mine = row?.participants.find((participant) => participant.userId === userId);
    if (!row || !mine) throw new AppError('NOT_FOUND', 'No such interview.');
    if (mine.acceptedAt) throw new AppError('CONFLICT', 'You already accepted this interview; cancel it instead.');
    if (row.invitation) throw new AppError('CONFLICT', 'Answer this interview from its invitation (accept, decline or suggest another time).');
    if (!(await this.interviews.decline(interviewId, userId))) throw new AppError('CONFLICT', 'You already answered this invitation.');
  }

  /**
   * Used by the board and room transports (and every capability) to authorise: `role` is set only for
   * people who take part; an invitee who has not accepted has `invitedAs` and no access.
   */
  async accessFor(interviewId: string, userId: string): Promise<Access> {
    if (!UUID.test(interviewId)) return { exists: false, role: null, invitedAs: null };
    return this.interviews.roleOf(interviewId, userId);
  }

  /**
   * The interviews of a matched session, written in the matchmaker's transaction so they exist only
   * if its claim commits. Returns their ids in order.
   */
  createMatched(tx: Transaction, createdById: string, interviews: readonly NewMatchedInterview[]): Promise<string[]> {
    return this.interviews.createMatched(tx, createdById, interviews);
  }

  /** The room clock's storage on the interview row, in the clock's transaction (with its phase event). */
  saveClock(tx: Transaction, interviewId: string, expected: ExpectedClock, clock: RoomClock): Promise<boolean> {
    return this.interviews.saveClock(tx, interviewId, expected, clock);
  }

  /** Null when the interview is no longer scheduled for `expectedAt`. */
  reschedule(interviewId: string, expectedAt: Date | null, scheduledAt: Date): Promise<{ scheduleSequence: number } | null> {
    return this.interviews.reschedule(interviewId, expectedAt, scheduledAt);
  }

  /** In the caller's transaction, so scheduling closes its invitation together with the interview. Null when it is not scheduled. */
  cancel(tx: Transaction, interviewId: string, byUserId: string, reason: string | null, at: Date): Promise<{ scheduleSequence: number } | null> {
    return this.interviews.cancel(tx, interviewId, byUserId, reason, at);
  }

  /** True only for the person's first join of the room. */
  markJoined(interviewId: string, userId: string): Promise<boolean> {
    return this.interviews.markJoined(interviewId, userId);
  }

  /** Interviewers and candidates who have not joined become no-shows, once; returns the participant ids marked now. */
  markNoShows(interviewId: string, at: Date): Promise<string[]> {
    return this.interviews.markNoShows(interviewId, at);
  }

  private takeInvitations(userId: string, count: number): Promise<void> {
    return this.quota.take(`invitations:user:${userId}`, this.config.INVITATIONS_PER_USER_PER_HOUR, count, 'You invited many people in the last hour. Try again later.');
  }
}

/**
 * Who sees whom, in one place. The interview's interviewers and its creator (who chose the
 * invitees) see everyone, an invitee who has not accepted as "invited" without user id or name, so
 * nobody learns from it whether an address has an account. Candidates, observers and people who
 * have not accepted yet see only those taking part, and themselves: never pending invitees' addresses.
 */
function visibleParticipants(row: InterviewWithParticipants, viewerId: string): Participant[] {
  const mine = row.participants.find((participant) => participant.userId === viewerId);
  const seesInvitees = row.createdById === viewerId || (mine?.acceptedAt != null && mine.role === 'interviewer');
  return row.participants
    .filter((participant) => seesInvitees || participant.acceptedAt !== null || participant === mine)
    .map((participant) =>
      participant.acceptedAt && participant.userId
        ? { userId: participant.userId, email: participant.email, name: participant.user?.name ?? null, role: participant.role, status: 'active' as const }
        : { userId: participant === mine ? viewerId : null, email: participant.email, name: participant === mine ? (participant.user?.name ?? null) : null, role: participant.role, status: 'invited' as const },
    );
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
    myStatus: mine && !mine.acceptedAt ? 'invited' : 'active',
    participants: visibleParticipants(row, viewerId),
  };
}
