import { Logger } from '@nestjs/common';
import { Pool, PoolClient } from 'pg';

const logger = new Logger('DatabasePool');

/**
 * The connection pool behind Prisma, owned here rather than by the adapter so that shutdown can
 * see which connections are still lent out and take them back when nobody returns them.
 */
export class DatabasePool {
  readonly pool: Pool;
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
