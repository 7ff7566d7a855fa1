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
