import { EventEmitter2 } from '@nestjs/event-emitter';
import { Queue } from 'bullmq';
import Redis from 'ioredis';
import { JobsService } from '../../src/base/jobs';
import { PrismaService } from '../../src/base/prisma';
import { ContentService } from '../../src/core/content';
import { DomainEvent } from '../../src/core/events';
import { PairingService } from '../../src/core/pairing';
import { acceptInvitations, markEmailVerified } from '../support/accounts';
import { flushRedis, resetDatabase, startTestApp, TestApp, uniqueEmail } from '../support/test-app';

const PASSWORD = 'correct horse battery staple';
const HOUR = 3_600_000;
const MINUTE = 60_000;

/** A day at least two days ahead, at 00:00 UTC, so every slot below is in the future. */
function dayAhead(days = 2): number {
  const now = new Date();
  return Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + days);
}

function slot(startMs: number, hours: number) {
  return { start: new Date(startMs).toISOString(), end: new Date(startMs + hours * HOUR).toISOString() };
}

function body(overrides: Record<string, unknown> = {}) {
  const day = dayAhead();
  return {
    slots: [slot(day + 10 * HOUR, 3)],
    timezone: 'Europe/Paris',
    level: 'mid',
    topics: ['caching', 'queues'],
    role: 'either',
    lengthMinutes: 90,
    ...overrides,
  };
}

describe('pairing requests and the matchmaker', () => {
  let api: TestApp;
  let prisma: PrismaService;
  let pairing: PairingService;

  beforeAll(async () => {
    // Jobs are run by hand here so each test decides when matching happens.
    api = await startTestApp({ JOBS_WORKER: 'false' });
    prisma = api.app.get(PrismaService);
    pairing = api.app.get(PairingService);
  });
  afterAll(() => api.close());
  beforeEach(async () => {
    await resetDatabase();
    await api.app.get(ContentService).seedBuiltIns();
  });

  async function signUp(name: string) {
    const email = uniqueEmail(name.toLowerCase());
    const response = await api.http.post('/api/auth/register').send({ email, password: PASSWORD, name }).expect(201);
    await markEmailVerified(response.body.user.id);
    return { email, id: response.body.user.id as string, auth: `Bearer ${response.body.accessToken}` };
  }

  async function file(user: { auth: string }, overrides: Record<string, unknown> = {}): Promise<string> {
    const response = await api.http.post('/api/pairing/requests').set('Authorization', user.auth).send(body(overrides));
    expect(response.status).toBe(201);
    expect(response.body).toEqual({ id: expect.any(String), status: 'open' });
    return response.body.id;
  }

  describe('REST', () => {
    it('files, lists, edits and cancels a request', async () => {
      const alice = await signUp('Alice');
      const id = await file(alice);
      const list = await api.http.get('/api/pairing/requests').set('Authorization', alice.auth).expect(200);
      expect(list.body.items).toEqual([
        expect.objectContaining({ id, status: 'open', level: 'mid', topics: ['caching', 'queues'], role: 'either', lengthMinutes: 90, timezone: 'Europe/Paris' }),
      ]);
      expect(list.body.items[0].interviewId).toBeUndefined();

      const edited = await api.http.patch(`/api/pairing/requests/${id}`).set('Authorization', alice.auth).send({ level: 'senior', topics: ['geo'] }).expect(200);
      expect(edited.body).toMatchObject({ id, status: 'open', level: 'senior', topics: ['geo'] });

      await api.http.delete(`/api/pairing/requests/${id}`).set('Authorization', alice.auth).expect(204);
      const again = await api.http.delete(`/api/pairing/requests/${id}`).set('Authorization', alice.auth).expect(409);
      expect(again.body.error.code).toBe('CONFLICT');
      await api.http.patch(`/api/pairing/requests/${id}`).set('Authorization', alice.auth).send({ level: 'mid' }).expect(409);
      const after = await api.http.get('/api/pairing/requests').set('Authorization', alice.auth).expect(200);
      expect(after.body.items[0].status).toBe('cancelled');
    });

    it('hides other people’s requests with 404 and needs a signed-in user', async () => {
      const alice = await signUp('Alice');
      const eve = await signUp('Eve');
      const id = await file(alice);
      for (const target of [id, 'not-a-uuid', '00000000-0000-4000-8000-000000000000']) {
        const deleted = await api.http.delete(`/api/pairing/requests/${target}`).set('Authorization', eve.auth).expect(404);
        expect(deleted.body.error.code).toBe('NOT_FOUND');
        await api.http.patch(`/api/pairing/requests/${target}`).set('Authorization', eve.auth).send({ level: 'mid' }).expect(404);
      }
      const eveList = await api.http.get('/api/pairing/requests').set('Authorization', eve.auth).expect(200);
      expect(eveList.body.items).toEqual([]);
      await api.http.get('/api/pairing/requests').expect(401);
      await api.http.post('/api/pairing/requests').send(body()).expect(401);
    });

    const day = dayAhead();
    it.each<[string, Record<string, unknown>, string]>([
      ['a slot in the past', { slots: [slot(Date.now() - 2 * HOUR, 1)] }, 'slots.0.start'],
      ['a slot shorter than 30 minutes', { slots: [slot(day + 10 * HOUR, 0.25)] }, 'slots.0.end'],
      ['a slot longer than 8 hours', { slots: [slot(day + 1 * HOUR, 9)] }, 'slots.0.end'],
      ['overlapping slots', { slots: [slot(day + 10 * HOUR, 2), slot(day + 11 * HOUR, 2)] }, 'slots.1.start'],
      ['a slot beyond four weeks', { slots: [slot(dayAhead(30), 2)] }, 'slots.0.end'],
      ['more than 21 slots', { slots: Array.from({ length: 22 }, (_, i) => slot(day + i * 2 * HOUR, 1)) }, 'slots'],
      ['no slot', { slots: [] }, 'slots'],
      ['a made-up time zone', { timezone: 'Mars/Olympus' }, 'timezone'],
      ['a topic outside the question bank', { topics: ['caching', 'astrology'] }, 'topics.1'],
      ['no topic', { topics: [] }, 'topics'],
      ['an unsupported length', { lengthMinutes: 75 }, 'lengthMinutes'],
      ['an unknown level', { level: 'principal' }, 'level'],
      ['an unknown role', { role: 'observer' }, 'role'],
      ['an unknown field', { userId: '00000000-0000-4000-8000-000000000000' }, '(body)'],
    ])('refuses %s with 400', async (_label, overrides, path) => {
      const alice = await signUp('Alice');
      const response = await api.http.post('/api/pairing/requests').set('Authorization', alice.auth).send(body(overrides));
      expect(response.status).toBe(400);
      expect(response.body.error.code).toBe('VALIDATION_FAILED');
      expect(response.body.error.details).toEqual(expect.arrayContaining([expect.objectContaining({ path })]));
    });

    it('refuses an oversized body with 413 and an empty edit with 400', async () => {
      const alice = await signUp('Alice');
      const huge = await api.http.post('/api/pairing/requests').set('Authorization', alice.auth).send(body({ timezone: 'x'.repeat(200_000) }));
      expect(huge.status).toBe(413);
      expect(huge.body.error.code).toBe('PAYLOAD_TOO_LARGE');
      const id = await file(alice);
      await api.http.patch(`/api/pairing/requests/${id}`).set('Authorization', alice.auth).send({}).expect(400);
    });
  });

  describe('jobs', () => {
    let redis: Redis;
    let queue: Queue;
    beforeAll(() => {
      redis = new Redis(process.env.REDIS_URL as string, { maxRetriesPerRequest: null });
      queue = new Queue('pairing', { connection: redis, prefix: 'pairboard' });
    });
    afterAll(async () => {
      await queue.close();
      redis.disconnect();
    });

    it('schedules a match for every version of a request', async () => {
      await flushRedis();
      const alice = await signUp('Alice');
      const id = await file(alice);
      const created = await prisma.pairingRequest.findUniqueOrThrow({ where: { id } });
      expect(await queue.getJob(`pairing.match_${id}_${created.updatedAt.getTime()}`)).toBeDefined();
      await api.http.patch(`/api/pairing/requests/${id}`).set('Authorization', alice.auth).send({ level: 'senior' }).expect(200);
      const edited = await prisma.pairingRequest.findUniqueOrThrow({ where: { id } });
      const jobs = (await queue.getDelayed()).filter((job) => job.name === 'pairing.match').map((job) => job.id);
      expect(jobs.sort()).toEqual([`pairing.match_${id}_${created.updatedAt.getTime()}`, `pairing.match_${id}_${edited.updatedAt.getTime()}`].sort());
    });

    it('keeps exactly one sweep waiting, also after Redis lost everything', async () => {
      await flushRedis();
      const jobs = api.app.get(JobsService);
      await jobs.reconcile();
      await jobs.reconcile();
      const sweeps = (await queue.getDelayed()).filter((job) => job.name === 'pairing.sweep');
      expect(sweeps).toHaveLength(1);
      expect(sweeps[0].timestamp + sweeps[0].delay).toBeGreaterThan(Date.now());
      expect(sweeps[0].timestamp + sweeps[0].delay).toBeLessThanOrEqual(Date.now() + 5 * MINUTE);
    });
  });

  describe('matching', () => {
    it('schedules two back-to-back halves with swapped roles on new questions, and announces them', async () => {
      const alice = await signUp('Alice');
      const bob = await signUp('Bob');
      // Alice has already been the candidate on the chat question: she must get another one.
      const chat = await prisma.question.findUniqueOrThrow({ where: { slug: 'chat-messaging' } });
      const asked = await api.http
        .post('/api/interviews')
        .set('Authorization', bob.auth)
        .send({ questionId: chat.id, invite: [{ email: alice.email, role: 'candidate' }], scheduledAt: new Date(Date.now() - 30 * 24 * HOUR).toISOString() })
        .expect(201);
      await acceptInvitations(api.http, asked.body.id, [alice.auth]);

      const day = dayAhead();
      const aliceRequest = await file(alice, { role: 'candidate', slots: [slot(day + 9 * HOUR, 4)], topics: ['real-time', 'caching'] });
      const bobRequest = await file(bob, { role: 'interviewer', level: 'senior', slots: [slot(day + 11 * HOUR, 5)], topics: ['real-time', 'sharding'] });

      const events: { name: string; payload: unknown }[] = [];
      const bus = api.app.get(EventEmitter2);
      const record = (name: string) => (payload: unknown) => events.push({ name, payload });
      bus.on(DomainEvent.interviewScheduled, record(DomainEvent.interviewScheduled));
      bus.on(DomainEvent.pairingMatched, record(DomainEvent.pairingMatched));

      const matchId = await pairing.matchRequest(bobRequest);
      expect(matchId).toEqual(expect.any(String));

      const aliceList = await api.http.get('/api/pairing/requests').set('Authorization', alice.auth).expect(200);
      const bobList = await api.http.get('/api/pairing/requests').set('Authorization', bob.auth).expect(200);
      const [aliceView] = aliceList.body.items;
      expect(aliceView).toMatchObject({ id: aliceRequest, status: 'matched', startsAt: new Date(day + 11 * HOUR).toISOString() });
      expect(bobList.body.items[0]).toMatchObject({ id: bobRequest, status: 'matched', interviewId: aliceView.interviewId });

      const [first, second] = await Promise.all(
        aliceView.interviewIds.map((id: string) => api.http.get(`/api/interviews/${id}`).set('Authorization', alice.auth).expect(200)),
      );
      expect(first.body.scheduledAt).toBe(new Date(day + 11 * HOUR).toISOString());
      expect(second.body.scheduledAt).toBe(new Date(day + 11 * HOUR + 45 * MINUTE).toISOString());
      expect(first.body.script.name).toBe('Standard, 45 minutes');
      const roles = (interview: { participants: { userId: string; role: string }[] }) =>
        Object.fromEntries(interview.participants.map((participant) => [participant.userId, participant.role]));
      // Alice asked to be the candidate first.
      expect(roles(first.body)).toEqual({ [alice.id]: 'candidate', [bob.id]: 'interviewer' });
      expect(roles(second.body)).toEqual({ [alice.id]: 'interviewer', [bob.id]: 'candidate' });

      const [firstQuestion, secondQuestion] = await Promise.all(
        [first.body.question.id, second.body.question.id].map((id: string) => prisma.question.findUniqueOrThrow({ where: { id } })),
      );
      expect(firstQuestion.id).not.toBe(chat.id);
      expect(firstQuestion.topics).toContain('real-time');
      // The only mid-level real-time question was asked already: the nearest level comes next.
      expect(firstQuestion.level).toBe('senior');
      expect(secondQuestion.topics).toContain('real-time');
      expect(secondQuestion.level).toBe('senior');
      expect(secondQuestion.id).not.toBe(firstQuestion.id);

      expect(events).toEqual([
        { name: DomainEvent.interviewScheduled, payload: { interviewId: first.body.id, source: 'match' } },
        { name: DomainEvent.interviewScheduled, payload: { interviewId: second.body.id, source: 'match' } },
        {
          name: DomainEvent.pairingMatched,
          payload: { matchId, interviewIds: [first.body.id, second.body.id], userIds: expect.arrayContaining([alice.id, bob.id]), requestIds: expect.arrayContaining([aliceRequest, bobRequest]) },
        },
      ]);

      const cancel = await api.http.delete(`/api/pairing/requests/${aliceRequest}`).set('Authorization', alice.auth).expect(409);
      expect(cancel.body.error.message).toMatch(/cancel the interview/);
      await api.http.patch(`/api/pairing/requests/${bobRequest}`).set('Authorization', bob.auth).send({ level: 'mid' }).expect(409);
      bus.removeAllListeners(DomainEvent.interviewScheduled);
      bus.removeAllListeners(DomainEvent.pairingMatched);
    });

    it('leaves incompatible requests open', async () => {
      const alice = await signUp('Alice');
      const bob = await signUp('Bob');
      const carol = await signUp('Carol');
      const day = dayAhead();
      const a = await file(alice, { level: 'junior', role: 'interviewer' });
      await file(bob, { level: 'senior', topics: ['geo'] }); // two levels from Alice, no topic shared with Carol
      await file(carol, { role: 'interviewer' }); // two interviewers
      await file(carol, { slots: [slot(day + 12 * HOUR, 1)] }); // overlap too short for 90 minutes
      expect(await pairing.matchRequest(a)).toBeNull();
      expect((await pairing.sweep()).matched).toBe(0);
      expect(await prisma.interview.count()).toBe(0);
    });

    it('does not book someone into a time they already have an interview', async () => {
      const alice = await signUp('Alice');
      const bob = await signUp('Bob');
      const day = dayAhead();
      await api.http
        .post('/api/interviews')
        .set('Authorization', alice.auth)
        .send({ scheduledAt: new Date(day + 10 * HOUR).toISOString() })
        .expect(201);
      await file(alice, { slots: [slot(day + 10 * HOUR, 3)] });
      const bobRequest = await file(bob, { slots: [slot(day + 10 * HOUR, 3)] });
      await pairing.matchRequest(bobRequest);
      const match = await prisma.pairingMatch.findFirstOrThrow();
      // The 45-minute interview at 10:00 pushes the session to 10:45.
      expect(match.startsAt.toISOString()).toBe(new Date(day + 10 * HOUR + 45 * MINUTE).toISOString());
    });

    it('expires requests whose slots have passed', async () => {
      const alice = await signUp('Alice');
      const id = await file(alice);
      await prisma.pairingRequest.update({ where: { id }, data: { lastSlotEnd: new Date(Date.now() - MINUTE) } });
      expect((await pairing.sweep()).expired).toBe(1);
      const list = await api.http.get('/api/pairing/requests').set('Authorization', alice.auth).expect(200);
      expect(list.body.items[0].status).toBe('expired');
    });

    it('offers the person who came a rematch after a no-show', async () => {
      const alice = await signUp('Alice');
      const bob = await signUp('Bob');
      const carol = await signUp('Carol');
      const aliceRequest = await file(alice);
      const bobRequest = await file(bob);
      await pairing.matchRequest(bobRequest);
      const match = await prisma.pairingMatch.findFirstOrThrow();
      // Carol is free right now and for the next few hours.
      const now = Date.now();
      await file(carol, { slots: [slot(Math.ceil(now / (5 * MINUTE)) * 5 * MINUTE + 5 * MINUTE, 3)] });

      await api.app.get(EventEmitter2).emitAsync(DomainEvent.participantsNoShow, {
        interviewId: match.firstInterviewId,
        absentUserIds: [bob.id],
        presentUserIds: [alice.id],
      });

      const list = await api.http.get('/api/pairing/requests').set('Authorization', alice.auth).expect(200);
      expect(list.body.items).toHaveLength(2);
      const rematch = list.body.items.find((item: { id: string }) => item.id !== aliceRequest);
      expect(rematch).toMatchObject({ status: 'matched', level: 'mid', topics: ['caching', 'queues'], lengthMinutes: 90 });
      expect(Date.parse(rematch.startsAt) - now).toBeLessThan(HOUR);
      const interview = await api.http.get(`/api/interviews/${rematch.interviewId}`).set('Authorization', carol.auth).expect(200);
      expect(interview.body.participants.map((participant: { userId: string }) => participant.userId).sort()).toEqual([alice.id, carol.id].sort());
    });
  });
  describe('show-up record', () => {
    it('shows each person their own misses — no-shows and late cancellations — and what the matchmaker makes of them', async () => {
      const [alice, bob] = await Promise.all([signUp('Alice'), signUp('Bob')]);
      const fresh = await api.http.get('/api/pairing/record').set('Authorization', alice.auth).expect(200);
      expect(fresh.body).toEqual({ windowDays: 180, attended: 0, missed: 0, reliability: 1, misses: [] });
      await api.http.get('/api/pairing/record').expect(401);

      const hour = 3600_000;
      const session = (title: string, at: number, extra: Record<string, unknown> = {}) =>
        prisma.interview.create({
          data: {
            title,
            scheduledAt: new Date(at),
            createdById: alice.id,
            ...extra,
            participants: {
              create: [
                { email: alice.email, userId: alice.id, role: 'candidate', joinedAt: title === 'Attended' ? new Date(at) : null, noShowAt: title === 'Missed' ? new Date(at + hour / 6) : null },
                { email: bob.email, userId: bob.id, role: 'interviewer', joinedAt: new Date(at) },
              ],
            },
          },
        });
      const now = Date.now();
      const missed = await session('Missed', now - 48 * hour);
      await session('Attended', now - 24 * hour);
      const late = await session('Called off late', now + 1 * hour, { status: 'cancelled', cancelledAt: new Date(now), cancelledById: alice.id });
      await session('Called off early', now + 72 * hour, { status: 'cancelled', cancelledAt: new Date(now), cancelledById: alice.id });

      const record = await api.http.get('/api/pairing/record').set('Authorization', alice.auth).expect(200);
      expect(record.body).toMatchObject({ attended: 1, missed: 2, reliability: 3 / 5 });
      expect(record.body.misses).toEqual([
        { interviewId: late.id, title: 'Called off late', scheduledAt: expect.any(String), kind: 'late_cancellation' },
        { interviewId: missed.id, title: 'Missed', scheduledAt: expect.any(String), kind: 'no_show' },
      ]);
      // Bob came to everything; Alice's misses are not his.
      const bobs = await api.http.get('/api/pairing/record').set('Authorization', bob.auth).expect(200);
      expect(bobs.body).toMatchObject({ missed: 0, misses: [] });
    });
  });
});
