import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { UsersService } from '../users';
import { RefreshTokensRepository } from './refresh-tokens.repository';
import { TOKEN_AUDIENCES } from './token-audiences';

/** Longer than any token we issue; anything longer is refused before it is parsed. */
const MAX_TOKEN_LENGTH = 4096;

/** The claims of an access token: who, which sign-in (refresh family) and until when. */
export interface AccessTokenPayload {
  sub: string;
  /** The refresh family the token was issued under; revoking it ends the session. */
  sid: string;
}

/** A valid access token, read. */
export interface VerifiedAccess {
  userId: string;
  familyId: string;
  /** Epoch milliseconds. */
  expiresAt: number;
}

/**
 * Checks the access tokens that arrive outside HTTP (socket.io handshakes, the board's WebSocket,
 * a token renewed on an open socket), where the passport guard does not run. One place, so every
 * transport refuses the same tokens. Unlike a stateless bearer check, a socket lives on, so it
 * also asks whether the token's session is still signed in.
 */
@Injectable()
export class AccessTokenVerifier {
  constructor(
    private readonly jwt: JwtService,
    private readonly users: UsersService,
    private readonly refreshTokens: RefreshTokensRepository,
  ) {}

  /** The claims of a well-formed, correctly signed, unexpired API access token; null otherwise. */
  async read(token: unknown): Promise<VerifiedAccess | null> {
    if (typeof token !== 'string' || token.length === 0 || token.length > MAX_TOKEN_LENGTH) return null;
    try {
      const payload = await this.jwt.verifyAsync<Partial<Record<keyof AccessTokenPayload | 'exp', unknown>>>(token, {
        audience: TOKEN_AUDIENCES.api,
      });
      if (typeof payload.sub !== 'string' || typeof payload.sid !== 'string' || typeof payload.exp !== 'number') return null;
      return { userId: payload.sub, familyId: payload.sid, expiresAt: payload.exp * 1000 };
    } catch {
      return null;
    }
  }

  /**
   * A valid token whose session has not been signed out or revoked. Rejects when the database
   * cannot be asked, so callers can say "try again" rather than "no".
   */
  async sessionOf(token: unknown): Promise<VerifiedAccess | null> {
    const access = await this.read(token);
    if (!access) return null;
    return (await this.refreshTokens.isFamilyLive(access.familyId, access.userId)) ? access : null;
  }

  /** The account and session behind a token, or null when either is gone. Rejects as sessionOf does. */
  async accountOf(token: unknown): Promise<{ id: string; name: string; session: VerifiedAccess } | null> {
    const session = await this.sessionOf(token);
    if (!session) return null;
    const user = await this.users.findById(session.userId);
    return user ? { id: user.id, name: user.name, session } : null;
  }
}
