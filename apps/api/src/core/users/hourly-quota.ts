import { Injectable } from '@nestjs/common';
import { AppError } from '../../base/errors';
import { RedisService } from '../../base/redis';

const WINDOW_SECONDS = 3600;

/**
 * Hourly allowances for actions that reach other people or cost us mail (sign-ups per address,
 * invitations and verification emails per account), counted in Redis so the limit holds across
 * instances. A window starts with its first use and lasts an hour.
 */
@Injectable()
export class HourlyQuota {
  constructor(private readonly redis: RedisService) {}

  /**
   * Takes `amount` from the allowance of `bucket` or throws TOO_MANY_REQUESTS with Retry-After and
   * takes nothing (so a refused batch of invitations does not use up the rest of the hour).
   */
  async take(bucket: string, limit: number, amount = 1, message = 'Too many attempts. Try again later.'): Promise<void> {
    if (amount <= 0) return;
    const key = `quota:${bucket}`;
    const [[, used], , [, ttl]] = (await this.call(() => this.redis.client.multi().incrby(key, amount).expire(key, WINDOW_SECONDS, 'NX').ttl(key).exec())) as [
      [unknown, number],
      [unknown, number],
      [unknown, number],
    ];
    if (used <= limit) return;
    await this.call(() => this.redis.client.decrby(key, amount));
    const retryAfter = Math.max(1, ttl);
    throw new AppError('TOO_MANY_REQUESTS', message, { retryAfterSeconds: retryAfter }, { 'Retry-After': String(retryAfter) });
  }

  // Without Redis the limit cannot be enforced: refuse rather than allow unlimited sends.
  private async call<T>(command: () => Promise<T>): Promise<T> {
    try {
      return await command();
    } catch {
      throw new AppError('SERVICE_UNAVAILABLE', 'This is unavailable right now. Try again in a moment.');
    }
  }
}
