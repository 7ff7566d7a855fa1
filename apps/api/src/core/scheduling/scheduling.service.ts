import { Inject, Injectable } from '@nestjs/common';
import type {
  Invitation,
  InvitationList,
  InterviewSchedule,
  NotificationKind,
} from '@pairboard/contracts';
import { createInvitationRequestSchema, LATE_CANCEL_MS } from '@pairboard/contracts';
import { isLateCancellation, roomOpensAt } from '@pairboard/interview-domain';
import type { z } from 'zod';
import { APP_CONFIG, AppConfig } from '../../base/config';
import { AppError } from '../../base/errors';
import { DomainEvent, DomainEvents } from '../events';
import { InterviewsService } from '../interviews';
import { NotificationsService } from '../notifications';
import { UsersService } from '../users';
import { CalendarMailer } from './calendar-mail';
import { InvitationRow, SchedulingRepository, SessionRow } from './scheduling.repository';
import { offsetsFrom } from './session-lifecycle';

type CreateInvitation = z.output<typeof createInvitationRequestSchema>;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whose answer an invitation waits for: the invitee while pending, the inviter while a new time is proposed. */
function awaiting(invitation: InvitationRow): 'inviter' | 'invitee' | null {
  if (invitation.status === 'pending') return 'invitee';
  if (invitation.status === 'proposed') return 'inviter';
  return null;
}

/**
 * Direct scheduling: invitations and their answers, reschedules and cancellations. The interview
 * itself is created by InterviewsService; this keeps the invitation's state, moves or cancels the
 * interview, tells the other side, queues the calendar email and announces the change as a domain
 * event (the session lifecycle listens and moves its jobs).
 */
@Injectable()
export class SchedulingService {
  private readonly roomOpensMs: number;

  constructor(
    private readonly repository: SchedulingRepository,
    private readonly interviews: InterviewsService,
    private readonly users: UsersService,
    private readonly notifications: NotificationsService,
    private readonly calendar: CalendarMailer,
    private readonly events: DomainEvents,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.roomOpensMs = offsetsFrom(config).roomOpensMs;
  }

  async invite(inviterId: string, request: CreateInvitation): Promise<Invitation> {
    const inviter = await this.users.findById(inviterId);
    if (!inviter) throw new AppError('UNAUTHORIZED');
    if (inviter.email === request.email) {
      throw new AppError('VALIDATION_FAILED', 'Invite someone else.', [{ path: 'email', message: 'This is your own address' }]);
    }
    const interview = await this.interviews.create(inviterId, {
      title: request.title,
      questionId: request.questionId,
      scriptId: request.scriptId,
      scheduledAt: request.scheduledAt,
      myRole: request.myRole,
      invite: [{ email: request.email, role: request.myRole === 'interviewer' ? 'candidate' : 'interviewer' }],
    });
    await this.repository.createInvitation({ interviewId: interview.id, inviterId, inviteeEmail: request.email, message: request.message ?? null });
    const session = await this.session(interview.id);
    const invitee = session.participants.find((participant) => participant.email === request.email);
    if (invitee?.userId) {
      await this.notifications.notify(invitee.userId, 'invitation.received', this.facts(session, inviter.name), { occasion: session.id });
    }
    await this.calendar.queue({ interviewId: session.id, method: 'request', kind: 'invitation.received', sequence: session.scheduleSequence, actorId: inviterId, reason: request.message ?? null, previousAt: null });
    await this.events.emit(DomainEvent.interviewScheduled, { interviewId: session.id, source: 'invitation' });
    return this.invitationView(session, inviterId);
  }

  async list(userId: string): Promise<InvitationList> {
    const user = await this.users.findById(userId);
    if (!user) throw new AppError('UNAUTHORIZED');
    // Invitations to an address reach its account only once the address is verified.
    const sessions = await this.repository.invitationsOf(userId, user.emailVerifiedAt ? user.email : null, new Date());
    return { items: sessions.map((session) => this.invitationView(session, userId)) };
  }

  /** The awaited side says yes: the invitee to the invitation, or the inviter to a proposed time. */
  async accept(invitationId: string, userId: string): Promise<Invitation> {
    const { session, invitation, side } = await this.awaitedBy(invitationId, userId);
    if (side === 'invitee') {
      if (!(await this.repository.transitionInvitation(invitation.id, ['pending'], { status: 'accepted' }))) throw this.answered();
      await this.interviews.acceptInvitation(session.id, userId);
      await this.tell(session, invitation.inviterId, 'invitation.accepted', userId);
      return this.invitationView(await this.session(session.id), userId);
    }
    const proposedAt = invitation.proposedAt as Date;
    if (!(await this.repository.transitionInvitation(invitation.id, ['proposed'], { status: 'accepted' }))) throw this.answered();
    await this.move(session, userId, proposedAt, null);
    return this.invitationView(await this.session(session.id), userId);
  }

  /**
   * The invitee declining calls the interview off (it does not count against their record); the
   * inviter declining a proposed time keeps the original one and asks the invitee again.
   */
  async decline(invitationId: string, userId: string, reason: string | null): Promise<Invitation> {
    const { session, invitation, side } = await this.awaitedBy(invitationId, userId);
    if (side === 'inviter') {
      if (!(await this.repository.transitionInvitation(invitation.id, ['proposed'], { status: 'pending', proposedAt: null, proposalNote: null }))) throw this.answered();
      const invitee = session.participants.find((participant) => participant.email === invitation.inviteeEmail);
      if (invitee?.userId) await this.tell(session, invitee.userId, 'invitation.proposal_declined', userId, reason);
      return this.invitationView(await this.session(session.id), userId);
    }
    if (!(await this.repository.transitionInvitation(invitation.id, ['pending'], { status: 'declined' }))) throw this.answered();
    const cancelled = await this.callOff(session.id, userId, reason ?? 'Invitation declined', new Date());
    await this.tell(session, invitation.inviterId, 'invitation.declined', userId, reason);
    if (cancelled) {
      await this.calendar.queue({ interviewId: session.id, method: 'cancel', kind: 'invitation.declined', sequence: cancelled.scheduleSequence, actorId: userId, reason, previousAt: null });
      await this.events.emit(DomainEvent.interviewCancelled, { interviewId: session.id, byUserId: userId, reason, late: false });
    }
    return this.invitationView(await this.session(session.id), userId);
  }

  /** The invitee suggests another time; the inviter then accepts or declines it. */
  async propose(invitationId: string, userId: string, scheduledAt: string, note: string | null): Promise<Invitation> {
    const { session, invitation, side } = await this.awaitedBy(invitationId, userId);
    if (side !== 'invitee') throw new AppError('FORBIDDEN', 'Only the invited person can suggest another time; reschedule instead.');
    const proposedAt = new Date(scheduledAt);
    if (!(await this.repository.transitionInvitation(invitation.id, ['pending'], { status: 'proposed', proposedAt, proposalNote: note }))) throw this.answered();
    const me = session.participants.find((participant) => participant.userId === userId);
    await this.notifications.notify(
      invitation.inviterId,
      'invitation.proposed',
      { ...this.facts(session, me?.user?.name ?? invitation.inviteeEmail), proposedAt, previousAt: session.scheduledAt, reason: note },
      { occasion: `${session.id}:${proposedAt.getTime()}` },
    );
    return this.invitationView(await this.session(session.id), userId);
  }

  async reschedule(interviewId: string, userId: string, scheduledAt: string, reason: string | null): Promise<InterviewSchedule> {
    const session = await this.changeableBy(interviewId, userId);
    await this.move(session, userId, new Date(scheduledAt), reason);
    return this.schedule(interviewId, userId);
  }

  async cancel(interviewId: string, userId: string, reason: string): Promise<InterviewSchedule> {
    const session = await this.changeableBy(interviewId, userId);
    const now = new Date();
    const cancelled = await this.callOff(session.id, userId, reason, now);
    if (!cancelled) throw new AppError('CONFLICT', 'Only a scheduled interview can be cancelled.');
    const late = isLateCancellation(session.scheduledAt?.getTime() ?? null, now.getTime(), LATE_CANCEL_MS);
    for (const participant of session.participants) {
      if (participant.userId && participant.userId !== userId) await this.tell(session, participant.userId, 'interview.cancelled', userId, reason, `${cancelled.scheduleSequence}`);
    }
    await this.calendar.queue({ interviewId: session.id, method: 'cancel', kind: 'interview.cancelled', sequence: cancelled.scheduleSequence, actorId: userId, reason, previousAt: null });
    await this.events.emit(DomainEvent.interviewCancelled, { interviewId: session.id, byUserId: userId, reason, late });
    return this.schedule(interviewId, userId);
  }

  async schedule(interviewId: string, userId: string): Promise<InterviewSchedule> {
    // The invitee sees the schedule (to answer the invitation) before taking part, but changes nothing.
    const access = await this.interviews.accessFor(interviewId, userId);
    const role = access.role ?? access.invitedAs;
    if (!role) throw new AppError('NOT_FOUND', 'No such interview.');
    const session = await this.session(interviewId);
    return {
      interviewId: session.id,
      status: session.status,
      scheduledAt: session.scheduledAt?.toISOString() ?? null,
      sequence: session.scheduleSequence,
      roomOpensAt: session.scheduledAt ? new Date(roomOpensAt(session.scheduledAt.getTime(), { roomOpensMs: this.roomOpensMs })).toISOString() : null,
      invitation: session.invitation ? this.invitationView(session, userId) : null,
      cancellation: session.cancelledAt
        ? {
            at: session.cancelledAt.toISOString(),
            byUserId: session.cancelledById,
            reason: session.cancelReason,
            late: isLateCancellation(session.scheduledAt?.getTime() ?? null, session.cancelledAt.getTime(), LATE_CANCEL_MS),
          }
        : null,
      canChange: access.role !== null && access.role !== 'observer' && session.status === 'scheduled',
    };
  }

  /** The interview and its open invitation are called off in one transaction; null when it was not scheduled any more. */
  private callOff(interviewId: string, userId: string, reason: string | null, at: Date): Promise<{ scheduleSequence: number } | null> {
    return this.repository.cancel(interviewId, (tx) => this.interviews.cancel(tx, interviewId, userId, reason, at));
  }

  private async move(session: SessionRow, userId: string, scheduledAt: Date, reason: string | null): Promise<void> {
    const moved = await this.interviews.reschedule(session.id, session.scheduledAt, scheduledAt);
    if (!moved) throw new AppError('CONFLICT', 'Only a scheduled interview can be moved, and it changed in the meantime.');
    const updated = await this.session(session.id);
    for (const participant of updated.participants) {
      if (participant.userId && participant.userId !== userId) {
        await this.tell(updated, participant.userId, 'interview.rescheduled', userId, reason, `${moved.scheduleSequence}`, session.scheduledAt);
      }
    }
    await this.calendar.queue({
      interviewId: session.id,
      method: 'request',
      kind: 'interview.rescheduled',
      sequence: moved.scheduleSequence,
      actorId: userId,
      reason,
      previousAt: session.scheduledAt?.getTime() ?? null,
    });
    await this.events.emit(DomainEvent.interviewRescheduled, { interviewId: session.id, previousScheduledAt: session.scheduledAt, byUserId: userId });
  }

  private async tell(session: SessionRow, recipientId: string, kind: NotificationKind, actorId: string, reason: string | null = null, occasion = '', previousAt: Date | null = null): Promise<void> {
    const actor = session.participants.find((participant) => participant.userId === actorId);
    await this.notifications.notify(
      recipientId,
      kind,
      { ...this.facts(session, actor?.user?.name ?? actor?.email ?? 'Your partner'), reason, previousAt },
      { occasion: `${session.id}${occasion ? `:${occasion}` : ''}` },
    );
  }

  private facts(session: SessionRow, otherName: string) {
    return { interviewId: session.id, interviewTitle: session.title, scheduledAt: session.scheduledAt, otherName };
  }

  private async session(interviewId: string): Promise<SessionRow> {
    const session = await this.repository.findSession(interviewId);
    if (!session) throw new AppError('NOT_FOUND', 'No such interview.');
    return session;
  }

  /** Participants who take part (not observers) may move or cancel; others get 404 (not a participant) or 403. */
  private async changeableBy(interviewId: string, userId: string): Promise<SessionRow> {
    const access = await this.interviews.accessFor(interviewId, userId);
    if (!access.role) throw new AppError('NOT_FOUND', 'No such interview.');
    if (access.role === 'observer') throw new AppError('FORBIDDEN', 'Observers cannot reschedule or cancel.');
    return this.session(interviewId);
  }

  private async awaitedBy(invitationId: string, userId: string): Promise<{ session: SessionRow; invitation: InvitationRow; side: 'inviter' | 'invitee' }> {
    const session = UUID.test(invitationId) ? await this.repository.findSessionByInvitation(invitationId) : null;
    const invitation = session?.invitation;
    const me = session?.participants.find((participant) => participant.userId === userId);
    if (!session || !invitation || !me) throw new AppError('NOT_FOUND', 'No such invitation.');
    const side = invitation.inviterId === userId ? 'inviter' : me.email === invitation.inviteeEmail ? 'invitee' : null;
    if (!side) throw new AppError('NOT_FOUND', 'No such invitation.');
    const turn = awaiting(invitation);
    if (turn === null || session.status !== 'scheduled') throw this.answered();
    if (turn !== side) throw new AppError('FORBIDDEN', side === 'inviter' ? 'The invited person answers this invitation.' : 'Waiting for the inviter to answer your proposal.');
    return { session, invitation, side };
  }

  private answered(): AppError {
    return new AppError('CONFLICT', 'This invitation has already been answered.');
  }

  private invitationView(session: SessionRow, viewerId: string): Invitation {
    const invitation = session.invitation as InvitationRow;
    const invitee = session.participants.find((participant) => participant.email === invitation.inviteeEmail);
    const side = invitation.inviterId === viewerId ? 'inviter' : 'invitee';
    return {
      id: invitation.id,
      interviewId: session.id,
      title: session.title,
      scheduledAt: session.scheduledAt?.toISOString() ?? null,
      status: invitation.status,
      message: invitation.message,
      proposedAt: invitation.proposedAt?.toISOString() ?? null,
      proposalNote: invitation.proposalNote,
      inviter: { userId: invitation.inviter.id, email: invitation.inviter.email, name: invitation.inviter.name },
      // Until the invitee answers, the inviter learns nothing about whether the address has an account.
      invitee: invitee?.acceptedAt || side === 'invitee'
        ? { userId: invitee?.userId ?? null, email: invitation.inviteeEmail, name: invitee?.user?.name ?? null }
        : { userId: null, email: invitation.inviteeEmail, name: null },
      direction: side === 'inviter' ? 'outgoing' : 'incoming',
      awaitingMe: session.status === 'scheduled' && awaiting(invitation) === side,
      createdAt: invitation.createdAt.toISOString(),
    };
  }
}
