import { Injectable, Logger } from '@nestjs/common';
import { type CreatePairingRequest, type Level, LEVELS, type PairingRequestView, type ShowUpRecord, type UpdatePairingRequest } from '@pairboard/contracts';
import { bestMatchesFor, MatchContext, MatchRequest, pairKey, planMatches, ProposedMatch, showUpReliability } from '@pairboard/interview-domain';
import { AppError } from '../../base/errors';
import type { PairingRequest } from '../../base/prisma';
import { DomainEvent, DomainEvents } from '../events';
import { InterviewsService, NewMatchedInterview } from '../interviews';
import { ScoringService } from '../scoring';
import { PairingJobsScheduler } from './pairing.scheduler';
import { ClaimOutcome, PairingRepository, PairingRequestRow } from './pairing.repository';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;
const MAX_LISTED = 100;
/** Nobody is matched into a session that starts sooner than this: time to notice and prepare. */
export const MATCH_LEAD_MS = 15 * MINUTE_MS;
/** A rematch after a no-show starts as soon as five minutes from now. */
const REMATCH_LEAD_MS = 5 * MINUTE_MS;
/** A rematch request covers the next hour of possible starts. */
const REMATCH_WINDOW_MS = 60 * MINUTE_MS;
/** People who shared an interview this recently are paired again only when nobody else fits. */
const MET_RECENTLY_DAYS = 28;
const ATTENDANCE_DAYS = 180;
/** A claim that loses (taken or busy) moves on to the next best partner, this many times at most. */
const MAX_CLAIM_ATTEMPTS = 5;
/** Claims in flight at once during a sweep (below the database pool size, so requests still get served). */
const SWEEP_CLAIM_CONCURRENCY = 3;
/** Each half runs on the built-in script whose length is half the session. */
const SCRIPT_FOR_HALF = { 45: 'standard-45', 60: 'extended-60' } as const;

export interface MatchRoundResult {
  proposed: number;
  matched: number;
  expired: number;
}

@Injectable()
export class PairingService {
  private readonly logger = new Logger('Pairing');

  constructor(
    private readonly pairing: PairingRepository,
    private readonly scheduler: PairingJobsScheduler,
    private readonly events: DomainEvents,
    private readonly scoring: ScoringService,
    private readonly interviews: InterviewsService,
  ) {}

  async create(userId: string, body: CreatePairingRequest): Promise<{ id: string; status: 'open' }> {
    const row = await this.pairing.create({ userId, ...body, slots: normaliseSlots(body.slots) });
    await this.scheduler.matchSoon(row);
    return { id: row.id, status: 'open' };
  }

  async listMine(userId: string): Promise<PairingRequestView[]> {
    return (await this.pairing.listForUser(userId, MAX_LISTED)).map(toView);
  }

  async update(userId: string, id: string, body: UpdatePairingRequest): Promise<PairingRequestView> {
    await this.ownOpen(userId, id);
    const row = await this.pairing.updateOpen(id, { ...body, ...(body.slots ? { slots: normaliseSlots(body.slots) } : {}) });
    if (!row) throw notOpen();
    await this.scheduler.matchSoon(row);
    return toView(row);
  }

  async cancel(userId: string, id: string): Promise<void> {
    await this.ownOpen(userId, id);
    if (!(await this.pairing.closeOpen(id, 'cancelled'))) throw notOpen();
  }

  /** Someone else's request is as unknown as a missing one; a closed one cannot change. */
  private async ownOpen(userId: string, id: string): Promise<PairingRequestRow> {
    const row = UUID.test(id) ? await this.pairing.findById(id) : null;
    if (!row || row.userId !== userId) throw new AppError('NOT_FOUND', 'No such pairing request.');
    if (row.status !== 'open') throw notOpen(row.status);
    return row;
  }

  /**
   * The job run when a request is created or changed: its best partners among the open requests,
   * claimed in order until one claim wins.
   */
  async matchRequest(requestId: string, now = new Date(), lead = MATCH_LEAD_MS): Promise<string | null> {
    const target = await this.pairing.findById(requestId);
    if (!target || target.status !== 'open' || target.lastSlotEnd <= now) return null;
    const others = await this.pairing.openPartnersFor(target, now, adjacentLevels(target.level));
    const requests = [target, ...others];
    const context = await this.contextFor(requests, now, lead);
    const proposals = bestMatchesFor(toMatchRequest(target), requests.slice(1).map(toMatchRequest), context).slice(0, MAX_CLAIM_ATTEMPTS);
    const round = await this.prepareRound(requests, proposals);
    for (const proposal of proposals) {
      const outcome = await this.claim(proposal, round);
      if (outcome.claimed) return outcome.matchId;
    }
    return null;
  }

  /** The periodic sweep: expire requests whose time has passed, then match everything still open. */
  async sweep(now = new Date()): Promise<MatchRoundResult> {
    const expired = await this.pairing.expirePast(now);
    const requests = await this.pairing.openRequests(now);
    const context = await this.contextFor(requests, now, MATCH_LEAD_MS);
    const plan = planMatches(requests.map(toMatchRequest), context);
    const round = await this.prepareRound(requests, plan);
    // A round's pairs share nobody, so a few claims run side by side; each is its own transaction.
    let matched = 0;
    let next = 0;
    const claimer = async () => {
      while (next < plan.length) {
        const proposal = plan[next++];
        if ((await this.claim(proposal, round)).claimed) matched += 1;
      }
    };
    await Promise.all(Array.from({ length: SWEEP_CLAIM_CONCURRENCY }, claimer));
    return { proposed: plan.length, matched, expired };
  }

  /**
   * After a no-show, the person who came gets a rematch request covering the next hour with the
   * same level, topics, role and length as the request that was matched, and the matchmaker runs
   * for it at once. Unmatched, it stays on their Practise page and expires with its slot.
   */
  async offerRematch(interviewId: string, presentUserIds: string[], now = new Date()): Promise<string[]> {
    const match = await this.pairing.matchOfInterview(interviewId);
    if (!match) return [];
    const created: string[] = [];
    for (const userId of presentUserIds) {
      const original = match.requests.find((request) => request.userId === userId);
      if (!original) continue;
      const start = now.getTime();
      const end = start + REMATCH_WINDOW_MS + original.lengthMinutes * MINUTE_MS;
      const row = await this.pairing.create({
        userId,
        slots: [{ start: new Date(start).toISOString(), end: new Date(end).toISOString() }],
        timezone: original.timezone,
        level: original.level,
        topics: original.topics,
        role: original.role,
        lengthMinutes: original.lengthMinutes,
      });
      created.push(row.id);
      await this.matchRequest(row.id, now, REMATCH_LEAD_MS).catch((error: unknown) => {
        this.logger.warn(`rematch for ${userId} not run now (the sweep will retry): ${error instanceof Error ? error.message : String(error)}`);
      });
    }
    return created;
  }

  /** The caller's own show-up record over the window the matchmaker reads, with each miss and why. */
  async showUpRecord(userId: string, now = new Date()): Promise<ShowUpRecord> {
    const since = new Date(now.getTime() - ATTENDANCE_DAYS * DAY_MS);
    const [attendance, misses] = await Promise.all([this.pairing.attendance([userId], since), this.pairing.missedSessions(userId, since)]);
    const { sessions, failures } = attendance.get(userId) ?? { sessions: 0, failures: 0 };
    return {
      windowDays: ATTENDANCE_DAYS,
      attended: sessions,
      missed: failures,
      reliability: showUpReliability(sessions, failures),
      misses: misses.map((miss) => ({ interviewId: miss.interviewId, title: miss.title, scheduledAt: miss.scheduledAt.toISOString(), kind: miss.kind })),
    };
  }

  /** What the scorer needs to know about the people behind these requests. */
  private async contextFor(requests: readonly PairingRequest[], now: Date, lead: number): Promise<MatchContext> {
    const userIds = [...new Set(requests.map((request) => request.userId))];
    const [busy, attendance, met, peerRating] = await Promise.all([
      this.pairing.busyIntervals(userIds, now),
      this.pairing.attendance(userIds, new Date(now.getTime() - ATTENDANCE_DAYS * DAY_MS)),
      this.pairing.metSince(userIds, new Date(now.getTime() - MET_RECENTLY_DAYS * DAY_MS)),
      this.scoring.peerRatings(userIds),
    ]);
    const reliability = new Map<string, number>();
    for (const [userId, record] of attendance) reliability.set(userId, showUpReliability(record.sessions, record.failures));
    return {
      earliestStart: now.getTime() + lead,
      now: now.getTime(),
      busy,
      reliability,
      peerRating,
      metRecently: new Set(met.map(([a, b]) => pairKey(a, b))),
    };
  }

  /** What every claim of one round needs, read once: the question bank, scripts, emails, past questions. */
  private async prepareRound(requests: readonly PairingRequest[], proposals: readonly ProposedMatch[]): Promise<Round> {
    const userIds = [...new Set(proposals.flatMap((proposal) => proposal.userIds))];
    const [questions, emails, asked, standard, extended] = await Promise.all([
      this.pairing.questions(),
      this.pairing.emails(userIds),
      this.pairing.askedQuestionIdsByUser(userIds),
      this.pairing.builtInScript(SCRIPT_FOR_HALF[45]),
      this.pairing.builtInScript(SCRIPT_FOR_HALF[60]),
    ]);
    return {
      rows: new Map(requests.map((row) => [row.id, row])),
      questions,
      emails: new Map(emails.map((user) => [user.id, user.email])),
      asked,
      scripts: new Map([
        [45, standard?.id ?? null],
        [60, extended?.id ?? null],
      ]),
    };
  }

  private async claim(proposal: ProposedMatch, round: Round): Promise<ClaimOutcome> {
    const [first, second] = proposal.requestIds.map((id) => round.rows.get(id) as PairingRequest);
    const halves = this.planHalves(proposal, first, second, round);
    const outcome = await this.pairing.claim(
      {
        requests: [first, second].map((row) => ({ id: row.id, userId: row.userId, updatedAt: row.updatedAt })),
        start: new Date(proposal.start),
        end: new Date(proposal.end),
        firstCandidateId: proposal.firstCandidateUserId,
        score: proposal.score,
      },
      (tx) => this.interviews.createMatched(tx, first.userId, halves),
    );
    if (!outcome.claimed) return outcome;
    for (const interviewId of outcome.interviewIds) {
      await this.events.emit(DomainEvent.interviewScheduled, { interviewId, source: 'match' });
    }
    await this.events.emit(DomainEvent.pairingMatched, {
      matchId: outcome.matchId,
      interviewIds: outcome.interviewIds,
      userIds: [...proposal.userIds],
      requestIds: [...proposal.requestIds],
    });
    return outcome;
  }

  /** Two back-to-back halves; each person is the candidate once, on a question new to them. */
  private planHalves(proposal: ProposedMatch, first: PairingRequest, second: PairingRequest, round: Round): [NewMatchedInterview, NewMatchedInterview] {
    const halfMinutes = first.lengthMinutes / 2;
    const scriptId = round.scripts.get(halfMinutes);
    if (!scriptId) throw new Error(`no built-in script for ${halfMinutes}-minute halves; has the content been seeded?`);
    const candidates = proposal.firstCandidateUserId === first.userId ? [first, second] : [second, first];
    const halves: NewMatchedInterview[] = [];
    for (const [index, candidate] of candidates.entries()) {
      const interviewer = candidates[1 - index];
      // The second half avoids the first half's question too: its interviewer has just answered it.
      const asked = new Set(round.asked.get(candidate.userId));
      for (const half of halves) if (half.questionId) asked.add(half.questionId);
      const question = pickQuestion(round.questions, candidate.level, proposal.sharedTopics, asked);
      halves.push({
        title: `${question?.title ?? 'System design practice'} · round ${index + 1} of 2`,
        questionId: question?.id ?? null,
        scriptId,
        scheduledAt: new Date(proposal.start + index * halfMinutes * MINUTE_MS),
        interviewer: { userId: interviewer.userId, email: round.emails.get(interviewer.userId) ?? '' },
        candidate: { userId: candidate.userId, email: round.emails.get(candidate.userId) ?? '' },
      });
    }
    return [halves[0], halves[1]];
  }
}

interface Round {
  rows: ReadonlyMap<string, PairingRequest>;
  questions: Awaited<ReturnType<PairingRepository['questions']>>;
  emails: ReadonlyMap<string, string>;
  asked: ReadonlyMap<string, ReadonlySet<string>>;
  /** Built-in script id by half length in minutes. */
  scripts: ReadonlyMap<number, string | null>;
}

function adjacentLevels(level: Level): Level[] {
  const rank = LEVELS.indexOf(level);
  return LEVELS.filter((_, index) => Math.abs(index - rank) <= 1);
}

/**
 * A question the candidate has not been asked, on a shared topic, at their level; failing that the
 * nearest level; failing that any unasked question; and only then one asked before. Among equals
 * the most shared topics, then the slug, so the choice is stable.
 */
export function pickQuestion<Q extends { id: string; slug: string; level: string; topics: string[] }>(
  questions: readonly Q[],
  level: string,
  topics: readonly string[],
  asked: ReadonlySet<string>,
): Q | null {
  const key = (question: Q) => {
    const shared = question.topics.filter((topic) => topics.includes(topic)).length;
    const distance = Math.abs(LEVELS.indexOf(question.level as Level) - LEVELS.indexOf(level as Level));
    return [asked.has(question.id) ? 1 : 0, shared > 0 ? 0 : 1, distance, -shared];
  };
  const compare = (a: Q, b: Q) => {
    const [keyA, keyB] = [key(a), key(b)];
    const index = keyA.findIndex((value, i) => value !== keyB[i]);
    return index === -1 ? a.slug.localeCompare(b.slug) : keyA[index] - keyB[index];
  };
  return [...questions].sort(compare)[0] ?? null;
}

function notOpen(status?: string): AppError {
  return new AppError(
    'CONFLICT',
    status === 'matched' ? 'This request has been matched; cancel the interview instead.' : 'This request is no longer open.',
  );
}

function normaliseSlots(slots: { start: string; end: string }[]): { start: string; end: string }[] {
  return slots
    .map((slot) => ({ start: new Date(slot.start).toISOString(), end: new Date(slot.end).toISOString() }))
    .sort((a, b) => a.start.localeCompare(b.start));
}

function toMatchRequest(row: PairingRequest): MatchRequest {
  const slots = (row.slots as { start: string; end: string }[]).map((slot) => ({ start: Date.parse(slot.start), end: Date.parse(slot.end) }));
  return {
    id: row.id,
    userId: row.userId,
    slots,
    level: row.level,
    topics: row.topics,
    role: row.role,
    lengthMinutes: row.lengthMinutes,
    createdAt: row.createdAt.getTime(),
  };
}

function toView(row: PairingRequestRow): PairingRequestView {
  return {
    id: row.id,
    status: row.status,
    ...(row.match
      ? {
          interviewId: row.match.firstInterviewId,
          interviewIds: [row.match.firstInterviewId, row.match.secondInterviewId],
          startsAt: row.match.startsAt.toISOString(),
        }
      : {}),
    slots: row.slots as { start: string; end: string }[],
    timezone: row.timezone,
    level: row.level,
    topics: row.topics,
    role: row.role,
    lengthMinutes: row.lengthMinutes,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
