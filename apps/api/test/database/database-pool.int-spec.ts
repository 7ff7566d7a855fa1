import { Client } from 'pg';
import { PrismaService } from '../../src/base/prisma';
import { DatabasePool } from '../../src/base/prisma/database-pool';

const url = process.env.DATABASE_URL as string;

/** Server-side sessions of this process's pools, told apart by application name. */
async function sessionsNamed(applicationName: string): Promise<number> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = $1', [applicationName]);
    return rows[0].n;
  } finally {
    await client.end();
  }
}

function settleWithin<T>(promise: Promise<T>, ms: number): Promise<T | 'still pending'> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([promise, new Promise<'still pending'>((resolve) => (timer = setTimeout(() => resolve('still pending'), ms)))]).finally(() => clearTimeout(timer));
}

describe('connections always go back to the pool', () => {
  let prisma: PrismaService;
  let admin: Client;
  beforeEach(async () => {
    prisma = new PrismaService({ DATABASE_URL: url });
    admin = new Client({ connectionString: url });
    await admin.connect();
  });
  afterEach(async () => {
    await admin.end();
    await prisma.close(1000);
  });

  /** A transaction whose server process is killed halfway, as when PostgreSQL restarts. */
  async function transactionCutOff(end: 'query' | 'commit'): Promise<string> {
    return prisma
      .$transaction(async (tx) => {
        const [{ pid }] = await tx.$queryRaw<{ pid: number }[]>`SELECT pg_backend_pid() AS pid`;
        await admin.query('SELECT pg_terminate_backend($1)', [pid]);
        // Either the next query fails (and Prisma's ROLLBACK with it) or the COMMIT does.
        if (end === 'query') await tx.$queryRaw`SELECT 1`;
      })
      .then(
        () => 'committed',
        (error: Error) => error.message,
      );
  }

  it.each(['query', 'commit'] as const)('when the connection dies inside a transaction (the %s fails)', async (end) => {
    const database = (prisma as unknown as { database: DatabasePool }).database;
    for (let round = 0; round < 12; round++) expect(await transactionCutOff(end)).not.toBe('committed');
    // Twelve lost connections would have used up the pool of ten for good.
    expect(database.lentCount).toBe(0);
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => prisma.$transaction((tx) => tx.$queryRaw<{ n: number }[]>`SELECT ${i}::int AS n`)));
    expect(results.map(([row]) => row.n)).toEqual(Array.from({ length: 12 }, (_, i) => i));
  }, 30_000);
});

describe('statements of one transaction', () => {
  it('reach its connection one at a time, even when Prisma sends them at once', async () => {
    const prisma = new PrismaService({ DATABASE_URL: url });
    const database = (prisma as unknown as { database: DatabasePool }).database;
    // The most queries any one connection had in flight (pg 8 queues extra ones with a warning; pg 9 will refuse them).
    let most = 0;
    database.pool.on('connect', (client) => {
      const query = client.query.bind(client) as (...args: unknown[]) => unknown;
      let inFlight = 0;
      (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
        inFlight++;
        most = Math.max(most, inFlight);
        const result = query(...args);
        if (result instanceof Promise) void result.finally(() => inFlight--).catch(() => undefined);
        else inFlight--;
        return result;
      };
    });
    try {
      // Reading a person with several relations: Prisma fetches the relations at once.
      const email = `one-at-a-time-${process.pid}@example.test`;
      const found = await prisma.$transaction(async (tx) => {
        await tx.user.deleteMany({ where: { email } });
        const user = await tx.user.create({ data: { email, name: 'One At A Time', passwordHash: 'x' } });
        return tx.user.findUnique({ where: { id: user.id }, include: { notes: true, chatMessages: true, notifications: true, roomVisits: true } });
      });
      expect(found).toMatchObject({ email, notes: [], chatMessages: [], notifications: [], roomVisits: [] });
      await prisma.user.deleteMany({ where: { email } });
      expect(most).toBe(1);
    } finally {
      await prisma.close(1000);
    }
  });
});

describe('closing the database on shutdown', () => {
  // 0 ms: most connections are still being opened when shutdown begins; 300 ms: all are in use.
  it.each([0, 300])('finishes at once while the pool is full of transactions and one more waits for a connection (shutdown after %i ms)', async (afterMs) => {
    const prisma = new PrismaService({ DATABASE_URL: url });
    let finish!: () => void;
    const blocked = new Promise<void>((resolve) => (finish = resolve));
    // Fill the pool (10 connections) with transactions that wait on the application, not on the database.
    const holders = Array.from({ length: 10 }, () =>
      prisma.$transaction(async (tx) => {
        await tx.$queryRaw`SELECT 1`;
        await blocked;
      }, { timeout: 60_000 }),
    );
    await new Promise((resolve) => setTimeout(resolve, afterMs));
    const waiting = prisma.$transaction((tx) => tx.$queryRaw`SELECT 1`, { maxWait: 60_000 });
    await new Promise((resolve) => setTimeout(resolve, afterMs / 3));

    const started = Date.now();
    // Prisma would leave a connection lent for ever (to a transaction it had already cancelled), and the pool would never end.
    expect(await settleWithin(prisma.close(10_000), 3000)).toEqual({ forced: 0 });
    expect(Date.now() - started).toBeLessThan(2000);

    finish();
    const outcomes = await settleWithin(Promise.allSettled([...holders, waiting]), 5000);
    expect(outcomes).not.toBe('still pending');
    expect((outcomes as PromiseSettledResult<unknown>[]).every((outcome) => outcome.status === 'rejected')).toBe(true);
  }, 20_000);

  it('closes a connection nobody gives back once the grace period is over', async () => {
    const name = `pairboard-shutdown-${process.pid}`;
    const database = new DatabasePool(`${url}?application_name=${name}`, { max: 2 });
    const kept = await database.pool.connect();
    const returned = await database.pool.connect();
    returned.release();
    expect(database.lentCount).toBe(1);
    expect(await sessionsNamed(name)).toBe(2);

    const started = Date.now();
    expect(await settleWithin(database.end(300), 3000)).toEqual({ forced: 1 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    expect(database.lentCount).toBe(0);
    expect(await sessionsNamed(name)).toBe(0);
    await expect(kept.query('SELECT 1')).rejects.toThrow();
  });

  it('waits for a query in flight instead of cutting it off', async () => {
    const database = new DatabasePool(url);
    const query = database.pool.query<{ done: boolean }>('SELECT pg_sleep(0.4) IS NOT NULL AS done');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await database.end(5000)).toEqual({ forced: 0 });
    expect((await query).rows[0].done).toBe(true);
  });
});
