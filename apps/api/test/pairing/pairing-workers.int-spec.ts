import { Queue } from 'bullmq';
import Redis from 'ioredis';
import { PrismaService } from '../../src/base/prisma';
import { ContentService } from '../../src/core/content';
import { PairingService } from '../../src/core/pairing';
import { flushRedis, resetDatabase, startTestApp, TestApp, uniqueEmail } from '../support/test-app';

const PASSWORD = 'correct horse battery staple';
const HOUR = 3_600_000;
const MINUTE = 60_000;
const PEOPLE = 16;

describe('two API instances matching at once', () => {
  let a: TestApp;
  let b: TestApp;
  let queueRedis: Redis;
  let queue: Queue;

  beforeAll(async () => {
    await resetDatabase();
    await flushRedis();
    // Both instances run workers on the same Redis and PostgreSQL, as two replicas would.
    a = await startTestApp({ JOBS_WORKER: 'true', JOBS_CONCURRENCY: '5' });
    b = await startTestApp({ JOBS_WORKER: 'true', JOBS_CONCURRENCY: '5' });
    await a.app.get(ContentService).seedBuiltIns();
    queueRedis = new Redis(process.env.REDIS_URL as string, { maxRetriesPerRequest: null });
    queue = new Queue('pairing', { connection: queueRedis, prefix: 'pairboard' });
  });
  afterAll(async () => {
    await queue.close();
    queueRedis.disconnect();
    await Promise.all([a.close(), b.close()]);
  });

  it('never books anyone twice, whichever worker claims first', async () => {
    const now = new Date();
    const day = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 2);
    const people: { id: string; auth: string }[] = [];
    for (let i = 0; i < PEOPLE; i++) {
      const http = i % 2 === 0 ? a.http : b.http;
      const response = await http.post('/api/auth/register').send({ email: uniqueEmail(`peer${i}`), password: PASSWORD, name: `Peer ${i}` }).expect(201);
      people.push({ id: response.body.user.id, auth: `Bearer ${response.body.accessToken}` });
    }
    // Everyone is free at the same time and compatible with everyone, and files two requests whose
    // slots overlap each other: every worker competes for the same people.
    const requests = people.flatMap((person, i) =>
      [0, 1].map((k) => ({
        person,
        http: (i + k) % 2 === 0 ? a.http : b.http,
        body: {
          slots: [{ start: new Date(day + (10 + k) * HOUR).toISOString(), end: new Date(day + (14 + k) * HOUR).toISOString() }],
          timezone: 'UTC',
          level: (['mid', 'senior'] as const)[i % 2],
          topics: ['caching'],
          role: (['interviewer', 'candidate', 'either'] as const)[i % 3],
          lengthMinutes: 90,
        },
      })),
    );
    await Promise.all(requests.map(({ person, http, body }) => http.post('/api/pairing/requests').set('Authorization', person.auth).send(body).expect(201)));
    // The per-request jobs fall due together on both instances' workers; then both sweeps race for
    // whatever is left.
    await waitForQueueToDrain();
    await Promise.all([a.app.get(PairingService).sweep(), b.app.get(PairingService).sweep()]);

    const prisma = a.app.get(PrismaService);
    const rows = await prisma.participant.findMany({
      where: { interview: { status: 'scheduled' } },
      select: { userId: true, interview: { select: { id: true, scheduledAt: true } } },
    });
    expect(rows.length).toBeGreaterThan(0);
    const byUser = new Map<string, { start: number; end: number }[]>();
    for (const row of rows) {
      const start = (row.interview.scheduledAt as Date).getTime();
      byUser.set(row.userId as string, [...(byUser.get(row.userId as string) ?? []), { start, end: start + 45 * MINUTE }]);
    }
    for (const intervals of byUser.values()) {
      intervals.sort((x, y) => x.start - y.start);
      for (let i = 1; i < intervals.length; i++) expect(intervals[i].start).toBeGreaterThanOrEqual(intervals[i - 1].end);
    }

    const matches = await prisma.pairingMatch.findMany({ include: { requests: true } });
    for (const match of matches) {
      expect(match.requests).toHaveLength(2);
      expect(new Set(match.requests.map((request) => request.userId)).size).toBe(2);
    }
    expect(await prisma.interview.count()).toBe(matches.length * 2);
    const matched = await prisma.pairingRequest.count({ where: { status: 'matched' } });
    expect(matched).toBe(matches.length * 2);
    // With 16 people free for four hours, nobody who could be paired is left waiting in one slot.
    expect(matches.length).toBeGreaterThanOrEqual(PEOPLE / 2);
  });

  async function waitForQueueToDrain(): Promise<void> {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
      const matchJobs = (await queue.getJobs(['waiting', 'active', 'delayed', 'prioritized'])).filter((job) => job.name === 'pairing.match');
      if (matchJobs.length === 0 && counts.active === 0) return;
      if (Date.now() > deadline) throw new Error(`pairing jobs still pending: ${JSON.stringify(counts)}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
});
