import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { UsersRepository } from '../users';

/** Longer than any token we issue; anything longer is refused before it is parsed. */
const MAX_TOKEN_LENGTH = 4096;

/**
 * Checks the access tokens that arrive outside HTTP (socket.io handshakes, the board's WebSocket),
 * where the passport guard does not run. One place, so every transport refuses the same tokens.
 */
@Injectable()
export class AccessTokenVerifier {
  constructor(
    private readonly jwt: JwtService,
    private readonly users: UsersRepository,
  ) {}

  /** Whom a valid, unexpired access token was issued to; null for anything else. */
  async userIdOf(token: unknown): Promise<string | null> {
    if (typeof token !== 'string' || token.length === 0 || token.length > MAX_TOKEN_LENGTH) return null;
    try {
      const payload = await this.jwt.verifyAsync<{ sub?: unknown }>(token);
      return typeof payload.sub === 'string' ? payload.sub : null;
    } catch {
      return null;
    }
  }

  /**
   * The account behind a token, or null when the token is not valid or its account is gone.
   * Rejects when the database cannot be asked, so callers can say "try again" rather than "no".
   */
  async accountOf(token: unknown): Promise<{ id: string; name: string } | null> {
    const userId = await this.userIdOf(token);
    if (!userId) return null;
    const user = await this.users.findById(userId);
    return user ? { id: user.id, name: user.name } : null;
  }
}
