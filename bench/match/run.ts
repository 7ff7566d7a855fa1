/**
 * Matchmaker benchmark (npm run bench:match). Three figures, on 10,000 random open requests:
 *   1. the pure matcher (`planMatches`): candidate pairs, scoring and the greedy choice, in memory;
 *   2. the sweep through the real claim path: read the open requests and the people's history from
 *      PostgreSQL, plan, then claim every proposed pair in its own transaction (locks, overlap check,
 *      two interviews, the match) — what `pairing.sweep` costs end to end;
 *   3. the throughput of one worker running `pairing.match` jobs (BullMQ on Redis, default
 *      concurrency) for requests left open after the sweep, each job reading the whole open pool.
 * Uses its own database (BENCH_DATABASE_URL, recreated) and Redis database (BENCH_REDIS_URL, flushed).
 */
import { randomUUID } from 'node:crypto';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { LEVELS, TOPICS } from '@pairboard/contracts';
import { MatchRequest, MatchRole, planMatches } from '@pairboard/interview-domain';
import Redis from 'ioredis';
import { Client } from 'pg';
import { createApp } from '../../apps/api/src/app.factory';
import { loadConfig } from '../../apps/api/src/base/config';
import { ensureDatabase } from '../../apps/api/src/base/database/ensure-database';
import { runMigrations } from '../../apps/api/src/base/database/migrator';
import { jobId, JobsService } from '../../apps/api/src/base/jobs';
import { ContentService } from '../../apps/api/src/core/content';
import { PairingService } from '../../apps/api/src/core/pairing';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 10_000);
const JOBS = Number(process.env.BENCH_JOBS ?? 200);
const DATABASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/pairboard_bench_match';
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379/8';
const REPO_ROOT = path.resolve(__dirname, '../..');
const HOUR = 3_600_000;
const ROLES: MatchRole[] = ['interviewer', 'candidate', 'either'];

/** A small seeded generator (mulberry32), so every run matches the same population. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Generated extends MatchRequest {
  timezone: string;
}

/** Requests from people on many continents: 1–3 slots of 1–4 h, spread over the next two weeks. */
function population(count: number, start: number): { requests: Generated[]; userIds: string[] } {
  const next = random(42);
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)];
  const userIds = Array.from({ length: Math.round(count * 0.8) }, () => randomUUID());
  const base = Math.ceil(start / HOUR) * HOUR + 2 * HOUR;
  const requests = Array.from({ length: count }, (_, index): Generated => {
    const slots = [];
    let cursor = base + Math.floor(next() * 12 * 24) * HOUR;
    for (let s = 0, n = 1 + Math.floor(next() * 3); s < n; s++) {
      const from = cursor + Math.floor(next() * 48) * HOUR * 0.5;
      const to = from + (2 + Math.floor(next() * 7)) * HOUR * 0.5;
      slots.push({ start: from, end: to });
      cursor = to + HOUR;
    }
    const topics = [...new Set(Array.from({ length: 1 + Math.floor(next() * 4) }, () => pick(TOPICS)))];
    return {
      id: randomUUID(),
      userId: userIds[index % userIds.length],
      slots,
      level: pick(LEVELS),
      topics,
      role: pick(ROLES),
      lengthMinutes: next() < 0.7 ? 90 : 120,
      createdAt: start - Math.floor(next() * 14 * 24) * HOUR,
      timezone: pick(['Europe/Paris', 'America/New_York', 'Asia/Kolkata', 'UTC']),
    };
  });
  return { requests, userIds };
}

function median(values: number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
}

async function recreateDatabase(): Promise<void> {
  const name = new URL(DATABASE_URL).pathname.slice(1);
  const maintenance = new URL(DATABASE_URL);
  maintenance.pathname = '/postgres';
  const admin = new Client({ connectionString: maintenance.toString() });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.end();
  await ensureDatabase(DATABASE_URL);
  await runMigrations({ connectionString: DATABASE_URL, migrationsDir: path.join(REPO_ROOT, 'prisma/migrations') });
}

async function insertPopulation(requests: Generated[], userIds: string[]): Promise<void> {
  const db = new Client({ connectionString: DATABASE_URL });
  await db.connect();
  try {
    await db.query(
      `INSERT INTO users (id, email, name, password_hash, updated_at)
       SELECT id, 'peer-' || id || '@bench.test', 'Peer', 'not-a-hash', now() FROM unnest($1::uuid[]) AS id`,
      [userIds],
    );
    await db.query(
      `INSERT INTO pairing_requests (id, user_id, status, slots, timezone, level, topics, role, length_minutes, last_slot_end, created_at, updated_at)
       SELECT r.id, r.user_id, 'open', r.slots, r.timezone, r.level::question_level,
              ARRAY(SELECT jsonb_array_elements_text(r.topics)), r.role::pairing_role, r.length_minutes, r.last_slot_end, r.created_at, r.created_at
       FROM unnest($1::uuid[], $2::uuid[], $3::jsonb[], $4::text[], $5::text[], $6::jsonb[], $7::text[], $8::int[], $9::timestamptz[], $10::timestamptz[])
         AS r(id, user_id, slots, timezone, level, topics, role, length_minutes, last_slot_end, created_at)`,
      [
        requests.map((r) => r.id),
        requests.map((r) => r.userId),
        requests.map((r) => JSON.stringify(r.slots.map((s) => ({ start: new Date(s.start).toISOString(), end: new Date(s.end).toISOString() })))),
        requests.map((r) => r.timezone),
        requests.map((r) => r.level),
        requests.map((r) => JSON.stringify(r.topics)),
        requests.map((r) => r.role),
        requests.map((r) => r.lengthMinutes),
        requests.map((r) => new Date(Math.max(...r.slots.map((s) => s.end)))),
        requests.map((r) => new Date(r.createdAt)),
      ],
    );
  } finally {
    await db.end();
  }
}

async function main(): Promise<void> {
  const now = Date.now();
  const { requests, userIds } = population(REQUESTS, now);
  console.log(`bench:match — ${REQUESTS.toLocaleString('en')} open requests from ${userIds.length.toLocaleString('en')} people\n`);

  // 1. Pure matcher.
  const context = { earliestStart: now + 15 * 60_000, now };
  const times: number[] = [];
  let plan: ReturnType<typeof planMatches> = [];
  for (let run = 0; run < 3; run++) {
    const started = performance.now();
    plan = planMatches(requests, context);
    times.push(performance.now() - started);
  }
  console.log(`1. pure matcher (planMatches, in memory)`);
  console.log(`   ${plan.length.toLocaleString('en')} pairs planned; median of 3 runs ${median(times).toFixed(0)} ms (runs: ${times.map((t) => t.toFixed(0)).join(', ')} ms)\n`);

  // 2. Sweep through PostgreSQL with the real claim transactions.
  await recreateDatabase();
  const redis = new Redis(REDIS_URL);
  await redis.flushdb();
  redis.disconnect();
  // No worker while the sweep is timed: the periodic sweep job must not claim pairs beside it.
  const app = await startApp(false);
  try {
    await app.get(ContentService).seedBuiltIns();
    await insertPopulation(requests, userIds);
    const pairing = app.get(PairingService);
    const started = performance.now();
    const result = await pairing.sweep(new Date(now));
    const sweepMs = performance.now() - started;
    console.log(`2. sweep through PostgreSQL (read pool and history, plan, claim each pair in a transaction)`);
    console.log(
      `   ${result.matched.toLocaleString('en')} of ${result.proposed.toLocaleString('en')} planned pairs claimed in ${(sweepMs / 1000).toFixed(1)} s` +
        ` (${((sweepMs / Math.max(1, result.matched)) | 0)} ms per claimed pair, ${(result.matched / (sweepMs / 1000)).toFixed(0)} pairs/s)\n`,
    );

  } finally {
    await app.close();
  }

  // 3. One worker's throughput on pairing.match jobs over what is left open.
  const worker = await startApp(true);
  try {
    const db = new Client({ connectionString: DATABASE_URL });
    await db.connect();
    const { rows } = await db.query<{ id: string; open: string }>(
      `SELECT id, count(*) OVER () AS open FROM pairing_requests WHERE status = 'open' ORDER BY id LIMIT $1`,
      [JOBS],
    );
    await db.end();
    const jobs = worker.get(JobsService);
    const queueRedis = new Redis(REDIS_URL);
    const jobsStarted = performance.now();
    await Promise.all(rows.map((row) => jobs.ensureDelayed('pairing.match', { requestId: row.id }, { jobId: jobId('pairing.match', row.id, 'bench'), runAt: 0 })));
    for (;;) {
      const [waiting, active, delayed] = await Promise.all(
        ['wait', 'active', 'delayed'].map((state) =>
          state === 'delayed' ? queueRedis.zcard(`pairboard:pairing:${state}`) : queueRedis.llen(`pairboard:pairing:${state}`),
        ),
      );
      // The sweep's own next job is delayed by minutes; only the match jobs count here.
      if (waiting + active === 0 && delayed <= 1) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const jobsSeconds = (performance.now() - jobsStarted) / 1000;
    queueRedis.disconnect();
    console.log(`3. one worker (concurrency ${process.env.JOBS_CONCURRENCY ?? 5}) running pairing.match against ${Number(rows[0]?.open ?? 0).toLocaleString('en')} open requests`);
    console.log(`   ${rows.length} jobs in ${jobsSeconds.toFixed(1)} s: ${(rows.length / jobsSeconds).toFixed(1)} jobs/s`);
  } finally {
    await worker.close();
  }
}

async function startApp(worker: boolean) {
  const app = await createApp(
    loadConfig({
      ...process.env,
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      DATABASE_URL,
      REDIS_URL,
      JWT_SECRET: 'bench-only-secret-that-is-long-enough-0123456789',
      WEB_DIST: '/nonexistent',
      JOBS_WORKER: String(worker),
      JOBS_RECONCILE_INTERVAL_SECONDS: '0',
    }),
  );
  await app.init();
  return app;
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
