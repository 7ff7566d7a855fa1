import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { ChangePasswordRequest, LoginRequest, RegisterRequest, UpdateProfileRequest, User } from '@pairboard/contracts';
import { APP_CONFIG, AppConfig } from '../../base/config';
import { AppError } from '../../base/errors';
import { HourlyQuota, toUserView, UserRow, UsersService } from '../users';
import { EmailVerificationService } from './email-verification.service';
import { LoginThrottle } from './login-throttle';
import { PasswordHasher } from './password-hasher';
import type { AccessTokenPayload } from './access-token-verifier';
import { RefreshSuccessors } from './refresh-successors';
import { RefreshTokenRow, RefreshTokensRepository } from './refresh-tokens.repository';
import { SessionRevocations } from './session-revocations';
import { TOKEN_AUDIENCES } from './token-audiences';

/** What a successful sign-in, sign-up or refresh hands to the transport. */
export interface IssuedSession {
  accessToken: string;
  refreshToken: string;
  refreshExpiresAt: Date;
}

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersService,
    private readonly quota: HourlyQuota,
    private readonly emailVerification: EmailVerificationService,
    private readonly refreshTokens: RefreshTokensRepository,
    private readonly successors: RefreshSuccessors,
    private readonly revocations: SessionRevocations,
    private readonly passwords: PasswordHasher,
    private readonly throttle: LoginThrottle,
    private readonly jwt: JwtService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Attempts count against the client address (taken or not), so neither bulk sign-ups nor probing
   * which addresses have accounts goes unlimited. The new account is unverified: it is linked to
   * nothing until its owner opens the link we email (pending invitations attach then).
   */
  async register(request: RegisterRequest, ip: string): Promise<{ user: User; session: IssuedSession }> {
    await this.quota.take(`registrations:ip:${ip}`, this.config.REGISTRATIONS_PER_IP_PER_HOUR, 1, 'Too many sign-ups from your network. Try again later.');
    const passwordHash = await this.passwords.hash(request.password);
    const row = await this.users.create({ email: request.email, name: request.name, passwordHash, timeZone: request.timeZone ?? null });
    if (!row) throw new AppError('EMAIL_TAKEN', undefined, [{ path: 'email', message: 'An account with this email already exists' }]);
    await this.emailVerification.sendAfterSignUp(row);
    return { user: toUserView(row), session: await this.startSession(row.id) };
  }

  /** Checks credentials under the sign-in throttle; unknown email and wrong password fail identically. */
  async verifyCredentials(request: LoginRequest, ip: string): Promise<UserRow> {
    await this.throttle.assertAllowed(request.email, ip);
    const row = await this.users.findByEmail(request.email);
    const valid = await this.passwords.verify(row?.passwordHash ?? null, request.password);
    if (!row || !valid) {
      await this.throttle.recordFailure(request.email, ip);
      throw new AppError('INVALID_CREDENTIALS');
    }
    await this.throttle.recordSuccess(request.email, ip);
    return row;
  }

  async startSession(userId: string, familyId: string = randomUUID()): Promise<IssuedSession> {
    const next = this.newRefreshToken();
    await this.refreshTokens.create({ userId, familyId, tokenHash: hashToken(next.token), expiresAt: next.expiresAt });
    return this.issue(userId, familyId, next);
  }

  /**
   * Rotates a refresh token. Presenting one that was already rotated revokes its whole family,
   * except within the reuse window right after its rotation, where it is answered with its
   * successor (the same one, never a new branch) while that successor is still the newest.
   */
  async refresh(presented: string | undefined): Promise<IssuedSession> {
    const current = presented ? await this.refreshTokens.findByHash(hashToken(presented)) : null;
    if (!presented || !current || current.revokedAt) throw new AppError('REFRESH_TOKEN_INVALID');
    if (current.rotatedAt) return this.answerReuse(current, presented);
    if (current.expiresAt.getTime() <= Date.now()) throw new AppError('REFRESH_TOKEN_INVALID');

    const next = this.newRefreshToken();
    const successor = await this.refreshTokens.rotate(current, { tokenHash: hashToken(next.token), expiresAt: next.expiresAt }, () =>
      this.successors.keep(presented, next.token),
    );
    if (successor) return this.issue(current.userId, current.familyId, next);
    // A concurrent refresh with the same token won; this one is a reuse like any other.
    const rotated = await this.refreshTokens.findByHash(hashToken(presented));
    if (!rotated?.rotatedAt || rotated.revokedAt) throw new AppError('REFRESH_TOKEN_INVALID');
    return this.answerReuse(rotated, presented);
  }

  async logout(presented: string | undefined): Promise<void> {
    const current = presented ? await this.refreshTokens.findByHash(hashToken(presented)) : null;
    if (current) await this.revokeFamily(current.familyId);
  }

  /**
   * Changes the password after checking the current one (under the sign-in throttle), ends every
   * session of the person — this one included, on every device and socket — and starts a fresh
   * one for the caller.
   */
  async changePassword(userId: string, request: ChangePasswordRequest, ip: string): Promise<IssuedSession> {
    const row = await this.users.findById(userId);
    if (!row) throw new AppError('UNAUTHORIZED');
    await this.throttle.assertAllowed(row.email, ip);
    if (!(await this.passwords.verify(row.passwordHash, request.currentPassword))) {
      await this.throttle.recordFailure(row.email, ip);
      throw new AppError('VALIDATION_FAILED', 'The current password is not correct.', [
        { path: 'currentPassword', message: 'The current password is not correct' },
      ]);
    }
    await this.throttle.recordSuccess(row.email, ip);
    await this.users.updatePasswordHash(userId, await this.passwords.hash(request.newPassword));
    await this.revocations.announce(await this.refreshTokens.revokeAllOfUser(userId));
    return this.startSession(userId);
  }

  async profile(userId: string): Promise<User> {
    const row = await this.users.findById(userId);
    if (!row) throw new AppError('UNAUTHORIZED');
    return toUserView(row);
  }

  async updateProfile(userId: string, changes: UpdateProfileRequest): Promise<User> {
    return toUserView(await this.users.updateProfile(userId, changes));
  }

  private async answerReuse(rotated: RefreshTokenRow, presented: string): Promise<IssuedSession> {
    const rotatedAt = rotated.rotatedAt?.getTime() ?? 0;
    if (Date.now() - rotatedAt <= this.successors.windowMs) {
      const token = await this.successors.successorOf(presented);
      const successor = token ? await this.refreshTokens.findByHash(hashToken(token)) : null;
      const stillNewest =
        token && successor && successor.familyId === rotated.familyId && !successor.rotatedAt && !successor.revokedAt && successor.expiresAt.getTime() > Date.now();
      if (stillNewest) return this.issue(successor.userId, successor.familyId, { token, expiresAt: successor.expiresAt });
    }
    await this.revokeFamily(rotated.familyId);
    throw new AppError('REFRESH_TOKEN_INVALID');
  }

  private async revokeFamily(familyId: string): Promise<void> {
    await this.refreshTokens.revokeFamily(familyId);
    await this.revocations.announce([familyId]);
  }

  private newRefreshToken(): { token: string; expiresAt: Date } {
    return { token: randomBytes(32).toString('base64url'), expiresAt: new Date(Date.now() + this.config.REFRESH_TOKEN_TTL_DAYS * 86_400_000) };
  }

  /** The access token carries its refresh family (`sid`), so sockets can end with the session. */
  private async issue(userId: string, familyId: string, refresh: { token: string; expiresAt: Date }): Promise<IssuedSession> {
    const payload: AccessTokenPayload = { sub: userId, sid: familyId };
    const accessToken = await this.jwt.signAsync(payload, { jwtid: randomUUID(), audience: TOKEN_AUDIENCES.api });
    return { accessToken, refreshToken: refresh.token, refreshExpiresAt: refresh.expiresAt };
  }
}

// Refresh tokens are 256 random bits, so a fast hash is enough; the database never sees the token itself.
function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
