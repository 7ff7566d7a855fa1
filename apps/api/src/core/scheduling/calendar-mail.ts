import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../../base/config';
import { JobHandler, jobId, JobPayload, JobsService } from '../../base/jobs';
import { calendarInvite, NotificationsService } from '../notifications';
import { SchedulingRepository, sessionLengthMinutes } from './scheduling.repository';

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

  @JobHandler('notifications.calendar')
  async send(mail: CalendarMail): Promise<void> {
    const session = await this.repository.findSession(mail.interviewId);
    if (!session?.scheduledAt || session.scheduleSequence !== mail.sequence) return;
    const organizer = session.participants.find((participant) => participant.userId === session.createdById);
    const event = {
      interviewId: session.id,
      title: session.title,
      startsAt: session.scheduledAt,
      lengthMinutes: sessionLengthMinutes(session),
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
