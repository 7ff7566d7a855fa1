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

/**
 * Prisma's pg adapter, except that a transaction which only gets its connection once shutdown has
 * begun gives it straight back and fails. Prisma cancels transactions still waiting for a
 * connection when it disconnects, and when such a connection arrives afterwards it drops the
 * transaction without ever releasing the connection, which would keep the pool from ending.
 */
export class ShutdownSafePrismaPg extends PrismaPg {
  constructor(private readonly database: DatabasePool) {
    super(database.pool);
  }

  override async connect(): Promise<PgAdapter> {
    const adapter = await super.connect();
    const startTransaction = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = async (isolationLevel) => {
      const transaction = await startTransaction(isolationLevel);
      if (!this.database.closing) return transaction;
      await transaction.executeRaw({ sql: 'ROLLBACK', args: [], argTypes: [] }).catch(() => undefined);
      await transaction.rollback();
      throw new Error('the database is closing');
    };
    return adapter;
  }
}
