import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { LoginRequest, RegisterRequest, User } from '@pairboard/contracts';
import { APP_CONFIG, AppConfig } from '../../base/config';
import { AppError } from '../../base/errors';
import { toUserView, UserLifecycle, UserRow, UsersRepository } from '../users';
import { LoginThrottle } from './login-throttle';
import { PasswordHasher } from './password-hasher';
import { RefreshTokensRepository } from './refresh-tokens.repository';

export interface AccessTokenPayload {
  sub: string;
}

/** What a successful sign-in, sign-up or refresh hands to the transport. */
export interface IssuedSession {
  accessToken: string;
  refreshToken: string;
  refreshExpiresAt: Date;
}

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersRepository,
    private readonly lifecycle: UserLifecycle,
    private readonly refreshTokens: RefreshTokensRepository,
    private readonly passwords: PasswordHasher,
    private readonly throttle: LoginThrottle,
    private readonly jwt: JwtService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async register(request: RegisterRequest): Promise<{ user: User; session: IssuedSession }> {
    const passwordHash = await this.passwords.hash(request.password);
    const row = await this.users.create({ email: request.email, name: request.name, passwordHash });
    if (!row) throw new AppError('EMAIL_TAKEN', undefined, [{ path: 'email', message: 'An account with this email already exists' }]);
    await this.lifecycle.registered(row);
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
    await this.throttle.recordSuccess(request.email);
    return row;
  }

  startSession(userId: string, familyId: string = randomUUID()): Promise<IssuedSession> {
    return this.issue(userId, async (tokenHash, expiresAt) => {
      await this.refreshTokens.create({ userId, familyId, tokenHash, expiresAt });
    });
  }

  /** Rotates a refresh token. Presenting one that was already rotated revokes its whole family. */
  async refresh(presented: string | undefined): Promise<IssuedSession> {
    const current = presented ? await this.refreshTokens.findByHash(hashToken(presented)) : null;
    if (!current) throw new AppError('REFRESH_TOKEN_INVALID');
    if (current.rotatedAt || current.revokedAt) {
      await this.refreshTokens.revokeFamily(current.familyId);
      throw new AppError('REFRESH_TOKEN_INVALID');
    }
    if (current.expiresAt.getTime() <= Date.now()) throw new AppError('REFRESH_TOKEN_INVALID');

    return this.issue(current.userId, async (tokenHash, expiresAt) => {
      const next = await this.refreshTokens.rotate(current, { tokenHash, expiresAt });
      if (!next) {
        await this.refreshTokens.revokeFamily(current.familyId);
        throw new AppError('REFRESH_TOKEN_INVALID');
      }
    });
  }

  async logout(presented: string | undefined): Promise<void> {
    const current = presented ? await this.refreshTokens.findByHash(hashToken(presented)) : null;
    if (current) await this.refreshTokens.revokeFamily(current.familyId);
  }

  async profile(userId: string): Promise<User> {
    const row = await this.users.findById(userId);
    if (!row) throw new AppError('UNAUTHORIZED');
    return toUserView(row);
  }

  async rename(userId: string, name: string): Promise<User> {
    return toUserView(await this.users.updateName(userId, name));
  }

  private async issue(
    userId: string,
    store: (tokenHash: string, expiresAt: Date) => Promise<void>,
  ): Promise<IssuedSession> {
    const refreshToken = randomBytes(32).toString('base64url');
    const refreshExpiresAt = new Date(Date.now() + this.config.REFRESH_TOKEN_TTL_DAYS * 86_400_000);
    await store(hashToken(refreshToken), refreshExpiresAt);
    const payload: AccessTokenPayload = { sub: userId };
    const accessToken = await this.jwt.signAsync(payload, { jwtid: randomUUID() });
    return { accessToken, refreshToken, refreshExpiresAt };
  }
}

// Refresh tokens are 256 random bits, so a fast hash is enough; the database never sees the token itself.
function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
