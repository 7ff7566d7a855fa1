import { randomBytes } from 'node:crypto';
import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import type Redis from 'ioredis';
import { APP_CONFIG, AppConfig } from '../../base/config';
import { RedisService } from '../../base/redis';

const NOW_MS = `
local now = redis.call('TIME')
local nowMs = tonumber(now[1]) * 1000 + math.floor(tonumber(now[2]) / 1000)
`;

/**
 * Leases, not counters: each connection is a member of the user's sorted set (KEYS[1]) scored by the
 * moment its lease runs out (Redis's own clock, so instances' clocks do not matter). Taking a lease
 * first drops the expired ones, so connections of an instance that died without saying goodbye stop
 * counting after one lease period, and a count can never drift. A member is the tab's connection id
 * when the client sends one: a tab reconnecting takes its own place over (and records itself as the
 * holder in the hash KEYS[2]) instead of needing a new one.
 * ARGV: member, holder, limit, lease ms.
 */
const ACQUIRE = `${NOW_MS}
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', nowMs)
if not redis.call('ZSCORE', KEYS[1], ARGV[1]) and redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[3]) then return 0 end
redis.call('ZADD', KEYS[1], nowMs + tonumber(ARGV[4]), ARGV[1])
redis.call('HSET', KEYS[2], ARGV[1], ARGV[2])
redis.call('PEXPIRE', KEYS[1], ARGV[4])
redis.call('PEXPIRE', KEYS[2], ARGV[4])
return 1
`;

/**
 * Extends a live connection's lease, unless a newer connection of the same tab holds the place now.
 * It is written even if it had gone (Redis restarted or flushed, or an outage outlasted the lease):
 * the connection exists, so it counts. ARGV: member, holder, lease ms.
 */
const RENEW = `${NOW_MS}
local holder = redis.call('HGET', KEYS[2], ARGV[1])
if holder and holder ~= ARGV[2] then return 0 end
redis.call('ZADD', KEYS[1], nowMs + tonumber(ARGV[3]), ARGV[1])
redis.call('HSET', KEYS[2], ARGV[1], ARGV[2])
redis.call('PEXPIRE', KEYS[1], ARGV[3])
redis.call('PEXPIRE', KEYS[2], ARGV[3])
return 1
`;

/** Gives the place up, only if this connection still holds it. ARGV: member, holder. */
const RELEASE = `
if redis.call('HGET', KEYS[2], ARGV[1]) == ARGV[2] then
  redis.call('ZREM', KEYS[1], ARGV[1])
  redis.call('HDEL', KEYS[2], ARGV[1])
end
return 1
`;

type LimitedRedis = Redis & {
  roomsAcquireLease(places: string, holders: string, member: string, holder: string, limit: number, leaseMs: number): Promise<number>;
  roomsRenewLease(places: string, holders: string, member: string, holder: string, leaseMs: number): Promise<number>;
  roomsReleaseLease(places: string, holders: string, member: string, holder: string): Promise<number>;
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
  holderId: string;
  holder: LeaseHolder;
  takenAt: number;
}

export const connectionsKey = (userId: string) => `rooms:connections:${userId}`;
const holdersKey = (userId: string) => `rooms:connection-holders:${userId}`;

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
    redis.client.defineCommand('roomsAcquireLease', { numberOfKeys: 2, lua: ACQUIRE });
    redis.client.defineCommand('roomsRenewLease', { numberOfKeys: 2, lua: RENEW });
    redis.client.defineCommand('roomsReleaseLease', { numberOfKeys: 2, lua: RELEASE });
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
  async acquire(userId: string, holder: LeaseHolder, connectionId?: string): Promise<boolean> {
    const holderId = `${this.instance}:${holder.id}`;
    const member = connectionId === undefined ? `socket:${holderId}` : `tab:${connectionId}`;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), REDIS_TIMEOUT_MS)));
    try {
      const granted = await Promise.race([
        this.redis.roomsAcquireLease(connectionsKey(userId), holdersKey(userId), member, holderId, this.limit, this.leaseMs),
        timeout,
      ]);
      if (granted === 'timeout') throw new Error(`no answer within ${REDIS_TIMEOUT_MS} ms`);
      if (granted !== 1) return false;
      this.leases.set(holder.id, { userId, member, holderId, holder, takenAt: Date.now() });
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
    this.redis.roomsReleaseLease(connectionsKey(lease.userId), holdersKey(lease.userId), lease.member, lease.holderId).catch(() => undefined);
  }

  private async renew(): Promise<void> {
    const now = Date.now();
    const pipeline = this.redis.pipeline() as ReturnType<Redis['pipeline']> & {
      roomsRenewLease(places: string, holders: string, member: string, holder: string, leaseMs: number): unknown;
    };
    let renewing = 0;
    for (const [id, lease] of this.leases) {
      if (lease.holder.connected) {
        pipeline.roomsRenewLease(connectionsKey(lease.userId), holdersKey(lease.userId), lease.member, lease.holderId, this.leaseMs);
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
