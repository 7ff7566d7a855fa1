import { Injectable } from '@nestjs/common';
import { type Interval, sessionLengthMinutes } from '@pairboard/interview-domain';
import { Prisma, PrismaService } from '../../base/prisma';
import type { PairingRequest, PairingRequestStatus, PairingRole, QuestionLevel, Transaction } from '../../base/prisma';

export type PairingRequestRow = PairingRequest & {
  match: { id: string; firstInterviewId: string; secondInterviewId: string; startsAt: Date } | null;
};

export interface NewPairingRequest {
  userId: string;
  slots: { start: string; end: string }[];
  timezone: string;
  level: QuestionLevel;
  topics: string[];
  role: PairingRole;
  lengthMinutes: number;
}

export interface ClaimPlan {
  /** The requests as the matchmaker read them: a request edited since then is not claimed. */
  requests: { id: string; userId: string; updatedAt: Date }[];
  start: Date;
  end: Date;
  firstCandidateId: string;
  score: number;
}

export type ClaimOutcome = { claimed: true; matchId: string; interviewIds: [string, string] } | { claimed: false; reason: 'taken' | 'busy' };

/** The longest a scheduled interview can run (a script's limit): earlier starts cannot overlap a new session. */
const LONGEST_INTERVIEW_MS = 4 * 3_600_000;

const withMatch = { match: { select: { id: true, firstInterviewId: true, secondInterviewId: true, startsAt: true } } } satisfies Prisma.PairingRequestInclude;

@Injectable()
export class PairingRepository {
  constructor(private readonly prisma: PrismaService) {}

  create(data: NewPairingRequest): Promise<PairingRequestRow> {
    return this.prisma.pairingRequest.create({ data: { ...data, lastSlotEnd: lastEnd(data.slots) }, include: withMatch });
  }

  findById(id: string): Promise<PairingRequestRow | null> {
    return this.prisma.pairingRequest.findUnique({ where: { id }, include: withMatch });
  }

  listForUser(userId: string, limit: number): Promise<PairingRequestRow[]> {
    return this.prisma.pairingRequest.findMany({ where: { userId }, include: withMatch, orderBy: [{ createdAt: 'desc' }, { id: 'asc' }], take: limit });
  }

  /** Changes an open request; null when it is no longer open (the matchmaker may have just taken it). */
  async updateOpen(id: string, changes: Partial<Omit<NewPairingRequest, 'userId'>>): Promise<PairingRequestRow | null> {
    const data: Prisma.PairingRequestUpdateManyMutationInput = { ...changes, ...(changes.slots ? { lastSlotEnd: lastEnd(changes.slots) } : {}) };
    const { count } = await this.prisma.pairingRequest.updateMany({ where: { id, status: 'open' }, data });
    return count === 0 ? null : this.findById(id);
  }

  /** Moves an open request to `status`; false when it was not open any more. */
  async closeOpen(id: string, status: Extract<PairingRequestStatus, 'cancelled' | 'expired'>): Promise<boolean> {
    const { count } = await this.prisma.pairingRequest.updateMany({ where: { id, status: 'open' }, data: { status } });
    return count === 1;
  }

  async expirePast(now: Date): Promise<number> {
    const { count } = await this.prisma.pairingRequest.updateMany({ where: { status: 'open', lastSlotEnd: { lte: now } }, data: { status: 'expired' } });
    return count;
  }

  /** Open requests with time left, oldest first (the matchmaker's input). */
  openRequests(now: Date): Promise<PairingRequest[]> {
    return this.prisma.pairingRequest.findMany({ where: { status: 'open', lastSlotEnd: { gt: now } }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
  }

  /**
   * Open requests that could pair with `target` (same length, level at most one apart, a shared
   * topic, a role that fits, someone else): the database narrows the pool so the job stays cheap.
   */
  openPartnersFor(target: PairingRequest, now: Date, levels: QuestionLevel[]): Promise<PairingRequest[]> {
    return this.prisma.pairingRequest.findMany({
      where: {
        status: 'open',
        lastSlotEnd: { gt: now },
        lengthMinutes: target.lengthMinutes,
        level: { in: levels },
        topics: { hasSome: target.topics },
        userId: { not: target.userId },
        ...(target.role === 'either' ? {} : { role: { not: target.role } }),
      },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    });
  }

  /** Scheduled or live interviews of these users that end after `from`, as intervals per user. */
  busyIntervals(userIds: string[], from: Date): Promise<Map<string, Interval[]>> {
    return busyIntervals(this.prisma, userIds, from);
  }

  /**
   * Show-up record per user over the last `days`: sessions attended, and failures (marked no-show,
   * or cancelled by that person less than two hours before the start).
   */
  async attendance(userIds: string[], since: Date): Promise<Map<string, { sessions: number; failures: number }>> {
    const result = new Map<string, { sessions: number; failures: number }>();
    if (userIds.length === 0) return result;
    const rows = await this.prisma.$queryRaw<{ user_id: string; sessions: number; failures: number }[]>`
      SELECT p.user_id,
        COUNT(*) FILTER (WHERE p.joined_at IS NOT NULL)::int AS sessions,
        COUNT(*) FILTER (WHERE p.no_show_at IS NOT NULL
          OR (i.cancelled_by_id = p.user_id AND i.cancelled_at > i.scheduled_at - interval '2 hours'))::int AS failures
      FROM participants p JOIN interviews i ON i.id = p.interview_id
      WHERE p.user_id = ANY(${userIds}::uuid[]) AND i.scheduled_at >= ${since}
      GROUP BY p.user_id`;
    for (const row of rows) result.set(row.user_id, { sessions: row.sessions, failures: row.failures });
    return result;
  }

  /** The sessions that count against one person's record since `since`, newest first (the same rule as `attendance`). */
  async missedSessions(userId: string, since: Date): Promise<{ interviewId: string; title: string; scheduledAt: Date; kind: 'no_show' | 'late_cancellation' }[]> {
    const rows = await this.prisma.$queryRaw<{ interview_id: string; title: string; scheduled_at: Date; no_show: boolean }[]>`
      SELECT i.id AS interview_id, i.title, i.scheduled_at, p.no_show_at IS NOT NULL AS no_show
      FROM participants p JOIN interviews i ON i.id = p.interview_id
      WHERE p.user_id = ${userId}::uuid AND i.scheduled_at >= ${since}
        AND (p.no_show_at IS NOT NULL OR (i.cancelled_by_id = p.user_id AND i.cancelled_at > i.scheduled_at - interval '2 hours'))
      ORDER BY i.scheduled_at DESC
      LIMIT 50`;
    return rows.map((row) => ({ interviewId: row.interview_id, title: row.title, scheduledAt: row.scheduled_at, kind: row.no_show ? 'no_show' : 'late_cancellation' }));
  }

  /** Pairs (smaller id first) of these users who shared an interview scheduled since `since`. */
  async metSince(userIds: string[], since: Date): Promise<[string, string][]> {
    if (userIds.length === 0) return [];
    const rows = await this.prisma.$queryRaw<{ a: string; b: string }[]>`
      SELECT DISTINCT p1.user_id AS a, p2.user_id AS b
      FROM participants p1
      JOIN participants p2 ON p2.interview_id = p1.interview_id AND p1.user_id < p2.user_id
      JOIN interviews i ON i.id = p1.interview_id
      WHERE p1.user_id = ANY(${userIds}::uuid[]) AND p2.user_id = ANY(${userIds}::uuid[]) AND i.scheduled_at >= ${since}`;
    return rows.map((row) => [row.a, row.b]);
  }

  /** Questions each of these users has already been asked as a candidate. */
  async askedQuestionIdsByUser(userIds: string[]): Promise<Map<string, Set<string>>> {
    const asked = new Map<string, Set<string>>();
    if (userIds.length === 0) return asked;
    const rows = await this.prisma.$queryRaw<{ user_id: string; question_id: string }[]>`
      SELECT DISTINCT p.user_id, i.question_id FROM participants p JOIN interviews i ON i.id = p.interview_id
      WHERE p.user_id = ANY(${userIds}::uuid[]) AND p.role = 'candidate' AND i.question_id IS NOT NULL`;
    for (const row of rows) asked.set(row.user_id, (asked.get(row.user_id) ?? new Set()).add(row.question_id));
    return asked;
  }

  questions(): Promise<{ id: string; slug: string; title: string; level: QuestionLevel; topics: string[] }[]> {
    return this.prisma.question.findMany({ select: { id: true, slug: true, title: true, level: true, topics: true }, orderBy: { slug: 'asc' } });
  }

  /** The newest version of a built-in script. */
  builtInScript(slug: string): Promise<{ id: string } | null> {
    return this.prisma.frameworkScript.findFirst({ where: { slug, ownerId: null }, orderBy: { version: 'desc' }, select: { id: true } });
  }

  emails(userIds: string[]): Promise<{ id: string; email: string }[]> {
    return this.prisma.user.findMany({ where: { id: { in: userIds } }, select: { id: true, email: true } });
  }

  /** Which match, if any, scheduled this interview. */
  matchOfInterview(interviewId: string): Promise<{ id: string; requests: PairingRequest[] } | null> {
    return this.prisma.pairingMatch.findFirst({
      where: { OR: [{ firstInterviewId: interviewId }, { secondInterviewId: interviewId }] },
      select: { id: true, requests: true },
    });
  }

  /**
   * The claim, in one transaction, safe with any number of workers: lock both requests (skipping
   * rows another claim holds) and require them still open and unedited; lock both people (advisory
   * locks in id order, so two claims never wait on each other in a cycle) and require neither to have
   * an interview in the way; then have the interviews written (by their owner, `createInterviews`,
   * in this transaction), and write the match and the requests' new status.
   */
  claim(plan: ClaimPlan, createInterviews: (tx: Transaction) => Promise<string[]>): Promise<ClaimOutcome> {
    return this.prisma.$transaction(async (tx) => {
      const ids = plan.requests.map((request) => request.id);
      const locked = await tx.$queryRaw<{ id: string; updated_at: Date }[]>`
        SELECT id, updated_at FROM pairing_requests WHERE id = ANY(${ids}::uuid[]) AND status = 'open' FOR UPDATE SKIP LOCKED`;
      const unchanged = plan.requests.every((request) =>
        locked.some((row) => row.id === request.id && row.updated_at.getTime() === request.updatedAt.getTime()),
      );
      if (!unchanged) return { claimed: false, reason: 'taken' } as const;

      const userIds = plan.requests.map((request) => request.userId).sort();
      for (const userId of userIds) await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`pairing-user:${userId}`}, 0))`;
      const busy = await busyIntervals(tx, userIds, plan.start);
      const inTheWay = [...busy.values()].flat().some((interval) => interval.start < plan.end.getTime() && interval.end > plan.start.getTime());
      if (inTheWay) return { claimed: false, reason: 'busy' } as const;

      const interviewIds = await createInterviews(tx);
      const match = await tx.pairingMatch.create({
        data: {
          firstInterviewId: interviewIds[0],
          secondInterviewId: interviewIds[1],
          firstCandidateId: plan.firstCandidateId,
          startsAt: plan.start,
          score: plan.score,
        },
        select: { id: true },
      });
      await tx.pairingRequest.updateMany({ where: { id: { in: ids }, status: 'open' }, data: { status: 'matched', matchId: match.id } });
      return { claimed: true, matchId: match.id, interviewIds: [interviewIds[0], interviewIds[1]] } as const;
    });
  }
}

/**
 * The one busy-interval query: scheduled or live interviews of these users that started late
 * enough to run past `from`, each as long as `sessionLengthMinutes` says. Runs on the caller's transaction
 * when the claim holds its locks.
 */
async function busyIntervals(db: Pick<Transaction, '$queryRaw'>, userIds: string[], from: Date): Promise<Map<string, Interval[]>> {
  const busy = new Map<string, Interval[]>();
  if (userIds.length === 0) return busy;
  const rows = await db.$queryRaw<{ user_id: string; start: Date; phases: unknown }[]>`
    SELECT p.user_id, i.scheduled_at AS start, fs.phases
    FROM participants p
    JOIN interviews i ON i.id = p.interview_id
    LEFT JOIN framework_scripts fs ON fs.id = i.script_id
    WHERE p.user_id = ANY(${userIds}::uuid[])
      AND i.status IN ('scheduled', 'live')
      AND i.scheduled_at > ${new Date(from.getTime() - LONGEST_INTERVIEW_MS)}
    ORDER BY i.scheduled_at`;
  for (const row of rows) {
    const start = row.start.getTime();
    const list = busy.get(row.user_id) ?? [];
    list.push({ start, end: start + sessionLengthMinutes(row.phases) * 60_000 });
    busy.set(row.user_id, list);
  }
  return busy;
}

function lastEnd(slots: { end: string }[]): Date {
  return new Date(Math.max(...slots.map((slot) => Date.parse(slot.end))));
}
