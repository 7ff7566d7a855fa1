/**
 * The matchmaker's pure core: which open pairing requests may be paired, how good a pair is, and a
 * deterministic greedy choice of pairs. No I/O: the API feeds it rows and claims what it proposes.
 */
import { LEVELS, type Level } from '@pairboard/contracts';

export type MatchRole = 'interviewer' | 'candidate' | 'either';

export interface Interval {
  start: number;
  end: number;
}

export interface MatchRequest {
  id: string;
  userId: string;
  /** Epoch ms, sorted, non-overlapping. */
  slots: readonly Interval[];
  level: Level;
  topics: readonly string[];
  role: MatchRole;
  lengthMinutes: number;
  /** Epoch ms; older requests have waited longer and weigh more (fairness). */
  createdAt: number;
}

export interface MatchContext {
  /** Nothing starts before this (epoch ms). */
  earliestStart: number;
  /** Times each user is already booked (scheduled or live interviews). */
  busy?: ReadonlyMap<string, readonly Interval[]>;
  /** Show-up record per user in [0, 1]; unknown users count as 1 (no reason to doubt them). */
  reliability?: ReadonlyMap<string, number>;
  /** How the people this user interviewed rated them, in [0, 1]; unknown users count as 0.75. */
  peerRating?: ReadonlyMap<string, number>;
  /** Pair keys (`pairKey`) of people who met recently. */
  metRecently?: ReadonlySet<string>;
  /** The time waiting is measured to (epoch ms); defaults to `earliestStart`. */
  now?: number;
}

export interface ProposedMatch {
  /** Sorted so that `requestIds[0] < requestIds[1]`. */
  requestIds: [string, string];
  userIds: [string, string];
  start: number;
  end: number;
  /** The candidate of the first half; the other person is candidate in the second. */
  firstCandidateUserId: string;
  sharedTopics: string[];
  score: number;
}

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
/** Sessions start on five-minute marks: easier to remember, and ties between starts are rarer. */
const START_GRANULARITY_MS = 5 * MINUTE_MS;

/**
 * Show-up record in [0, 1] from sessions attended and missed (no-shows, late cancellations). Two
 * imaginary good sessions are added, so one missed session does not sink a newcomer's record.
 */
export function showUpReliability(attended: number, missed: number): number {
  return (attended + 2) / (attended + missed + 2);
}

/** A newcomer as interviewer: neither rewarded nor held back against people with middling ratings. */
export const UNRATED_PEER = 0.75;

/** Score weights. Having met recently outweighs everything else; waiting counts up to two weeks. */
export const SCORE_WEIGHTS = {
  metRecentlyPenalty: 100,
  reliability: 20,
  /** Good interviewers are worth pairing with, but showing up matters more. */
  peerRating: 8,
  waitingPerDay: 2,
  maxWaitingDays: 14,
  /** A small preference for sooner sessions so people are not kept waiting for a later slot. */
  soonerPerDay: 0.5,
} as const;

export function pairKey(userA: string, userB: string): string {
  return userA < userB ? `${userA}|${userB}` : `${userB}|${userA}`;
}

export function levelsCompatible(a: Level, b: Level): boolean {
  return Math.abs(LEVELS.indexOf(a) - LEVELS.indexOf(b)) <= 1;
}

export function rolesCompatible(a: MatchRole, b: MatchRole): boolean {
  return a === 'either' || b === 'either' || a !== b;
}

export function sharedTopics(a: readonly string[], b: readonly string[]): string[] {
  const other = new Set(b);
  return [...new Set(a)].filter((topic) => other.has(topic)).sort();
}

/** `from` minus every interval of `remove`; both sorted, result sorted. */
export function subtractIntervals(from: readonly Interval[], remove: readonly Interval[]): Interval[] {
  const result: Interval[] = [];
  for (const interval of from) {
    let pieces: Interval[] = [{ start: interval.start, end: interval.end }];
    for (const cut of remove) {
      if (cut.end <= interval.start || cut.start >= interval.end) continue;
      pieces = pieces.flatMap((piece) => {
        if (cut.end <= piece.start || cut.start >= piece.end) return [piece];
        const parts: Interval[] = [];
        if (cut.start > piece.start) parts.push({ start: piece.start, end: cut.start });
        if (cut.end < piece.end) parts.push({ start: cut.end, end: piece.end });
        return parts;
      });
    }
    result.push(...pieces);
  }
  return result;
}

export function intersectIntervals(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  const result: Interval[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const start = Math.max(a[i].start, b[j].start);
    const end = Math.min(a[i].end, b[j].end);
    if (start < end) result.push({ start, end });
    if (a[i].end < b[j].end) i++;
    else j++;
  }
  return result;
}

function roundUp(time: number, step: number): number {
  return Math.ceil(time / step) * step;
}

/** The earliest start at which both can meet for `lengthMinutes`, or null. */
export function earliestCommonStart(a: MatchRequest, b: MatchRequest, context: MatchContext): number | null {
  const length = a.lengthMinutes * MINUTE_MS;
  const common = intersectIntervals(a.slots, b.slots);
  if (common.length === 0) return null;
  const busyA = context.busy?.get(a.userId);
  const busyB = context.busy?.get(b.userId);
  const busy = busyA || busyB ? [...(busyA ?? []), ...(busyB ?? [])].sort((x, y) => x.start - y.start) : [];
  const free = busy.length > 0 ? subtractIntervals(common, busy) : common;
  for (const interval of free) {
    const start = roundUp(Math.max(interval.start, context.earliestStart), START_GRANULARITY_MS);
    if (start + length <= interval.end) return start;
  }
  return null;
}

/** Everything but time: different people, same session length, levels at most one apart, a shared topic, roles that fit. */
export function compatible(a: MatchRequest, b: MatchRequest): boolean {
  return (
    a.userId !== b.userId &&
    a.lengthMinutes === b.lengthMinutes &&
    levelsCompatible(a.level, b.level) &&
    rolesCompatible(a.role, b.role) &&
    a.topics.some((topic) => b.topics.includes(topic))
  );
}

/** Who is the candidate first: the one who asked to be; between two "either", the one who waited longer. */
export function firstCandidate(a: MatchRequest, b: MatchRequest): string {
  if (a.role === 'candidate' || b.role === 'interviewer') return a.userId;
  if (b.role === 'candidate' || a.role === 'interviewer') return b.userId;
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? a.userId : b.userId;
  return a.id < b.id ? a.userId : b.userId;
}

export function scorePair(a: MatchRequest, b: MatchRequest, start: number, context: MatchContext): number {
  const now = context.now ?? context.earliestStart;
  const waitedDays = (request: MatchRequest) => Math.min(SCORE_WEIGHTS.maxWaitingDays, Math.max(0, now - request.createdAt) / (24 * HOUR_MS));
  const reliability = (userId: string) => context.reliability?.get(userId) ?? 1;
  const rating = (userId: string) => context.peerRating?.get(userId) ?? UNRATED_PEER;
  let score = SCORE_WEIGHTS.reliability * (reliability(a.userId) + reliability(b.userId));
  score += SCORE_WEIGHTS.peerRating * (rating(a.userId) + rating(b.userId));
  score += SCORE_WEIGHTS.waitingPerDay * (waitedDays(a) + waitedDays(b));
  score -= SCORE_WEIGHTS.soonerPerDay * (Math.max(0, start - now) / (24 * HOUR_MS));
  if (context.metRecently?.has(pairKey(a.userId, b.userId))) score -= SCORE_WEIGHTS.metRecentlyPenalty;
  return score;
}

/** The pair as proposed, or null when the two cannot meet. */
export function proposePair(a: MatchRequest, b: MatchRequest, context: MatchContext): ProposedMatch | null {
  if (!compatible(a, b)) return null;
  const start = earliestCommonStart(a, b, context);
  if (start === null) return null;
  const [first, second] = a.id < b.id ? [a, b] : [b, a];
  return {
    requestIds: [first.id, second.id],
    userIds: [first.userId, second.userId],
    start,
    end: start + first.lengthMinutes * MINUTE_MS,
    firstCandidateUserId: firstCandidate(first, second),
    sharedTopics: sharedTopics(first.topics, second.topics),
    score: scorePair(first, second, start, context),
  };
}

/** Higher score first; then sooner; then the pair holding the oldest request; then ids. Total order. */
export function compareProposals(x: ProposedMatch, y: ProposedMatch): number {
  return y.score - x.score || x.start - y.start || compareIds(x.requestIds, y.requestIds);
}

function compareIds(x: readonly string[], y: readonly string[]): number {
  for (let i = 0; i < x.length; i++) {
    if (x[i] !== y[i]) return x[i] < y[i] ? -1 : 1;
  }
  return 0;
}

/** Requests are indexed by the quarter-days their slots touch: two that touch none in common cannot meet. */
const TIME_BUCKET_MS = 6 * HOUR_MS;

interface Indexed {
  request: MatchRequest;
  position: number;
  /** Topics as bits of 32-bit words: a shared topic is a non-zero AND, without building sets. */
  mask: Uint32Array;
  /** Time buckets (quarter-days since the epoch) that the request's slots touch. */
  days: number[];
}

function sharesTopic(a: Uint32Array, b: Uint32Array): boolean {
  for (let i = 0; i < a.length && i < b.length; i++) if ((a[i] & b[i]) !== 0) return true;
  return false;
}

/**
 * Every compatible pair, scored. Only requests that can meet are compared: they are bucketed by
 * length and level (levels at most one apart) and, inside a bucket, indexed by the quarter-days their
 * slots touch, so two requests are looked at only when their times come close; topics are compared as
 * bits first.
 */
export function candidatePairs(requests: readonly MatchRequest[], context: MatchContext): ProposedMatch[] {
  const topicBits = new Map<string, number>();
  for (const request of requests) for (const topic of request.topics) if (!topicBits.has(topic)) topicBits.set(topic, topicBits.size);
  const words = Math.max(1, Math.ceil(topicBits.size / 32));
  const index = (request: MatchRequest, position: number): Indexed => {
    const mask = new Uint32Array(words);
    for (const topic of request.topics) {
      const bit = topicBits.get(topic) as number;
      mask[bit >>> 5] |= 1 << (bit & 31);
    }
    const days = new Set<number>();
    for (const slot of request.slots) {
      for (let day = Math.floor(slot.start / TIME_BUCKET_MS); day <= Math.floor((slot.end - 1) / TIME_BUCKET_MS); day++) days.add(day);
    }
    return { request, position, mask, days: [...days] };
  };

  const buckets = new Map<string, Map<number, Indexed[]>>();
  const bucketKey = (length: number, rank: number) => `${length}|${rank}`;
  const all: { item: Indexed; length: number; rank: number; position: number }[] = [];
  requests.forEach((request, position) => {
    const item = index(request, position);
    const rank = LEVELS.indexOf(request.level);
    const key = bucketKey(request.lengthMinutes, rank);
    const byDay = buckets.get(key) ?? new Map<number, Indexed[]>();
    for (const day of item.days) {
      const list = byDay.get(day) ?? [];
      list.push(item);
      byDay.set(day, list);
    }
    buckets.set(key, byDay);
    all.push({ item, length: request.lengthMinutes, rank, position });
  });

  const proposals: ProposedMatch[] = [];
  // seenBy[b] === a + 1 once the pair (a, b) was looked at: a request shares several days with another.
  const seenBy = new Int32Array(requests.length);
  for (const { item: a, length, rank, position } of all) {
    // Each unordered pair once: the same bucket only towards later requests, the level above always.
    for (const [targetRank, onlyLater] of [
      [rank, true],
      [rank + 1, false],
    ] as const) {
      const byDay = buckets.get(bucketKey(length, targetRank));
      if (!byDay) continue;
      for (const day of a.days) {
        for (const b of byDay.get(day) ?? []) {
          if (seenBy[b.position] === position + 1 || (onlyLater && b.position <= position)) continue;
          seenBy[b.position] = position + 1;
          if (a.request.userId === b.request.userId || !rolesCompatible(a.request.role, b.request.role) || !sharesTopic(a.mask, b.mask)) continue;
          const proposal = proposePair(a.request, b.request, context);
          if (proposal) proposals.push(proposal);
        }
      }
    }
  }
  return proposals;
}

/**
 * Greedy by score: take the best remaining pair whose people are both still free, repeat. Maximum
 * weight matching (blossom, O(n³)) is out of reach for thousands of requests in a job; greedy is
 * within half of the optimum, runs in O(p log p) for p candidate pairs, and is easy to explain.
 * Each request and each person is used at most once per round, so nobody is double-booked by it.
 */
export function planMatches(requests: readonly MatchRequest[], context: MatchContext): ProposedMatch[] {
  const proposals = candidatePairs(requests, context).sort(compareProposals);
  const takenUsers = new Set<string>();
  const chosen: ProposedMatch[] = [];
  for (const proposal of proposals) {
    if (proposal.userIds.some((userId) => takenUsers.has(userId))) continue;
    proposal.userIds.forEach((userId) => takenUsers.add(userId));
    chosen.push(proposal);
  }
  return chosen;
}

/** The best partners for one request, best first (used when a request is created or changed). */
export function bestMatchesFor(target: MatchRequest, others: readonly MatchRequest[], context: MatchContext): ProposedMatch[] {
  const proposals: ProposedMatch[] = [];
  for (const other of others) {
    if (other.id === target.id) continue;
    const proposal = proposePair(target, other, context);
    if (proposal) proposals.push(proposal);
  }
  return proposals.sort(compareProposals);
}
