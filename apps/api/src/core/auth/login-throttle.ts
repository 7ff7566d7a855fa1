import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../../base/config';
import { AppError } from '../../base/errors';
import { RedisService } from '../../base/redis';

/**
 * Counts failed sign-ins in Redis, so the limits hold across API instances. Once a counter reaches
 * its limit, attempts it covers are refused until its window expires:
 * - per account and client address (`LOGIN_MAX_FAILURES_PER_ACCOUNT`): guessing at an account from
 *   one address stops there, while its owner signing in from their own address is not affected;
 * - per client address (`LOGIN_MAX_FAILURES_PER_IP`): one address spraying many accounts;
 * - per account from all addresses (`LOGIN_MAX_FAILURES_PER_ACCOUNT_ALL_ADDRESSES`, high): a bound
 *   on guessing spread over many addresses; reaching it takes that many addresses' worth of
 *   failures, so one stranger cannot lock an owner out.
 */
@Injectable()
export class LoginThrottle {
  constructor(
    private readonly redis: RedisService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Throws TOO_MANY_REQUESTS (with Retry-After) when a counter covering this attempt is exhausted. */
  async assertAllowed(email: string, ip: string): Promise<void> {
    const [pair, address, account] = await this.read([pairKey(email, ip), ipKey(ip), accountKey(email)]);
    const blocked = [
      pair.count >= this.config.LOGIN_MAX_FAILURES_PER_ACCOUNT ? pair.ttl : 0,
      address.count >= this.config.LOGIN_MAX_FAILURES_PER_IP ? address.ttl : 0,
      account.count >= this.config.LOGIN_MAX_FAILURES_PER_ACCOUNT_ALL_ADDRESSES ? account.ttl : 0,
    ];
    const retryAfter = Math.max(...blocked);
    if (retryAfter > 0) {
      throw new AppError('TOO_MANY_REQUESTS', 'Too many failed sign-in attempts. Try again later.', { retryAfterSeconds: retryAfter }, {
        'Retry-After': String(retryAfter),
      });
    }
  }

  async recordFailure(email: string, ip: string): Promise<void> {
    const window = this.config.LOGIN_THROTTLE_WINDOW_SECONDS;
    const pipeline = this.redis.client.multi();
    for (const key of [pairKey(email, ip), ipKey(ip), accountKey(email)]) pipeline.incr(key).expire(key, window, 'NX');
    await this.call(() => pipeline.exec());
  }

  /**
   * A successful sign-in clears the counter of this account from this address. The address counter
   * keeps counting guesses at other accounts, and the all-addresses one guesses from elsewhere.
   */
  async recordSuccess(email: string, ip: string): Promise<void> {
    await this.call(() => this.redis.client.del(pairKey(email, ip)));
  }

  private async read(keys: string[]): Promise<{ count: number; ttl: number }[]> {
    const pipeline = this.redis.client.multi();
    for (const key of keys) pipeline.get(key).ttl(key);
    const replies = (await this.call(() => pipeline.exec())) ?? [];
    return keys.map((_, index) => ({
      count: Number(replies[index * 2]?.[1] ?? 0),
      ttl: Math.max(1, Number(replies[index * 2 + 1]?.[1] ?? 1)),
    }));
  }

  // Without Redis the limit cannot be enforced: refuse sign-in rather than allow unlimited guessing.
  private async call<T>(command: () => Promise<T>): Promise<T> {
    try {
      return await command();
    } catch {
      throw new AppError('SERVICE_UNAVAILABLE', 'Sign-in is unavailable right now. Try again in a moment.');
    }
  }
}

const pairKey = (email: string, ip: string) => `auth:login-failures:pair:${ip}:${email}`;
const ipKey = (ip: string) => `auth:login-failures:ip:${ip}`;
const accountKey = (email: string) => `auth:login-failures:account:${email}`;
