import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { normaliseEmail } from '@pairboard/contracts';
import type { NextFunction, Request, Response } from 'express';
import { APP_CONFIG, AppConfig } from '../../base/config';
import { AppError } from '../../base/errors';
import { TOKEN_AUDIENCES } from '../auth';
import { UsersService } from '../users';

export const ADMIN_COOKIE = 'pb_admin';
export const ADMIN_COOKIE_PATH = '/admin';
export const ADMIN_SESSION_SECONDS = 15 * 60;
const ADMIN_AUDIENCE = TOKEN_AUDIENCES.admin;

/**
 * Who is an operator (ADMIN_USER_IDS, or verified accounts in ADMIN_EMAILS), and the dashboard's own session. The web app keeps its access
 * token in memory, so a page the server renders (Bull Board) cannot see it; an admin exchanges it
 * for a short-lived HttpOnly, SameSite=Strict cookie scoped to /admin — never sent to the API, not
 * readable by scripts, not sent by other sites' requests. Every request re-checks the list, so
 * removing an email takes effect at once.
 */
@Injectable()
export class AdminAccess {
  private readonly adminEmails: Set<string>;
  private readonly adminIds: Set<string>;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly users: UsersService,
    private readonly jwt: JwtService,
  ) {
    this.adminEmails = new Set(config.ADMIN_EMAILS.split(',').map(normaliseEmail).filter(Boolean));
    this.adminIds = new Set(config.ADMIN_USER_IDS.split(',').map((id) => id.trim().toLowerCase()).filter(Boolean));
  }

  /**
   * An operator is listed by user id, or by email — and then only once the account proved the
   * address: anyone can sign up with an address before its owner does.
   */
  async isAdmin(userId: string): Promise<boolean> {
    if (this.adminIds.has(userId.toLowerCase())) return (await this.users.findById(userId)) !== null;
    if (this.adminEmails.size === 0) return false;
    const user = await this.users.findById(userId);
    return user !== null && user.emailVerifiedAt !== null && this.adminEmails.has(normaliseEmail(user.email));
  }

  async requireAdmin(userId: string): Promise<void> {
    if (!(await this.isAdmin(userId))) throw new AppError('FORBIDDEN', 'Only operators may open the job dashboard.');
  }

  async openSession(userId: string, request: Request, response: Response): Promise<{ expiresAt: string }> {
    await this.requireAdmin(userId);
    const token = await this.jwt.signAsync({ sub: userId }, { audience: ADMIN_AUDIENCE, expiresIn: ADMIN_SESSION_SECONDS });
    const expiresAt = new Date(Date.now() + ADMIN_SESSION_SECONDS * 1000);
    response.cookie(ADMIN_COOKIE, token, { httpOnly: true, sameSite: 'strict', path: ADMIN_COOKIE_PATH, secure: request.secure, expires: expiresAt });
    return { expiresAt: expiresAt.toISOString() };
  }

  /** Express middleware in front of the dashboard: 401 without a valid session, 403 for non-admins. */
  middleware() {
    return (request: Request, response: Response, next: NextFunction) => {
      void this.check(request).then(
        () => next(),
        (error: unknown) => {
          const failure = error instanceof AppError ? error : new AppError('INTERNAL');
          response.status(failure.status).json(failure.toBody());
        },
      );
    };
  }

  private async check(request: Request): Promise<void> {
    const token = (request.cookies as Record<string, unknown> | undefined)?.[ADMIN_COOKIE];
    if (typeof token !== 'string' || token.length > 4096) throw new AppError('UNAUTHORIZED', 'Open the dashboard from Pairboard (POST /api/admin/session) first.');
    const payload = await this.jwt.verifyAsync<{ sub?: unknown }>(token, { audience: ADMIN_AUDIENCE }).catch(() => null);
    if (!payload || typeof payload.sub !== 'string') throw new AppError('UNAUTHORIZED', 'The dashboard session has ended; open it again.');
    await this.requireAdmin(payload.sub);
  }
}
