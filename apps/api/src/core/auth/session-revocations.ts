import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import type Redis from 'ioredis';
import { z } from 'zod';
import { APP_CONFIG, AppConfig } from '../../base/config';
import { RedisService } from '../../base/redis';

const revokedMessageSchema = z.object({ familyIds: z.array(z.string().max(64)).max(10_000) });

export interface RevocationListener {
  /** These refresh families were revoked (here or on another instance). */
  revoked(familyIds: string[]): void;
  /** Messages may have been missed while Redis was away: check what is held against the database. */
  resync(): void;
}

/**
 * Tells every API instance that sessions ended (sign-out, password change, a reused refresh token),
 * so each closes that session's open sockets within moments. Redis pub/sub; pub/sub channels are
 * not scoped to a Redis database, so the channel names the database.
 */
@Injectable()
export class SessionRevocations implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('SessionRevocations');
  private readonly channel: string;
  private readonly listeners = new Set<RevocationListener>();
  private subscriber: Redis | null = null;

  constructor(
    private readonly redis: RedisService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    const database = new URL(config.REDIS_URL).pathname.slice(1) || '0';
    this.channel = `pairboard:auth:revoked:db${database}`;
  }

  onModuleInit(): void {
    const subscriber = this.redis.client.duplicate();
    this.subscriber = subscriber;
    let readyBefore = false;
    subscriber.on('error', (error: Error) => this.logger.warn(`revocation channel: ${error.message}`));
    subscriber.on('ready', () => {
      if (readyBefore) for (const listener of this.listeners) listener.resync();
      readyBefore = true;
    });
    subscriber.on('message', (channel: string, message: string) => {
      if (channel === this.channel) this.receive(message);
    });
    subscriber.subscribe(this.channel).catch((error: unknown) => {
      this.logger.warn(`revocation channel not subscribed: ${error instanceof Error ? error.message : String(error)}`);
    });
  }

  onModuleDestroy(): void {
    this.subscriber?.disconnect();
    this.subscriber = null;
  }

  listen(listener: RevocationListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Closes this instance's sockets at once, and every other instance's through Redis. */
  async announce(familyIds: string[]): Promise<void> {
    if (familyIds.length === 0) return;
    this.deliver(familyIds);
    try {
      await this.redis.client.publish(this.channel, JSON.stringify({ familyIds }));
    } catch (error) {
      // The other instances still close those sockets when their tokens expire (≤ the access token lifetime).
      this.logger.error(`revocation of ${familyIds.length} session(s) not announced: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private receive(message: string): void {
    let parsed: z.infer<typeof revokedMessageSchema>;
    try {
      parsed = revokedMessageSchema.parse(JSON.parse(message));
    } catch {
      return;
    }
    this.deliver(parsed.familyIds);
  }

  private deliver(familyIds: string[]): void {
    for (const listener of this.listeners) listener.revoked(familyIds);
  }
}
