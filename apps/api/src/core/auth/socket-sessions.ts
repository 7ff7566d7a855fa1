import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import type { SessionEndReason } from '@pairboard/contracts';
import { APP_CONFIG, AppConfig } from '../../base/config';
import { AppError } from '../../base/errors';
import { AccessTokenVerifier, VerifiedAccess } from './access-token-verifier';
import { RefreshTokensRepository } from './refresh-tokens.repository';
import { RevocationListener, SessionRevocations } from './session-revocations';

/** What a transport does when the session of one of its sockets needs attention. */
export interface SocketSessionTransport {
  /** Ask the client for a fresh access token before `expiresAt` (epoch ms). */
  expiring(expiresAt: number): void;
  /** The session is over: tell the client and close the socket. Called at most once. */
  end(reason: SessionEndReason): void;
}

/** One open socket's session: whose, which sign-in, and until when it may stay open. */
export class SocketSession {
  ended = false;
  warnTimer: NodeJS.Timeout | undefined;
  endTimer: NodeJS.Timeout | undefined;

  constructor(
    readonly userId: string,
    public familyId: string,
    public expiresAt: number,
    readonly transport: SocketSessionTransport,
  ) {}
}

/**
 * Keeps every open socket (socket.io `/rooms` and `/notifications`, the board's WebSocket) inside
 * its session: asks for a fresh token shortly before the current one expires, closes the socket
 * when it expires unrenewed, and closes it at once when its refresh family is revoked on any
 * instance. The transports only say how to ask and how to close.
 */
@Injectable()
export class SocketSessions implements OnModuleInit, OnModuleDestroy, RevocationListener {
  private readonly logger = new Logger('SocketSessions');
  private readonly byFamily = new Map<string, Set<SocketSession>>();
  private readonly leadMs: number;
  private stopListening: (() => void) | null = null;

  constructor(
    private readonly tokens: AccessTokenVerifier,
    private readonly refreshTokens: RefreshTokensRepository,
    private readonly revocations: SessionRevocations,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.leadMs = config.SOCKET_REFRESH_LEAD_SECONDS * 1000;
  }

  onModuleInit(): void {
    this.stopListening = this.revocations.listen(this);
  }

  onModuleDestroy(): void {
    this.stopListening?.();
    for (const sessions of this.byFamily.values()) for (const session of sessions) this.clearTimers(session);
    this.byFamily.clear();
  }

  /** Starts watching a socket admitted with `access` (from AccessTokenVerifier.sessionOf). */
  track(access: VerifiedAccess, transport: SocketSessionTransport): SocketSession {
    const session = new SocketSession(access.userId, access.familyId, access.expiresAt, transport);
    this.index(session);
    this.schedule(session);
    return session;
  }

  /** The socket closed: forget it. */
  release(session: SocketSession): void {
    session.ended = true;
    this.clearTimers(session);
    this.unindex(session);
  }

  /**
   * A fresh access token sent on the open socket: of the same person, valid, and of a session
   * still signed in. Moves the deadline to its expiry; otherwise UNAUTHORIZED and the deadline
   * stays where it was.
   */
  async renew(session: SocketSession, token: unknown): Promise<{ expiresAt: number }> {
    if (session.ended) throw new AppError('UNAUTHORIZED');
    let access: VerifiedAccess | null;
    try {
      access = await this.tokens.sessionOf(token);
    } catch (error) {
      this.logger.error(`renewing a socket's session: ${error instanceof Error ? error.message : String(error)}`);
      throw new AppError('SERVICE_UNAVAILABLE');
    }
    if (!access || access.userId !== session.userId) throw new AppError('UNAUTHORIZED', 'That token does not renew this connection.');
    if (session.ended) throw new AppError('UNAUTHORIZED');
    // A newer sign-in of the same person in the same page may carry the socket on.
    if (access.familyId !== session.familyId) {
      this.unindex(session);
      session.familyId = access.familyId;
      this.index(session);
    }
    session.expiresAt = Math.max(session.expiresAt, access.expiresAt);
    this.schedule(session);
    return { expiresAt: session.expiresAt };
  }

  revoked(familyIds: string[]): void {
    for (const familyId of familyIds) {
      for (const session of [...(this.byFamily.get(familyId) ?? [])]) this.end(session, 'revoked');
    }
  }

  resync(): void {
    const familyIds = [...this.byFamily.keys()];
    this.refreshTokens.liveFamilies(familyIds).then(
      (live) => this.revoked(familyIds.filter((familyId) => !live.has(familyId))),
      (error: unknown) => this.logger.warn(`sessions not rechecked after a Redis outage: ${error instanceof Error ? error.message : String(error)}`),
    );
  }

  private schedule(session: SocketSession): void {
    this.clearTimers(session);
    const left = session.expiresAt - Date.now();
    if (left <= 0) return this.end(session, 'expired');
    session.warnTimer = setTimeout(() => {
      if (!session.ended) session.transport.expiring(session.expiresAt);
    }, Math.max(0, left - this.leadMs));
    session.endTimer = setTimeout(() => this.end(session, 'expired'), left);
  }

  private end(session: SocketSession, reason: SessionEndReason): void {
    if (session.ended) return;
    this.release(session);
    try {
      session.transport.end(reason);
    } catch (error) {
      this.logger.warn(`closing a socket whose session ended: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private clearTimers(session: SocketSession): void {
    clearTimeout(session.warnTimer);
    clearTimeout(session.endTimer);
    session.warnTimer = undefined;
    session.endTimer = undefined;
  }

  private index(session: SocketSession): void {
    let sessions = this.byFamily.get(session.familyId);
    if (!sessions) this.byFamily.set(session.familyId, (sessions = new Set()));
    sessions.add(session);
  }

  private unindex(session: SocketSession): void {
    const sessions = this.byFamily.get(session.familyId);
    if (!sessions) return;
    sessions.delete(session);
    if (sessions.size === 0) this.byFamily.delete(session.familyId);
  }
}
