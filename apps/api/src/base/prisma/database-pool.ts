import { Logger } from '@nestjs/common';
import { PrismaPg } from '@prisma/adapter-pg';
import { Pool, PoolClient } from 'pg';

const logger = new Logger('DatabasePool');

/**
 * The connection pool behind Prisma, owned here rather than by the adapter so that shutdown can
 * see which connections are still lent out and take them back when nobody returns them.
 */
export class DatabasePool {
  readonly pool: Pool;
  /** Set the moment shutdown begins. */
  closing = false;
  private readonly lent = new Set<PoolClient>();

  constructor(connectionString: string, options: { max?: number; connectionTimeoutMillis?: number } = {}) {
    this.pool = new Pool({ connectionString, max: options.max ?? 10, connectionTimeoutMillis: options.connectionTimeoutMillis ?? 3000 });
    this.pool.on('acquire', (client) => this.lent.add(client));
    this.pool.on('release', (_error, client) => this.lent.delete(client));
    // An idle connection dropped by the server is replaced on the next checkout; it must not crash the process.
    this.pool.on('error', (error) => logger.warn(`idle database connection failed: ${error.message}`));
  }

  /** Connections currently lent out (inside a query or a transaction). */
  get lentCount(): number {
    return this.lent.size;
  }

  /**
   * Ends the pool: from now on no waiting checkout is served (so a transaction that was still
   * waiting for a connection cannot take one that shutdown just freed and keep it), idle
   * connections close at once and the others as they come back. Connections still lent out after
   * `graceMs` are closed by force — a transaction that never finishes, or a connection the ORM
   * lost track of, would otherwise hold shutdown open for ever.
   */
  async end(graceMs: number): Promise<{ forced: number }> {
    this.closing = true;
    const ended = this.pool.end();
    let timer: NodeJS.Timeout | undefined;
    const graceOver = new Promise<'grace over'>((resolve) => (timer = setTimeout(() => resolve('grace over'), graceMs)));
    const first = await Promise.race([ended.then(() => 'ended' as const), graceOver]);
    clearTimeout(timer);
    if (first === 'ended') return { forced: 0 };

    const stuck = [...this.lent];
    logger.warn(`${stuck.length} database connection(s) still in use ${graceMs} ms into shutdown; closing them`);
    for (const client of stuck) {
      try {
        client.release(new Error('closed by shutdown'));
      } catch {
        // Already given back between the check and now: nothing left to do.
      }
    }
    await ended;
    return { forced: stuck.length };
  }
}

type PgAdapter = Awaited<ReturnType<PrismaPg['connect']>>;
type PgTransaction = Awaited<ReturnType<PgAdapter['startTransaction']>>;

/**
 * Prisma's pg adapter, made to give every connection back to the pool (and to send a transaction's
 * statements one at a time, see `safeTransaction`). Prisma loses a connection in two
 * cases, each of which would shrink the pool for good (and, ten times over, stall every
 * transaction):
 * - when COMMIT or ROLLBACK fails (the connection died mid-transaction, PostgreSQL restarted), it
 *   never releases the connection; here the failure releases it;
 * - a transaction that only gets its connection after shutdown began was already cancelled, and
 *   Prisma drops it without releasing the connection; here it is given straight back.
 */
export class ConnectionSafePrismaPg extends PrismaPg {
  constructor(private readonly database: DatabasePool) {
    super(database.pool);
  }

  override async connect(): Promise<PgAdapter> {
    const adapter = await super.connect();
    const startTransaction = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = async (isolationLevel) => {
      const transaction = safeTransaction(await startTransaction(isolationLevel));
      if (!this.database.closing) return transaction;
      await transaction.executeRaw({ sql: 'ROLLBACK', args: [], argTypes: [] }).catch(() => undefined);
      await transaction.rollback();
      throw new Error('the database is closing');
    };
    return adapter;
  }
}

/**
 * A transaction as the adapter makes it, with two changes:
 * - Its statements reach the connection one at a time. Prisma sends a transaction's independent
 *   reads at once; pg 8 queues them with a deprecation warning and pg 9 will refuse them.
 * - Its connection is released once: after COMMIT or ROLLBACK as the adapter does, or, when one of
 *   them fails, at once and destroyed (its session may be dead or mid-transaction; the pool opens a
 *   fresh one), where Prisma would never release it.
 */
function safeTransaction(transaction: PgTransaction): PgTransaction {
  let released = false;
  const once = (release: () => Promise<void>) => async () => {
    if (released) return;
    released = true;
    await release();
  };
  // The adapter's commit and rollback only hand the connection back; the statements run before them.
  const handBack = transaction.rollback.bind(transaction);
  transaction.commit = once(transaction.commit.bind(transaction));
  transaction.rollback = once(handBack);
  // The adapter keeps its pool client on the transaction; releasing it with an error destroys it.
  const client = (transaction as unknown as { client?: PoolClient }).client;
  const destroy = once(async () => (client ? client.release(true) : handBack()));

  let previous: Promise<unknown> = Promise.resolve();
  const inTurn = <T>(statement: () => Promise<T>): Promise<T> => {
    const next = previous.then(statement, statement);
    previous = next.catch(() => undefined);
    return next;
  };
  const queryRaw = transaction.queryRaw.bind(transaction);
  const executeRaw = transaction.executeRaw.bind(transaction);
  transaction.queryRaw = (query) => inTurn(() => queryRaw(query));
  transaction.executeRaw = (query) =>
    inTurn(async () => {
      try {
        return await executeRaw(query);
      } catch (error) {
        if (query.sql === 'COMMIT' || query.sql === 'ROLLBACK') await destroy();
        throw error;
      }
    });
  return transaction;
}
