import { LEVELS } from '@pairboard/contracts';
import fc from 'fast-check';
import {
  compatible,
  earliestCommonStart,
  Interval,
  MatchContext,
  MatchRequest,
  MatchRole,
  pairKey,
  planMatches,
  bestMatchesFor,
  subtractIntervals,
} from './matchmaking';

const HOUR = 3_600_000;
const MINUTE = 60_000;
const T0 = Date.UTC(2030, 0, 7, 0, 0, 0);

function request(overrides: Partial<MatchRequest> & { id: string }): MatchRequest {
  return {
    userId: `user-${overrides.id}`,
    slots: [{ start: T0 + 10 * HOUR, end: T0 + 13 * HOUR }],
    level: 'mid',
    topics: ['caching'],
    role: 'either',
    lengthMinutes: 90,
    createdAt: T0 - HOUR,
    ...overrides,
  };
}

const context: MatchContext = { earliestStart: T0 };

describe('matchmaking rules', () => {
  it('pairs compatible requests at the earliest common start', () => {
    const a = request({ id: 'a', slots: [{ start: T0 + 9 * HOUR, end: T0 + 12 * HOUR }], role: 'candidate' });
    const b = request({ id: 'b', slots: [{ start: T0 + 10 * HOUR + 2 * MINUTE, end: T0 + 14 * HOUR }], role: 'interviewer', level: 'senior' });
    const [match] = planMatches([a, b], context);
    expect(match).toMatchObject({
      requestIds: ['a', 'b'],
      start: T0 + 10 * HOUR + 5 * MINUTE,
      end: T0 + 11 * HOUR + 35 * MINUTE,
      firstCandidateUserId: 'user-a',
      sharedTopics: ['caching'],
    });
  });

  it.each<[string, Partial<MatchRequest>]>([
    ['levels two apart', { level: 'senior' }],
    ['no shared topic', { topics: ['queues'] }],
    ['two interviewers', { role: 'interviewer' }],
    ['different lengths', { lengthMinutes: 120 }],
    ['the same person', { userId: 'user-a' }],
  ])('refuses %s', (_label, overrides) => {
    const a = request({ id: 'a', level: 'junior', role: 'interviewer' });
    const b = request({ id: 'b', level: 'junior', role: 'candidate', ...overrides });
    expect(compatible(a, b)).toBe(false);
    expect(planMatches([a, b], context)).toEqual([]);
  });

  it('needs an overlap long enough for the whole session, outside busy times', () => {
    const a = request({ id: 'a', slots: [{ start: T0 + 10 * HOUR, end: T0 + 12 * HOUR }] });
    const b = request({ id: 'b', slots: [{ start: T0 + 11 * HOUR, end: T0 + 14 * HOUR }] });
    expect(earliestCommonStart(a, b, context)).toBeNull();
    const c = request({ id: 'c', slots: [{ start: T0 + 10 * HOUR, end: T0 + 16 * HOUR }] });
    const busy = new Map([['user-c', [{ start: T0 + 10 * HOUR, end: T0 + 11 * HOUR }]]]);
    expect(earliestCommonStart(b, c, { earliestStart: T0, busy })).toBe(T0 + 11 * HOUR);
    expect(earliestCommonStart(a, c, { earliestStart: T0, busy })).toBeNull();
  });

  it('prefers people who have not met, then reliable people, then those who waited longer', () => {
    const a = request({ id: 'a', createdAt: T0 - 5 * 24 * HOUR });
    const b = request({ id: 'b' });
    const c = request({ id: 'c' });
    expect(planMatches([a, b, c], context)[0].requestIds).toEqual(['a', 'b']);
    const metRecently = new Set([pairKey('user-a', 'user-b')]);
    expect(planMatches([a, b, c], { earliestStart: T0, metRecently })[0].requestIds).toEqual(['a', 'c']);
    const reliability = new Map([['user-b', 0.2]]);
    expect(planMatches([a, b, c], { earliestStart: T0, reliability })[0].requestIds).toEqual(['a', 'c']);
    const peerRating = new Map([['user-b', 0], ['user-c', 1]]);
    expect(planMatches([a, b, c], { earliestStart: T0, peerRating })[0].requestIds).toEqual(['a', 'c']);
    const d = request({ id: 'd', createdAt: T0 - 9 * 24 * HOUR });
    expect(bestMatchesFor(b, [a, c, d], context).map((match) => match.requestIds)).toEqual([
      ['b', 'd'],
      ['a', 'b'],
      ['b', 'c'],
    ]);
  });

  it('subtracts busy intervals', () => {
    expect(subtractIntervals([{ start: 0, end: 10 }], [{ start: 2, end: 3 }, { start: 5, end: 12 }])).toEqual([
      { start: 0, end: 2 },
      { start: 3, end: 5 },
    ]);
  });
});

const ROLES: MatchRole[] = ['interviewer', 'candidate', 'either'];
const TOPICS = ['caching', 'queues', 'sharding', 'geo', 'search'];

const slotsArbitrary = fc
  .array(fc.record({ startHalfHour: fc.integer({ min: 0, max: 48 * 7 }), halfHours: fc.integer({ min: 1, max: 16 }) }), { minLength: 1, maxLength: 4 })
  .map((raw) => {
    const slots: Interval[] = [];
    for (const { startHalfHour, halfHours } of [...raw].sort((x, y) => x.startHalfHour - y.startHalfHour)) {
      const start = T0 + startHalfHour * 30 * MINUTE;
      if (slots.length > 0 && start < slots[slots.length - 1].end) continue;
      slots.push({ start, end: start + halfHours * 30 * MINUTE });
    }
    return slots;
  });

const requestsArbitrary = fc
  .array(
    fc.record({
      user: fc.integer({ min: 0, max: 12 }),
      slots: slotsArbitrary,
      level: fc.constantFrom(...LEVELS),
      topics: fc.subarray(TOPICS, { minLength: 1 }),
      role: fc.constantFrom(...ROLES),
      lengthMinutes: fc.constantFrom(90, 120),
      waitedHours: fc.integer({ min: 0, max: 500 }),
    }),
    { maxLength: 30 },
  )
  .map((rows) =>
    rows.map(
      (row, index): MatchRequest => ({
        id: `r${String(index).padStart(3, '0')}`,
        userId: `u${row.user}`,
        slots: row.slots,
        level: row.level,
        topics: row.topics,
        role: row.role,
        lengthMinutes: row.lengthMinutes,
        createdAt: T0 - row.waitedHours * HOUR,
      }),
    ),
  );

const busyArbitrary = fc.array(
  fc.record({ user: fc.integer({ min: 0, max: 12 }), startHalfHour: fc.integer({ min: 0, max: 48 * 7 }), halfHours: fc.integer({ min: 1, max: 6 }) }),
  { maxLength: 10 },
);

describe('matchmaking properties', () => {
  it('books nobody twice, pairs only compatible requests inside both slots and outside busy times, and is deterministic', () => {
    fc.assert(
      fc.property(requestsArbitrary, busyArbitrary, fc.integer({ min: 0, max: 1000 }), (requests, rawBusy, seed) => {
        const busy = new Map<string, Interval[]>();
        for (const entry of rawBusy) {
          const list = busy.get(`u${entry.user}`) ?? [];
          list.push({ start: T0 + entry.startHalfHour * 30 * MINUTE, end: T0 + (entry.startHalfHour + entry.halfHours) * 30 * MINUTE });
          busy.set(`u${entry.user}`, list.sort((x, y) => x.start - y.start));
        }
        const ctx: MatchContext = { earliestStart: T0 + HOUR, busy, metRecently: new Set([pairKey('u1', 'u2')]), reliability: new Map([['u3', 0.5]]) };
        const matches = planMatches(requests, ctx);
        const byId = new Map(requests.map((r) => [r.id, r]));

        const users = matches.flatMap((match) => match.userIds);
        expect(new Set(users).size).toBe(users.length);
        const ids = matches.flatMap((match) => match.requestIds);
        expect(new Set(ids).size).toBe(ids.length);

        for (const match of matches) {
          const [a, b] = match.requestIds.map((id) => byId.get(id) as MatchRequest);
          expect(compatible(a, b)).toBe(true);
          expect(match.start).toBeGreaterThanOrEqual(ctx.earliestStart);
          expect(match.end - match.start).toBe(a.lengthMinutes * MINUTE);
          for (const side of [a, b]) {
            expect(side.slots.some((slot) => slot.start <= match.start && match.end <= slot.end)).toBe(true);
            for (const booked of busy.get(side.userId) ?? []) expect(booked.end <= match.start || booked.start >= match.end).toBe(true);
          }
          expect(match.userIds).toContain(match.firstCandidateUserId);
        }

        // Same input in another order: the same plan.
        const shuffled = [...requests].sort((x, y) => ((x.id.charCodeAt(3) * seed) % 7) - ((y.id.charCodeAt(3) * seed) % 7));
        expect(planMatches(shuffled, ctx)).toEqual(matches);
      }),
      { numRuns: 300 },
    );
  });

  it('leaves no compatible pair of unmatched people behind (the plan is maximal)', () => {
    fc.assert(
      fc.property(requestsArbitrary, (requests) => {
        const ctx: MatchContext = { earliestStart: T0 };
        const matches = planMatches(requests, ctx);
        const taken = new Set(matches.flatMap((match) => match.userIds));
        const left = requests.filter((r) => !taken.has(r.userId));
        expect(planMatches(left, ctx)).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });
});
