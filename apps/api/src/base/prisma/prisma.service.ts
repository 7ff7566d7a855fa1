import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { Prisma, PrismaClient } from '../../generated/prisma/client';
import { APP_CONFIG, AppConfig } from '../config';
import { DatabasePool, ConnectionSafePrismaPg } from './database-pool';

/** How long shutdown waits for queries and transactions in flight before closing their connections. */
export const DATABASE_CLOSE_GRACE_MS = 5000;

/**
 * A transaction opened by one capability's repository and handed to another capability's service,
 * so that each table keeps one writer while a change spanning two of them still commits as one.
 */
export type Transaction = Prisma.TransactionClient;

/** The only PrismaClient in the process. Repositories are the only code that injects it. */
@Injectable()
export class PrismaService extends PrismaClient implements OnApplicationShutdown {
  private readonly database: DatabasePool;

  constructor(@Inject(APP_CONFIG) config: Pick<AppConfig, 'DATABASE_URL'>) {
    const database = new DatabasePool(config.DATABASE_URL);
    super({ adapter: new ConnectionSafePrismaPg(database) });
    this.database = database;
  }

  /** Health probe: true when a trivial query round-trips. */
  async isReachable(): Promise<boolean> {
    try {
      await this.$queryRaw`SELECT 1`;
      return true;
    } catch {
      return false;
    }
  }

  /**
   * The last shutdown phase, after every other capability has stored what it holds (board
   * updates, running jobs, room visits) in its own destroy hooks.
   */
  async onApplicationShutdown(): Promise<void> {
    await this.close(DATABASE_CLOSE_GRACE_MS);
  }

  /**
   * Ending the pool first, then rolling back open transactions: the connections they give back
   * close instead of going to a transaction that is still waiting for one.
   */
  async close(graceMs: number): Promise<{ forced: number }> {
    const ending = this.database.end(graceMs);
    const [, ended] = await Promise.all([this.$disconnect(), ending]);
    return ended;
  }
}
