import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { createAdapter } from '@socket.io/redis-adapter';
import Redis from 'ioredis';
import type { Server } from 'socket.io';
import { APP_CONFIG, AppConfig } from '../../base/config';

/** How long a cross-instance query (the room's sockets for presence) waits for every instance. */
const REQUESTS_TIMEOUT_MS = 3000;
const WARNING_INTERVAL_MS = 60_000;

/**
 * socket.io's Redis adapter, so a room spans every API instance. Pub/sub channels are not scoped
 * to a Redis database, so the channel prefix names the database: installs (or test runs) sharing
 * one Redis server on different databases do not hear each other.
 */
@Injectable()
export class RoomsRedisAdapter implements OnApplicationShutdown {
  private readonly logger = new Logger('RoomsRedisAdapter');
  private readonly pub: Redis;
  private readonly sub: Redis;
  private readonly key: string;
  private lastWarning = 0;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    // Publishing fails at once while Redis is away: this instance's own sockets still get every
    // event (the adapter delivers locally first), and nothing queues up unboundedly.
    this.pub = new Redis(config.REDIS_URL, { connectionName: 'pairboard-rooms-pub', enableOfflineQueue: false, maxRetriesPerRequest: 1 });
    this.sub = new Redis(config.REDIS_URL, { connectionName: 'pairboard-rooms-sub' });
    for (const redis of [this.pub, this.sub]) redis.on('error', (error) => this.warn(`redis: ${error.message}`));
    const database = new URL(config.REDIS_URL).pathname.slice(1) || '0';
    this.key = `pairboard-rooms-db${database}`;
  }

  attach(server: Server): void {
    server.adapter(createAdapter(this.quietPublisher(), this.sub, { key: this.key, requestsTimeout: REQUESTS_TIMEOUT_MS }));
  }

  /** After the socket server closed (it unsubscribes through these clients); never waits for an absent Redis. */
  async onApplicationShutdown(): Promise<void> {
    await Promise.allSettled(
      [this.pub, this.sub].map(async (redis) => {
        if (redis.status === 'ready') await redis.quit().catch(() => undefined);
        redis.disconnect();
      }),
    );
  }

  /**
   * The adapter publishes without handling failures; an unhandled rejection would end the process
   * during a Redis outage. This client reports them instead.
   */
  private quietPublisher(): Redis {
    const warn = (error: unknown) => this.warn(`publish failed: ${error instanceof Error ? error.message : String(error)}`);
    return new Proxy(this.pub, {
      get: (target, property, receiver) => {
        const value: unknown = Reflect.get(target, property, receiver);
        if (property !== 'publish' || typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          const result = (value as (...args: unknown[]) => Promise<unknown>).apply(target, args);
          result.catch(warn);
          return result;
        };
      },
    });
  }

  private warn(message: string): void {
    const now = Date.now();
    if (now - this.lastWarning < WARNING_INTERVAL_MS) return;
    this.lastWarning = now;
    this.logger.warn(message);
  }
}
