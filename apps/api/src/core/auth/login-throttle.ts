import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../../base/config';
import { AppError } from '../../base/errors';
import { RedisService } from '../../base/redis';

/**
 * Counts failed sign-ins per account and per client address in Redis, so the limit holds across
 * API instances. Once a counter reaches its limit, attempts are refused until its window expires.
 */
@Injectable()
export class LoginThrottle {
  constructor(
    private readonly redis: RedisService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Throws TOO_MANY_REQUESTS (with Retry-After) when either counter is exhausted. */
  async assertAllowed(email: string, ip: string): Promise<void> {
    const [account, address] = await this.read([accountKey(email), ipKey(ip)]);
    const blocked = [
      account.count >= this.config.LOGIN_MAX_FAILURES_PER_ACCOUNT ? account.ttl : 0,
      address.count >= this.config.LOGIN_MAX_FAILURES_PER_IP ? address.ttl : 0,
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
    await this.call(() =>
      this.redis.client
        .multi()
        .incr(accountKey(email))
        .expire(accountKey(email), window, 'NX')
        .incr(ipKey(ip))
        .expire(ipKey(ip), window, 'NX')
        .exec(),
    );
  }

  /** A successful sign-in clears the account's counter; the address counter keeps counting guesses at other accounts. */
  async recordSuccess(email: string): Promise<void> {
    await this.call(() => this.redis.client.del(accountKey(email)));
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

const accountKey = (email: string) => `auth:login-failures:account:${email}`;
const ipKey = (ip: string) => `auth:login-failures:ip:${ip}`;
