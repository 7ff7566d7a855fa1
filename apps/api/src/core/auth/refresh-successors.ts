import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../../base/config';
import { AppError } from '../../base/errors';
import { RedisService } from '../../base/redis';

const KEY_PREFIX = 'pairboard:auth:successor:';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * The reuse window's memory: for a short while after a rotation, the successor of a refresh token,
 * so presenting the just-rotated token again (a reload that cut the refresh short) gets the same
 * successor instead of a new branch or a revoked family.
 *
 * The database keeps only hashes, so the successor itself is kept here, in Redis, for the window
 * only, under a key derived from the rotated token's hash and sealed (AES-256-GCM) with a key
 * derived from both the server's secret and the rotated token itself. Whoever can read Redis and
 * the database still cannot recover a live token: that needs the rotated token, which only its
 * holder has — and that holder is exactly whom the window answers.
 */
@Injectable()
export class RefreshSuccessors {
  private readonly logger = new Logger('RefreshSuccessors');

  constructor(
    private readonly redis: RedisService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  get windowMs(): number {
    return this.config.REFRESH_REUSE_WINDOW_SECONDS * 1000;
  }

  /** Best effort: without it the window is closed, which is the safe side (a reuse revokes). */
  async keep(rotated: string, successor: string): Promise<void> {
    if (this.windowMs === 0) return;
    const key = this.sealingKey(rotated);
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    const sealed = Buffer.concat([iv, cipher.update(successor, 'utf8'), cipher.final(), cipher.getAuthTag()]);
    try {
      await this.redis.client.set(this.redisKey(rotated), sealed.toString('base64url'), 'PX', this.windowMs);
    } catch (error) {
      this.logger.warn(`successor not kept for the reuse window: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /** The successor kept for this rotated token, or null when there is none (or it does not open). */
  async successorOf(rotated: string): Promise<string | null> {
    if (this.windowMs === 0) return null;
    let stored: string | null;
    try {
      stored = await this.redis.client.get(this.redisKey(rotated));
    } catch {
      // Unknown is not "none": refusing here would sign the person out for an outage.
      throw new AppError('SERVICE_UNAVAILABLE');
    }
    if (!stored) return null;
    const sealed = Buffer.from(stored, 'base64url');
    if (sealed.length <= IV_BYTES + TAG_BYTES) return null;
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.sealingKey(rotated), sealed.subarray(0, IV_BYTES));
      decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
      return Buffer.concat([decipher.update(sealed.subarray(IV_BYTES, sealed.length - TAG_BYTES)), decipher.final()]).toString('utf8');
    } catch {
      return null;
    }
  }

  private redisKey(rotated: string): string {
    // Not the hash the database stores, so one store does not index the other.
    return KEY_PREFIX + createHash('sha256').update(`successor-slot\0${rotated}`).digest('hex');
  }

  private sealingKey(rotated: string): Buffer {
    return createHmac('sha256', this.config.JWT_SECRET).update(`successor-key\0${rotated}`).digest();
  }
}
