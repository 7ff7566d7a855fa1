import { Inject, Injectable, Logger } from '@nestjs/common';
import type { NotificationKind } from '@pairboard/contracts';
import { LifecycleMoment, LifecycleOffsets, LifecycleStep, lifecycleMoments, pendingMoments, sessionLengthMinutes } from '@pairboard/interview-domain';
import { APP_CONFIG, AppConfig } from '../../base/config';
import { JobContext, JobHandler, jobId, JobName, JobPayload, JobReconciler, JobsService } from '../../base/jobs';
import { DomainEvent, DomainEvents } from '../events';
import { NotificationsService } from '../notifications';
import { InterviewsService } from '../interviews';
import { RoomClockService } from '../rooms';
import { SchedulingRepository, SessionRow } from './scheduling.repository';

const STEP_JOB: Record<LifecycleStep, JobName> = {
  reminderDay: 'notifications.reminder',
  reminderSoon: 'notifications.reminder',
  roomOpen: 'rooms.open',
  noShowCheck: 'rooms.noShowCheck',
  autoClose: 'rooms.autoClose',
};

/** Scheduling waits at most this long for Redis; the reconciler makes up for anything missed. */
const SCHEDULE_TIMEOUT_MS = 3000;

export function lifecycleJobId(interviewId: string, step: LifecycleStep, scheduledAt: number): string {
  const name = STEP_JOB[step];
  return name === 'notifications.reminder' ? jobId(name, interviewId, step, scheduledAt) : jobId(name, interviewId, scheduledAt);
}

export function offsetsFrom(config: AppConfig): LifecycleOffsets {
  return {
    reminderDayMs: config.SCHEDULE_REMINDER_DAY_SECONDS * 1000,
    reminderSoonMs: config.SCHEDULE_REMINDER_SOON_SECONDS * 1000,
    roomOpensMs: config.SCHEDULE_ROOM_OPENS_SECONDS * 1000,
    noShowAfterMs: config.SCHEDULE_NO_SHOW_SECONDS * 1000,
    closeGraceMs: config.SCHEDULE_CLOSE_GRACE_SECONDS * 1000,
  };
}

function names(session: SessionRow, except: string | null): string {
  const others = session.participants.filter((participant) => participant.userId !== except && participant.role !== 'observer');
  const list = others.map((participant) => participant.user?.name ?? participant.email);
  return list.length > 0 ? list.join(', ') : 'your partner';
}

/**
 * The automatic steps of every scheduled session: reminders at T−24h and T−15m, the room opening
 * at T−5m, the no-show check at T+10m and the close at T+length+grace. Jobs are derived from the
 * interview row and named by its start, so a reschedule makes new ones and an old job that still
 * fires finds another start in the row and does nothing.
 */
@Injectable()
export class SessionLifecycle {
  private readonly logger = new Logger('SessionLifecycle');
  readonly offsets: LifecycleOffsets;

  constructor(
    private readonly repository: SchedulingRepository,
    private readonly jobs: JobsService,
    private readonly notifications: NotificationsService,
    private readonly events: DomainEvents,
    private readonly interviews: InterviewsService,
    private readonly clock: RoomClockService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.offsets = offsetsFrom(config);
  }

  /** Creates (or moves) the jobs of a session from its row; removes those of `previousAt`. */
  async schedule(interviewId: string, previousAt: Date | null = null): Promise<void> {
    await this.bounded(interviewId, async () => {
      const session = await this.repository.findSession(interviewId);
      if (previousAt && session) await this.removeJobs(session, previousAt.getTime());
      if (session && this.isActive(session)) await this.ensureJobs(session);
    });
  }

  /** Drops every job of a cancelled session (a job already running re-checks the row). */
  async unschedule(interviewId: string): Promise<void> {
    await this.bounded(interviewId, async () => {
      const session = await this.repository.findSession(interviewId);
      if (session?.scheduledAt) await this.removeJobs(session, session.scheduledAt.getTime());
    });
  }

  /** Re-creates, from PostgreSQL, every job that should be waiting. Safe to run anywhere, any time. */
  @JobReconciler()
  async reconcile(): Promise<number> {
    let ensured = 0;
    for (const session of await this.repository.activeSessions(new Date())) {
      try {
        ensured += await this.ensureJobs(session);
      } catch (error) {
        this.logger.warn(`jobs of ${session.id} not reconciled: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    return ensured;
  }

  @JobHandler('notifications.reminder')
  async remind(payload: JobPayload<'notifications.reminder'>): Promise<void> {
    const session = await this.current(payload.interviewId, payload.scheduledAt, payload.step);
    if (!session || session.status !== 'scheduled') return;
    const kind: NotificationKind = payload.step === 'reminderDay' ? 'reminder.day' : 'reminder.soon';
    const occasion = `${session.id}:${payload.scheduledAt}`;
    const dueAt = new Date(this.moment(session, payload.step).at);
    for (const participant of session.participants) {
      const facts = { interviewId: session.id, interviewTitle: session.title, scheduledAt: session.scheduledAt, otherName: names(session, participant.userId) };
      if (participant.userId) await this.notifications.notify(participant.userId, kind, facts, { occasion, dueAt });
      await this.notifications.email({ email: participant.user?.email ?? participant.email, userId: participant.userId }, kind, facts, { occasion, dueAt });
    }
  }

  @JobHandler('rooms.open')
  async roomOpen(payload: JobPayload<'rooms.open'>): Promise<void> {
    const session = await this.current(payload.interviewId, payload.scheduledAt, 'roomOpen');
    if (!session) return;
    for (const participant of session.participants) {
      if (!participant.userId) continue;
      await this.notifications.notify(
        participant.userId,
        'room.open',
        { interviewId: session.id, interviewTitle: session.title, scheduledAt: session.scheduledAt, otherName: names(session, participant.userId) },
        { occasion: `${session.id}:${payload.scheduledAt}` },
      );
    }
  }

  /**
   * Interviewers and candidates who have not joined by now are recorded as no-shows; those who did
   * are told and may wait, and the matchmaker hears about it to offer a rematch.
   */
  @JobHandler('rooms.noShowCheck')
  async noShowCheck(payload: JobPayload<'rooms.noShowCheck'>): Promise<void> {
    const session = await this.current(payload.interviewId, payload.scheduledAt, 'noShowCheck');
    if (!session) return;
    const marked = await this.interviews.markNoShows(session.id, new Date());
    if (marked.length === 0) return;
    const people = session.participants.filter((participant) => participant.role !== 'observer');
    const absent = people.filter((participant) => marked.includes(participant.id));
    const present = people.filter((participant) => participant.joinedAt !== null);
    const occasion = `${session.id}:${payload.scheduledAt}`;
    const absentNames = absent.map((participant) => participant.user?.name ?? participant.email).join(', ');
    for (const participant of present) {
      if (!participant.userId) continue;
      await this.notifications.notify(participant.userId, 'no_show.partner_absent', { interviewId: session.id, interviewTitle: session.title, scheduledAt: session.scheduledAt, otherName: absentNames }, { occasion });
    }
    for (const participant of absent) {
      if (!participant.userId) continue;
      await this.notifications.notify(participant.userId, 'no_show.recorded', { interviewId: session.id, interviewTitle: session.title, scheduledAt: session.scheduledAt }, { occasion });
    }
    await this.events.emit(DomainEvent.participantsNoShow, {
      interviewId: session.id,
      absentUserIds: absent.flatMap((participant) => (participant.userId ? [participant.userId] : [])),
      presentUserIds: present.flatMap((participant) => (participant.userId ? [participant.userId] : [])),
    });
  }

  @JobHandler('rooms.autoClose')
  async autoClose(payload: JobPayload<'rooms.autoClose'>, context: JobContext): Promise<void> {
    const session = await this.current(payload.interviewId, payload.scheduledAt, 'autoClose');
    if (!session) return;
    const due = this.moment(session, 'autoClose').at;
    // The script may have been swapped for a longer one since the job was made.
    if (due > Date.now() + 1000) return context.delayUntil(due);
    await this.clock.closeAtScheduledEnd(session.id, new Date(payload.scheduledAt), new Date());
  }

  /** The session, if the job is still meant for it: same start, not cancelled, not ended. */
  private async current(interviewId: string, scheduledAt: number, step: LifecycleStep): Promise<SessionRow | null> {
    const session = await this.repository.findSession(interviewId);
    if (!session || !this.isActive(session) || session.scheduledAt?.getTime() !== scheduledAt) return null;
    const moment = this.moment(session, step);
    if (moment.staleAfter !== null && Date.now() >= moment.staleAfter) return null;
    return session;
  }

  private isActive(session: SessionRow): boolean {
    return session.scheduledAt !== null && session.cancelledAt === null && (session.status === 'scheduled' || session.status === 'live');
  }

  private moment(session: SessionRow, step: LifecycleStep): LifecycleMoment {
    const moments = lifecycleMoments(session.scheduledAt?.getTime() ?? 0, sessionLengthMinutes(session.script?.phases) * 60_000, this.offsets);
    return moments.find((moment) => moment.step === step) as LifecycleMoment;
  }

  private async ensureJobs(session: SessionRow): Promise<number> {
    const startsAt = session.scheduledAt?.getTime();
    if (startsAt === undefined) return 0;
    const moments = pendingMoments(startsAt, sessionLengthMinutes(session.script?.phases) * 60_000, this.offsets, Date.now());
    for (const moment of moments) {
      const id = lifecycleJobId(session.id, moment.step, startsAt);
      const name = STEP_JOB[moment.step];
      if (name === 'notifications.reminder') {
        await this.jobs.ensureDelayed(name, { interviewId: session.id, step: moment.step as 'reminderDay' | 'reminderSoon', scheduledAt: startsAt }, { jobId: id, runAt: moment.at });
      } else {
        await this.jobs.ensureDelayed(name as 'rooms.open', { interviewId: session.id, scheduledAt: startsAt }, { jobId: id, runAt: moment.at });
      }
    }
    return moments.length;
  }

  private async removeJobs(session: SessionRow, startsAt: number): Promise<void> {
    for (const moment of lifecycleMoments(startsAt, sessionLengthMinutes(session.script?.phases) * 60_000, this.offsets)) {
      await this.jobs.remove(STEP_JOB[moment.step], lifecycleJobId(session.id, moment.step, startsAt));
    }
  }

  private async bounded(interviewId: string, work: () => Promise<void>): Promise<void> {
    const running = work().catch((error: unknown) => {
      this.logger.warn(`jobs of ${interviewId} not updated (the reconciler will): ${error instanceof Error ? error.message : String(error)}`);
    });
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<void>((resolve) => (timer = setTimeout(resolve, SCHEDULE_TIMEOUT_MS)));
    await Promise.race([running, timedOut]);
    clearTimeout(timer);
  }
}
