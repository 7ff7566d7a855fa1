import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { User } from '@pairboard/contracts';
import { APP_CONFIG, AppConfig } from '../../base/config';
import { AppError } from '../../base/errors';
import { HourlyQuota, toUserView, UserLifecycle, UserRow, UsersService } from '../users';
import { EmailVerificationRepository } from './email-verification.repository';

/**
 * Proof that a person receives mail at their account's address: a single-use, expiring link sent by
 * email (token hashed at rest). Only a verified account is linked to the interviews its address was
 * invited to, and only a verified account can be an operator.
 */
@Injectable()
export class EmailVerificationService {
  private readonly logger = new Logger('EmailVerification');

  constructor(
    private readonly verifications: EmailVerificationRepository,
    private readonly users: UsersService,
    private readonly lifecycle: UserLifecycle,
    private readonly quota: HourlyQuota,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * After sign-up. The account exists whatever happens to the email: a send that fails is logged
   * and the person can ask for another link.
   */
  async sendAfterSignUp(user: UserRow): Promise<void> {
    try {
      await this.quota.take(`verification-mail:${user.id}`, this.config.VERIFICATION_EMAILS_PER_USER_PER_HOUR);
      await this.send(user);
    } catch (error) {
      this.logger.warn(`verification email to user ${user.id} not sent: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /** The signed-in person asks for a new link (limited per hour). */
  async resend(userId: string): Promise<void> {
    const user = await this.users.findById(userId);
    if (!user) throw new AppError('UNAUTHORIZED');
    if (user.emailVerifiedAt) throw new AppError('CONFLICT', 'Your email address is already verified.');
    await this.quota.take(`verification-mail:${user.id}`, this.config.VERIFICATION_EMAILS_PER_USER_PER_HOUR, 1, 'We sent several links already. Try again later.');
    try {
      await this.send(user);
    } catch (error) {
      this.logger.warn(`verification email to user ${user.id} not sent: ${error instanceof Error ? error.message : String(error)}`);
      throw new AppError('SERVICE_UNAVAILABLE', 'The email could not be sent right now. Try again in a moment.');
    }
  }

  /** Opens a link: unknown, used, replaced and expired links all fail with 400 and say which. */
  async verify(token: string): Promise<User> {
    const row = await this.verifications.findByHash(hashToken(token));
    if (!row) throw invalidLink('This verification link is not valid. Use the latest link we sent, or ask for a new one.');
    if (row.usedAt) throw invalidLink('This verification link has already been used.');
    const now = new Date();
    if (row.expiresAt.getTime() <= now.getTime()) throw invalidLink('This verification link has expired. Sign in and ask for a new one.');
    if (!(await this.verifications.claim(row.id, now))) throw invalidLink('This verification link has already been used.');
    const verified = await this.users.markEmailVerified(row.userId, row.email, now);
    if (!verified) {
      const user = await this.users.findById(row.userId);
      if (user?.emailVerifiedAt && user.email === row.email) return toUserView(user);
      throw invalidLink('This verification link is not valid for your account any more.');
    }
    await this.lifecycle.verified(verified);
    return toUserView(verified);
  }

  private async send(user: UserRow): Promise<void> {
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + this.config.EMAIL_VERIFICATION_TTL_HOURS * 3_600_000);
    await this.verifications.replace({ userId: user.id, email: user.email, tokenHash: hashToken(token), expiresAt });
    await this.lifecycle.verificationMail(user, token, expiresAt);
  }
}

function invalidLink(message: string): AppError {
  return new AppError('VALIDATION_FAILED', message, [{ path: 'token', message }]);
}

// 256 random bits: a fast hash is enough, and the database never holds a usable link.
function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
