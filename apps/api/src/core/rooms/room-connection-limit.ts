import { randomBytes } from 'node:crypto';
import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import type Redis from 'ioredis';
import { APP_CONFIG, AppConfig } from '../../base/config';
import { RedisService } from '../../base/redis';

/**
 * Leases, not counters: each connection is a member of the user's sorted set scored by the moment
 * its lease runs out (Redis's own clock, so instances' clocks do not matter). Taking a lease first
 * drops the expired ones, so connections of an instance that died without saying goodbye stop
 * counting after one lease period, and a counter can never drift.
 */
const ACQUIRE = `
local now = redis.call('TIME')
local nowMs = tonumber(now[1]) * 1000 + math.floor(tonumber(now[2]) / 1000)
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', nowMs)
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[2]) then return 0 end
redis.call('ZADD', KEYS[1], nowMs + tonumber(ARGV[3]), ARGV[1])
redis.call('PEXPIRE', KEYS[1], ARGV[3])
return 1
`;

/**
 * Extends a live connection's lease. It is written even if it had gone (Redis restarted or flushed,
 * or an outage outlasted the lease): the connection exists, so it counts.
 */
const RENEW = `
local now = redis.call('TIME')
local nowMs = tonumber(now[1]) * 1000 + math.floor(tonumber(now[2]) / 1000)
redis.call('ZADD', KEYS[1], nowMs + tonumber(ARGV[2]), ARGV[1])
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return 1
`;

type LimitedRedis = Redis & {
  roomsAcquireLease(key: string, member: string, limit: number, leaseMs: number): Promise<number>;
  roomsRenewLease(key: string, member: string, leaseMs: number): Promise<number>;
};

/** How long to wait for Redis before admitting a connection anyway (see `acquire`). */
const REDIS_TIMEOUT_MS = 1000;
/** A lease taken for a handshake that never completed is let go after this long. */
const HANDSHAKE_GRACE_MS = 10_000;

export interface LeaseHolder {
  readonly id: string;
  readonly connected: boolean;
}

interface Lease {
  userId: string;
  member: string;
  holder: LeaseHolder;
  takenAt: number;
}

export const connectionsKey = (userId: string) => `rooms:connections:${userId}`;

/**
 * At most ROOMS_MAX_CONNECTIONS_PER_USER simultaneous `/rooms` connections per person, across every
 * API instance. Leases are renewed every third of their period while the socket is connected and
 * released on disconnect.
 */
@Injectable()
export class RoomConnectionLimit implements OnModuleDestroy {
  private readonly logger = new Logger('RoomConnectionLimit');
  private readonly redis: LimitedRedis;
  private readonly instance = randomBytes(6).toString('hex');
  private readonly leases = new Map<string, Lease>();
  private readonly leaseMs: number;
  private readonly timer: NodeJS.Timeout;

  constructor(redis: RedisService, @Inject(APP_CONFIG) private readonly config: AppConfig) {
    // Defined once on the shared client (idempotent); ioredis sends EVALSHA and falls back to EVAL.
    redis.client.defineCommand('roomsAcquireLease', { numberOfKeys: 1, lua: ACQUIRE });
    redis.client.defineCommand('roomsRenewLease', { numberOfKeys: 1, lua: RENEW });
    this.redis = redis.client as LimitedRedis;
    this.leaseMs = config.ROOMS_CONNECTION_LEASE_SECONDS * 1000;
    this.timer = setInterval(() => void this.renew(), this.leaseMs / 3);
    this.timer.unref();
  }

  get limit(): number {
    return this.config.ROOMS_MAX_CONNECTIONS_PER_USER;
  }

  /**
   * True when the connection may proceed. If Redis cannot answer in time the connection is admitted
   * (and logged): the limit protects the service from runaway clients, and refusing every room while
   * Redis is away would be the bigger outage.
   */
  async acquire(userId: string, holder: LeaseHolder): Promise<boolean> {
    const member = `${this.instance}:${holder.id}`;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), REDIS_TIMEOUT_MS)));
    try {
      const granted = await Promise.race([this.redis.roomsAcquireLease(connectionsKey(userId), member, this.limit, this.leaseMs), timeout]);
      if (granted === 'timeout') throw new Error(`no answer within ${REDIS_TIMEOUT_MS} ms`);
      if (granted !== 1) return false;
      this.leases.set(holder.id, { userId, member, holder, takenAt: Date.now() });
      return true;
    } catch (error) {
      this.logger.warn(`connection limit not checked for user ${userId}, admitting: ${error instanceof Error ? error.message : String(error)}`);
      return true;
    } finally {
      clearTimeout(timer);
    }
  }

  release(holderId: string): void {
    const lease = this.leases.get(holderId);
    if (!lease) return;
    this.leases.delete(holderId);
    // If this fails the lease simply runs out.
    this.redis.zrem(connectionsKey(lease.userId), lease.member).catch(() => undefined);
  }

  private async renew(): Promise<void> {
    const now = Date.now();
    const pipeline = this.redis.pipeline() as ReturnType<Redis['pipeline']> & { roomsRenewLease(key: string, member: string, leaseMs: number): unknown };
    let renewing = 0;
    for (const [id, lease] of this.leases) {
      if (lease.holder.connected) {
        pipeline.roomsRenewLease(connectionsKey(lease.userId), lease.member, this.leaseMs);
        renewing += 1;
      } else if (now - lease.takenAt > HANDSHAKE_GRACE_MS) {
        this.release(id);
      }
    }
    if (renewing === 0) return;
    try {
      await pipeline.exec();
    } catch (error) {
      this.logger.warn(`connection leases not renewed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }
}
