import { z } from 'zod';

interface JobDefinition {
  /** Checked when the job runs: a payload written by an older release fails instead of misbehaving. */
  payload: z.ZodType;
  attempts: number;
  /** First retry delay; later retries double it. */
  backoffMs: number;
}

/**
 * Every job Pairboard runs, named `namespace.job`; the namespace is the queue. Each needs exactly one
 * `@JobHandler` or the API refuses to start. Every delayed job is derived from PostgreSQL rows and
 * re-created by a `@JobReconciler`, so Redis holds nothing that cannot be rebuilt.
 */
export const JOBS = {
  /** Moves a live interview to its next phase when the current one runs out (scripts with autoAdvance). */
  'rooms.autoAdvance': {
    payload: z.object({
      interviewId: z.uuid(),
      phaseIndex: z.number().int().min(0),
      clockVersion: z.number().int().min(0),
    }),
    attempts: 5,
    backoffMs: 1000,
  },
  /**
   * Reminder of a scheduled session (in-app + email). `scheduledAt` is the start it was scheduled
   * for: after a reschedule the old job finds a different start and does nothing.
   */
  'notifications.reminder': {
    payload: z.object({ interviewId: z.uuid(), step: z.enum(['reminderDay', 'reminderSoon']), scheduledAt: z.number().int() }),
    attempts: 6,
    backoffMs: 5000,
  },
  /** Calendar email (.ics REQUEST or CANCEL) to the participants after an invitation, reschedule or cancellation. */
  'notifications.calendar': {
    payload: z.object({
      interviewId: z.uuid(),
      method: z.enum(['request', 'cancel']),
      kind: z.enum(['invitation.received', 'interview.rescheduled', 'interview.cancelled', 'invitation.declined']),
      sequence: z.number().int().min(0),
      actorId: z.uuid().nullable(),
      reason: z.string().max(1000).nullable(),
      previousAt: z.number().int().nullable(),
    }),
    attempts: 6,
    backoffMs: 5000,
  },
  /** Tells the participants the room is open (a few minutes before the start). */
  'rooms.open': {
    payload: z.object({ interviewId: z.uuid(), scheduledAt: z.number().int() }),
    attempts: 5,
    backoffMs: 2000,
  },
  /** Records who had not joined shortly after the start and tells the others. */
  'rooms.noShowCheck': {
    payload: z.object({ interviewId: z.uuid(), scheduledAt: z.number().int() }),
    attempts: 5,
    backoffMs: 2000,
  },
  /** Ends a session still open well after its planned end. */
  'rooms.autoClose': {
    payload: z.object({ interviewId: z.uuid(), scheduledAt: z.number().int() }),
    attempts: 5,
    backoffMs: 2000,
  },
  /** Looks for a partner for one pairing request, shortly after it was created or changed. */
  'pairing.match': {
    payload: z.object({ requestId: z.uuid() }),
    attempts: 3,
    backoffMs: 2000,
  },
  /** Expires pairing requests whose time has passed and matches everything still open; schedules the next one. */
  'pairing.sweep': {
    payload: z.object({ period: z.number().int().min(0) }),
    attempts: 3,
    backoffMs: 5000,
  },
  /** Writes the seek points an interview's board log is missing (replay: one checkpoint + a bounded tail per seek). */
  'replay.indexBoard': {
    payload: z.object({ interviewId: z.uuid() }),
    attempts: 3,
    backoffMs: 5000,
  },
} as const satisfies Record<`${string}.${string}`, JobDefinition>;

export type JobName = keyof typeof JOBS;
export type JobPayload<N extends JobName> = z.output<(typeof JOBS)[N]['payload']>;

export const JOB_NAMES = Object.keys(JOBS) as JobName[];

export function queueOf(name: string): string {
  return name.slice(0, name.indexOf('.'));
}

/** One queue per namespace that has jobs. */
export const JOB_QUEUES = [...new Set(JOB_NAMES.map(queueOf))];

/**
 * Deterministic job id from its parts: scheduling the same thing twice is one job. BullMQ refuses
 * ids with `:` and ids that look like integers, hence `_` and the name in front.
 */
export function jobId(name: JobName, ...parts: (string | number)[]): string {
  const id = [name, ...parts].join('_');
  if (id.includes(':')) throw new Error(`a job id cannot contain ':' (${id})`);
  return id;
}
