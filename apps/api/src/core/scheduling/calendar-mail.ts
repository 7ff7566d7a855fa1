import { Inject, Injectable, Logger } from '@nestjs/common';
import { sessionLengthMinutes } from '@pairboard/interview-domain';
import { APP_CONFIG, AppConfig } from '../../base/config';
import { JobHandler, jobId, JobPayload, JobReconciler, JobsService } from '../../base/jobs';
import { calendarInvite, NotificationsService } from '../notifications';
import { SchedulingRepository, SessionRow } from './scheduling.repository';

export type CalendarMail = JobPayload<'notifications.calendar'>;

/**
 * Emails that carry the calendar event: the invitation and every reschedule (METHOD:REQUEST with
 * a higher SEQUENCE), the cancellation or a declined invitation (METHOD:CANCEL). Sent by a job, so
 * an unreachable SMTP server is retried with backoff instead of failing the request.
 */
@Injectable()
export class CalendarMailer {
  private readonly logger = new Logger('CalendarMailer');
  private readonly domain: string;

  constructor(
    private readonly repository: SchedulingRepository,
    private readonly jobs: JobsService,
    private readonly notifications: NotificationsService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.domain = new URL(config.PUBLIC_URL ?? 'http://pairboard.local').hostname;
  }

  async queue(mail: CalendarMail): Promise<void> {
    try {
      await this.jobs.ensureDelayed('notifications.calendar', mail, {
        jobId: jobId('notifications.calendar', mail.interviewId, mail.method, mail.sequence),
        runAt: Date.now(),
      });
    } catch (error) {
      this.logger.warn(`calendar email for ${mail.interviewId} not queued: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /**
   * Re-queues the calendar email of the current revision of every upcoming session when none went
   * out (Redis lost the job before it ran). Who acted on a reschedule is not stored, so a rebuilt
   * update goes to everyone.
   */
  @JobReconciler()
  async reconcile(): Promise<number> {
    if (!this.notifications.emailEnabled) return 0;
    let queued = 0;
    for (const session of await this.repository.calendarSessions(new Date())) {
      const mail = this.currentMail(session);
      if (await this.notifications.emailedFor(session.id, `${session.id}:${mail.method}:${mail.sequence}`)) continue;
      await this.queue(mail);
      queued += 1;
    }
    return queued;
  }

  private currentMail(session: SessionRow): CalendarMail {
    if (session.status === 'cancelled') {
      const declined = session.invitation?.status === 'declined';
      return {
        interviewId: session.id,
        method: 'cancel',
        kind: declined ? 'invitation.declined' : 'interview.cancelled',
        sequence: session.scheduleSequence,
        actorId: session.cancelledById,
        reason: declined ? null : session.cancelReason,
        previousAt: null,
      };
    }
    const invited = session.scheduleSequence === 0;
    return {
      interviewId: session.id,
      method: 'request',
      kind: invited ? 'invitation.received' : 'interview.rescheduled',
      sequence: session.scheduleSequence,
      actorId: invited ? (session.invitation?.inviterId ?? null) : null,
      reason: invited ? (session.invitation?.message ?? null) : null,
      previousAt: null,
    };
  }

  @JobHandler('notifications.calendar')
  async send(mail: CalendarMail): Promise<void> {
    const session = await this.repository.findSession(mail.interviewId);
    if (!session?.scheduledAt || session.scheduleSequence !== mail.sequence) return;
    const organizer = session.participants.find((participant) => participant.userId === session.createdById);
    const event = {
      interviewId: session.id,
      title: session.title,
      startsAt: session.scheduledAt,
      lengthMinutes: sessionLengthMinutes(session.script?.phases),
      sequence: session.scheduleSequence,
      url: new URL(`/interviews/${session.id}`, this.notifications.appUrl).toString(),
      organizer: { name: organizer?.user?.name ?? 'Pairboard', email: organizer?.user?.email ?? organizer?.email ?? `no-reply@${this.domain}` },
      attendees: session.participants.map((participant) => ({ name: participant.user?.name ?? null, email: participant.user?.email ?? participant.email })),
      domain: this.domain,
    };
    const content = calendarInvite(event, mail.method);
    const actor = mail.actorId ? session.participants.find((participant) => participant.userId === mail.actorId) : undefined;
    const otherName = actor?.user?.name ?? actor?.email ?? 'Your partner';
    for (const participant of session.participants) {
      if (mail.actorId && participant.userId === mail.actorId) continue;
      await this.notifications.email(
        { email: participant.user?.email ?? participant.email, userId: participant.userId },
        mail.kind,
        {
          interviewId: session.id,
          interviewTitle: session.title,
          scheduledAt: session.scheduledAt,
          otherName,
          reason: mail.reason,
          previousAt: mail.previousAt === null ? null : new Date(mail.previousAt),
        },
        { occasion: `${session.id}:${mail.method}:${mail.sequence}`, calendar: { method: mail.method === 'request' ? 'REQUEST' : 'CANCEL', content } },
      );
    }
  }
}
