import { refreshResponseSchema, SESSION_MARKER_COOKIE_NAME } from '@pairboard/contracts';
import { ApiError, apiErrorFrom, networkError } from './errors';
import { globalFetch, readJson, type Fetch } from './http';
import { readTokenTimes } from './jwt';

export const REFRESH_LOCK_NAME = 'pairboard-refresh';
const RETRY_FAILED_REFRESH_MS = 30_000;
const MAX_TIMER_MS = 2 ** 31 - 1;

/** The part of the Web Locks API the session needs. */
export interface LockRequester {
  request<T>(name: string, callback: () => Promise<T>): Promise<T>;
}

export interface SessionOptions {
  fetch?: Fetch;
  /** Defaults to `navigator.locks`; null forces the in-tab fallback. */
  locks?: LockRequester | null;
  now?: () => number;
  /** The page's cookies (`document.cookie`); the session marker among them says a session may exist. */
  readCookies?: () => string;
}

type Listener = (accessToken: string | null) => void;

/**
 * Holds the access token in memory (never in storage) and renews it with the httpOnly refresh cookie.
 *
 * The server revokes a whole token family when one refresh token is presented twice, so every request
 * that presents the cookie runs under one Web Lock shared by all tabs of the origin: presentations are
 * strictly sequential and each one carries the cookie the previous one set.
 */
export class Session {
  private token: string | null = null;
  private readonly listeners = new Set<Listener>();
  private inFlightRefresh: Promise<string | null> | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private localQueue: Promise<unknown> = Promise.resolve();
  private readonly fetch: Fetch;
  private readonly locks: LockRequester | null;
  private readonly now: () => number;
  private readonly readCookies: () => string;

  constructor(options: SessionOptions = {}) {
    this.fetch = options.fetch ?? globalFetch;
    this.locks = options.locks !== undefined ? options.locks : defaultLocks();
    this.now = options.now ?? Date.now;
    this.readCookies = options.readCookies ?? (() => (typeof document === 'undefined' ? '' : document.cookie));
  }

  /**
   * False when this browser holds no refresh cookie: the server sets and clears a readable marker
   * with it, and without the marker there is nothing a refresh could renew.
   */
  get mayExist(): boolean {
    return this.readCookies()
      .split(';')
      .some((cookie) => cookie.trim().startsWith(`${SESSION_MARKER_COOKIE_NAME}=`));
  }

  get accessToken(): string | null {
    return this.token;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Uses a token the server just issued (sign-in, sign-up or refresh). */
  use(accessToken: string): void {
    this.token = accessToken;
    this.scheduleRefresh();
    this.emit();
  }

  /** Forgets the access token in this tab. */
  end(): void {
    this.cancelScheduledRefresh();
    if (this.token === null) return;
    this.token = null;
    this.emit();
  }

  /**
   * Exchanges the refresh cookie for a new access token. Resolves null when the session is over
   * (the server answered 401); rejects on network or server failures, leaving the session as it was.
   * Concurrent calls in one tab share one request.
   */
  refresh(): Promise<string | null> {
    if (!this.inFlightRefresh) {
      this.inFlightRefresh = this.withRefreshCookie(() => this.requestRefresh())
        .then((token) => {
          if (token) this.use(token);
          else this.end();
          return token;
        })
        .finally(() => {
          this.inFlightRefresh = null;
        });
    }
    return this.inFlightRefresh;
  }

  /** Revokes the refresh token on the server (best effort) and ends the session here. */
  async signOut(): Promise<void> {
    this.cancelScheduledRefresh();
    try {
      await this.withRefreshCookie(() =>
        this.fetch('/api/auth/logout', { method: 'POST', credentials: 'same-origin' }),
      );
    } catch {
      // Offline: the cookie stays until it expires, but this tab is signed out as asked.
    } finally {
      this.end();
    }
  }

  /** Runs a request that presents the refresh cookie, one at a time across every tab. */
  withRefreshCookie<T>(task: () => Promise<T>): Promise<T> {
    if (this.locks) return this.locks.request(REFRESH_LOCK_NAME, task);
    const run = this.localQueue.then(task, task);
    this.localQueue = run.catch(() => undefined);
    return run;
  }

  /** Timers are throttled in background tabs: catch up when the tab is shown again. */
  watchVisibility(target: Document = document): () => void {
    const onChange = () => {
      if (target.visibilityState === 'visible' && this.token && this.msUntilRefreshDue() <= 0) {
        this.silentRefresh();
      }
    };
    target.addEventListener('visibilitychange', onChange);
    return () => target.removeEventListener('visibilitychange', onChange);
  }

  private async requestRefresh(): Promise<string | null> {
    let response: Response;
    try {
      response = await this.fetch('/api/auth/refresh', {
        method: 'POST',
        credentials: 'same-origin',
        headers: { Accept: 'application/json' },
        // The server rotates the cookie as soon as it answers. A reload or navigation must not
        // cancel the request before the browser stores the new cookie, or the next presentation
        // of the old one ends the session everywhere.
        keepalive: true,
      });
    } catch {
      throw networkError();
    }
    if (response.status === 401) return null;
    const body = await readJson(response);
    if (!response.ok) throw apiErrorFrom(response.status, body, response.headers.get('Retry-After'));
    const parsed = refreshResponseSchema.safeParse(body);
    if (!parsed.success) {
      throw new ApiError(response.status, 'UNEXPECTED_RESPONSE', 'The session could not be renewed.', parsed.error.issues);
    }
    return parsed.data.accessToken;
  }

  private msUntilRefreshDue(): number {
    const times = this.token ? readTokenTimes(this.token) : null;
    if (!times) return Infinity;
    const lifetime = times.issuedAt !== undefined ? times.expiresAt - times.issuedAt : 15 * 60_000;
    // A minute early, or a fifth of the lifetime for short-lived tokens.
    const lead = Math.min(60_000, lifetime / 5);
    return times.expiresAt - lead - this.now();
  }

  private scheduleRefresh(delay = this.msUntilRefreshDue()): void {
    this.cancelScheduledRefresh();
    if (!Number.isFinite(delay)) return;
    this.timer = setTimeout(() => this.silentRefresh(), Math.min(Math.max(delay, 0), MAX_TIMER_MS));
  }

  private silentRefresh(): void {
    this.refresh().catch(() => {
      if (this.token) this.scheduleRefresh(RETRY_FAILED_REFRESH_MS);
    });
  }

  private cancelScheduledRefresh(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private emit(): void {
    for (const listener of this.listeners) listener(this.token);
  }
}

function defaultLocks(): LockRequester | null {
  if (typeof navigator === 'undefined' || !('locks' in navigator) || !navigator.locks) return null;
  return navigator.locks as unknown as LockRequester;
}
