import { Injectable } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { DomainEvent, DomainEventPayloads } from '../events';
import { NotificationsService } from '../notifications';
import { SchedulingRepository } from './scheduling.repository';
import { SessionLifecycle } from './session-lifecycle';

/**
 * Reacts to what other capabilities announce. Each reaction is idempotent (deterministic job ids,
 * one delivery per occasion), and the reconciler redoes the job part if an event is ever lost.
 */
@Injectable()
export class SchedulingListeners {
  constructor(
    private readonly lifecycle: SessionLifecycle,
    private readonly repository: SchedulingRepository,
    private readonly notifications: NotificationsService,
  ) {}

  @OnEvent(DomainEvent.interviewScheduled)
  scheduled({ interviewId }: DomainEventPayloads['interview.scheduled']): Promise<void> {
    return this.lifecycle.schedule(interviewId);
  }

  @OnEvent(DomainEvent.interviewRescheduled)
  rescheduled({ interviewId, previousScheduledAt }: DomainEventPayloads['interview.rescheduled']): Promise<void> {
    return this.lifecycle.schedule(interviewId, previousScheduledAt);
  }

  @OnEvent(DomainEvent.interviewCancelled)
  cancelled({ interviewId }: DomainEventPayloads['interview.cancelled']): Promise<void> {
    return this.lifecycle.unschedule(interviewId);
  }

  /** Both people hear who they were matched with, with a link to their first session. */
  @OnEvent(DomainEvent.pairingMatched)
  async matched({ matchId, interviewIds, userIds }: DomainEventPayloads['pairing.matched']): Promise<void> {
    const sessions = (await Promise.all(interviewIds.map((id) => this.repository.findSession(id)))).filter((session) => session !== null);
    sessions.sort((a, b) => (a.scheduledAt?.getTime() ?? 0) - (b.scheduledAt?.getTime() ?? 0));
    const first = sessions[0];
    for (const userId of userIds) {
      const others = userIds.filter((other) => other !== userId);
      const otherNames = (await Promise.all(others.map((other) => this.notifications.userName(other)))).filter(Boolean).join(', ');
      await this.notifications.notify(
        userId,
        'pairing.matched',
        { interviewId: first?.id ?? null, interviewTitle: first?.title, scheduledAt: first?.scheduledAt ?? null, otherName: otherNames || 'a peer', interviewCount: interviewIds.length },
        { occasion: matchId },
      );
    }
    for (const session of sessions) await this.lifecycle.schedule(session.id);
  }

  /**
   * Each person invited to an interview (at its creation or later) hears who asked them and as
   * what, in the app when the address belongs to a verified account and by email in any case, so
   * someone without an account learns of it too. Invitations sent through scheduling say so with
   * their own notification and calendar email instead.
   */
  @OnEvent(DomainEvent.participantsInvited)
  async invited({ interviewId, byUserId, emails }: DomainEventPayloads['interview.participants_invited']): Promise<void> {
    const session = await this.repository.findSession(interviewId);
    if (!session) return;
    const inviter = session.participants.find((participant) => participant.userId === byUserId);
    for (const email of emails) {
      const invitee = session.participants.find((participant) => participant.email === email);
      if (!invitee || invitee.acceptedAt) continue;
      const facts = { interviewId, interviewTitle: session.title, scheduledAt: session.scheduledAt, otherName: inviter?.user?.name ?? inviter?.email, role: invitee.role };
      // One per place offered: someone who declined and is invited again hears of it again.
      const occasion = `${interviewId}:${invitee.id}`;
      if (invitee.userId) await this.notifications.notify(invitee.userId, 'interview.added', facts, { occasion });
      await this.notifications.email({ email: invitee.user?.email ?? invitee.email, userId: invitee.userId }, 'interview.added', facts, { occasion });
    }
  }

  /** The candidate hears as soon as the scorecard can be read, in the app and by email. */
  @OnEvent(DomainEvent.scorecardSubmitted)
  async scorecardSubmitted({ interviewId, candidateId, byUserId, submittedAt }: DomainEventPayloads['scorecard.submitted']): Promise<void> {
    const session = await this.repository.findSession(interviewId);
    const candidate = session?.participants.find((participant) => participant.role === 'candidate' && participant.userId !== null && (candidateId === null || participant.userId === candidateId));
    if (!session || !candidate?.userId) return;
    const author = session.participants.find((participant) => participant.userId === byUserId);
    const facts = { interviewId, interviewTitle: session.title, otherName: author?.user?.name ?? 'Your interviewer' };
    // A scorecard reopened and submitted again before the candidate looked is ready again.
    const occasion = `${interviewId}:${submittedAt.getTime()}`;
    await this.notifications.notify(candidate.userId, 'scorecard.ready', facts, { occasion });
    await this.notifications.email({ email: candidate.user?.email ?? candidate.email, userId: candidate.userId }, 'scorecard.ready', facts, { occasion });
  }

  /**
   * A session that took place asks both sides for feedback: the candidate about the interviewer,
   * interviewers for the scorecard. One that never started asks nobody.
   */
  @OnEvent(DomainEvent.interviewEnded)
  async ended({ interviewId }: DomainEventPayloads['interview.ended']): Promise<void> {
    const session = await this.repository.findSession(interviewId);
    if (!session?.startedAt) return;
    for (const participant of session.participants) {
      if (!participant.userId || participant.role === 'observer') continue;
      const others = session.participants.filter((other) => other.userId !== participant.userId && other.role !== 'observer');
      await this.notifications.notify(
        participant.userId,
        'feedback.requested',
        {
          interviewId,
          interviewTitle: session.title,
          otherName: others.map((other) => other.user?.name ?? other.email).join(', ') || 'your partner',
          feedbackPath: participant.role === 'candidate' ? `/interviews/${interviewId}/feedback` : `/interviews/${interviewId}/scorecard`,
        },
        { occasion: interviewId },
      );
    }
  }
}
