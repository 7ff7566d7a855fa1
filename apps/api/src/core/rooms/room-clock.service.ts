import { Injectable, Logger } from '@nestjs/common';
import type { ClockChange, ClockCommand, RoomClock } from '@pairboard/contracts';
import { DomainEvent, DomainEvents } from '../events';
import { applyAutoAdvance, applyClockCommand, autoAdvanceDueAt, TimedPhase } from '@pairboard/interview-domain';
import { AppError } from '../../base/errors';
import { JobContext, jobId, JobPayload, JobsService } from '../../base/jobs';
import { ExpectedClock, InterviewsService } from '../interviews';
import { scriptPhases } from './room-content';
import { ClockRecord, PhaseEventRecord, RoomsRepository } from './rooms.repository';
import { requireRole, RoomActor } from './rooms.service';

export interface ClockUpdate {
  clock: RoomClock;
  change: ClockChange;
}

/** Lost races re-read and re-apply; a clock that keeps moving under a command refuses it instead. */
const MAX_ATTEMPTS = 3;
/** A command does not wait longer than this for Redis; the reconciler schedules what is missing. */
const SCHEDULE_TIMEOUT_MS = 2000;

export function autoAdvanceJobId(interviewId: string, clock: RoomClock): string {
  return jobId('rooms.autoAdvance', interviewId, clock.phaseIndex, clock.version);
}

/**
 * The server-held phase clock. State lives in PostgreSQL; every change is a conditional update on
 * the clock version plus a PhaseEvent row, so concurrent commands and duplicate jobs cannot both
 * apply. Scripts with autoAdvance get one delayed job per clock version.
 */
@Injectable()
export class RoomClockService {
  private readonly logger = new Logger('RoomClock');

  constructor(
    private readonly rooms: RoomsRepository,
    private readonly jobs: JobsService,
    private readonly events: DomainEvents,
    private readonly interviews: InterviewsService,
  ) {}

  async command(interviewId: string, actor: RoomActor, command: ClockCommand): Promise<ClockUpdate> {
    requireRole(actor, 'interviewer', 'Only interviewers drive the clock.');
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const record = await this.rooms.findClock(interviewId);
      if (!record) throw new AppError('NOT_FOUND', 'No such interview.');
      if (command.clockVersion !== undefined && command.clockVersion !== record.clock.version) {
        throw new AppError('CONFLICT', 'The clock changed in the meantime.', { clock: record.clock });
      }
      const phases = scriptPhases(record.script);
      const result = applyClockCommand(record.clock, command, phases.length, Date.now());
      if (!result.ok) throw new AppError('CONFLICT', result.reason, { clock: record.clock });
      const change: ClockChange = { ...result.change, byUserId: actor.userId };
      if (await this.save(interviewId, { version: record.clock.version }, result.clock, change)) {
        await this.scheduleAutoAdvance(record, result.clock, phases, true);
        if (change.kind === 'ended') await this.events.emit(DomainEvent.interviewEnded, { interviewId, byUserId: actor.userId });
        return { clock: result.clock, change };
      }
    }
    throw new AppError('CONFLICT', 'The clock is changing too fast; try again.');
  }

  /**
   * Runs a `rooms.autoAdvance` job: advances only if the clock is still at the version the job was
   * scheduled for, so a second run (or a second worker) finds it stale and does nothing.
   */
  async autoAdvance(payload: JobPayload<'rooms.autoAdvance'>, context: JobContext): Promise<ClockUpdate | null> {
    const record = await this.rooms.findClock(payload.interviewId);
    if (!record?.script?.autoAdvance) return null;
    const phases = scriptPhases(record.script);
    const outcome = applyAutoAdvance(record.clock, { phaseIndex: payload.phaseIndex, version: payload.clockVersion }, phases, Date.now());
    if (outcome.outcome === 'stale') return null;
    if (outcome.outcome === 'early') return context.delayUntil(outcome.dueAt);
    const change: ClockChange = { ...outcome.change, byUserId: null };
    if (!(await this.save(payload.interviewId, { version: record.clock.version }, outcome.clock, change))) return null;
    // The job being run is the stale one; BullMQ drops it when it completes.
    await this.scheduleAutoAdvance(record, outcome.clock, phases, false);
    return { clock: outcome.clock, change };
  }

  /**
   * The scheduler's close of a session still scheduled or live for the start it was scheduled for.
   * A live one gets an `ended` phase event, like an interviewer's "end", so the recording has its
   * last chapter marker. The status is part of the condition because a cancellation changes it
   * without moving the clock. False when the session was not open or another change won.
   */
  async closeAtScheduledEnd(interviewId: string, scheduledAt: Date, at: Date): Promise<boolean> {
    const clock = await this.rooms.findClockOfScheduled(interviewId, scheduledAt);
    if (!clock) return false;
    const ended: RoomClock = { ...clock, status: 'ended', endedAt: at.getTime(), pausedAt: null, version: clock.version + 1 };
    const change = clock.status === 'live' ? { kind: 'ended' as const, phaseIndex: clock.phaseIndex, at: at.getTime(), byUserId: null, payload: { automatic: true } } : null;
    if (!(await this.save(interviewId, { version: clock.version, status: clock.status }, ended, change))) return false;
    await this.events.emit(DomainEvent.interviewEnded, { interviewId, byUserId: null });
    return true;
  }

  /** Re-creates the job of every live auto-advancing interview from PostgreSQL. */
  async reconcileAutoAdvance(): Promise<number> {
    let scheduled = 0;
    for (const record of await this.rooms.autoAdvancingClocks()) {
      try {
        const dueAt = autoAdvanceDueAt(scriptPhases(record.script), record.clock);
        if (dueAt === null) continue;
        await this.jobs.ensureDelayed('rooms.autoAdvance', this.payload(record.interviewId, record.clock), {
          jobId: autoAdvanceJobId(record.interviewId, record.clock),
          runAt: dueAt,
        });
        scheduled += 1;
      } catch (error) {
        this.logger.warn(`auto-advance of ${record.interviewId} not scheduled: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    return scheduled;
  }

  private async scheduleAutoAdvance(before: ClockRecord, after: RoomClock, phases: readonly TimedPhase[], removeStale: boolean): Promise<void> {
    if (!before.script?.autoAdvance) return;
    const { interviewId } = before;
    const staleJob = removeStale && autoAdvanceDueAt(phases, before.clock) !== null ? autoAdvanceJobId(interviewId, before.clock) : null;
    const dueAt = autoAdvanceDueAt(phases, after);
    const work = (async () => {
      if (staleJob) await this.jobs.remove('rooms.autoAdvance', staleJob);
      if (dueAt !== null) {
        await this.jobs.ensureDelayed('rooms.autoAdvance', this.payload(interviewId, after), { jobId: autoAdvanceJobId(interviewId, after), runAt: dueAt });
      }
    })().catch((error: unknown) => {
      this.logger.warn(`auto-advance of ${interviewId} not scheduled (the reconciler will retry): ${error instanceof Error ? error.message : String(error)}`);
    });
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), SCHEDULE_TIMEOUT_MS)));
    if ((await Promise.race([work, timedOut])) === 'timeout') {
      this.logger.warn(`auto-advance of ${interviewId} is slow to schedule; the reconciler will check it`);
    }
    clearTimeout(timer);
  }

  /** The clock on the interview row (its owner writes it) and the phase event, in one transaction. */
  private save(interviewId: string, expected: ExpectedClock, clock: RoomClock, change: PhaseEventRecord | null): Promise<boolean> {
    return this.rooms.saveClock(interviewId, clock.version, change, (tx) => this.interviews.saveClock(tx, interviewId, expected, clock));
  }

  private payload(interviewId: string, clock: RoomClock): JobPayload<'rooms.autoAdvance'> {
    return { interviewId, phaseIndex: clock.phaseIndex, clockVersion: clock.version };
  }
}
