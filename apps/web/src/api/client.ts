import type { ZodType } from 'zod';
import { ApiError, apiErrorFrom, networkError } from './errors';
import { globalFetch, readJson, type Fetch } from './http';
import type { Session } from './session';

export interface RequestOptions<T> {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Sent as JSON, or as multipart when it is FormData. */
  body?: unknown;
  /** Validates the success body; without it the body is returned as-is. */
  schema?: ZodType<T>;
  signal?: AbortSignal;
  /**
   * Sends the access token, and on a 401 renews it once and retries. Off for the calls that
   * create a session (sign-in, sign-up), where a 401 means wrong credentials.
   */
  authenticated?: boolean;
}

/** JSON over fetch against the same-origin API, with the session's bearer token. */
export class ApiClient {
  constructor(
    readonly session: Session,
    private readonly fetch: Fetch = globalFetch,
  ) {}

  async request<T = undefined>(path: string, options: RequestOptions<T> = {}): Promise<T> {
    return this.read(await this.exchange(path, options), options.schema);
  }

  /**
   * A request whose answer replaces the refresh cookie (a password change). It runs under the
   * refresh lock, so no refresh in any tab presents the cookie it replaces: the server ends the old
   * session at once and would sign out whoever presented it. A 401 is not retried here, because
   * renewing the token would wait for this very lock.
   */
  async requestReplacingRefreshCookie<T = undefined>(path: string, options: Omit<RequestOptions<T>, 'authenticated'> = {}): Promise<T> {
    const token = this.session.accessToken ?? (await this.session.refresh());
    return this.session.withRefreshCookie(async () => this.read(await this.send(path, options, token), options.schema));
  }

  /** A binary body (an image) as a Blob, with the same authentication and error handling. */
  async requestBlob(path: string, options: Pick<RequestOptions<never>, 'signal' | 'authenticated'> = {}): Promise<Blob> {
    const response = await this.exchange(path, { ...options, accept: '*/*' });
    if (!response.ok) throw apiErrorFrom(response.status, await readJson(response), response.headers.get('Retry-After'));
    return response.blob();
  }

  private async exchange(path: string, options: RequestOptions<unknown> & { accept?: string }): Promise<Response> {
    const authenticated = options.authenticated ?? true;
    const sentToken = authenticated ? this.session.accessToken : null;
    let response = await this.send(path, options, sentToken);

    if (response.status === 401 && authenticated) {
      // Another request may already have renewed the token while this one was in flight.
      const current = this.session.accessToken;
      const token = current && current !== sentToken ? current : await this.session.refresh();
      if (token) response = await this.send(path, options, token);
    }
    return response;
  }

  private async send(path: string, options: RequestOptions<unknown> & { accept?: string }, token: string | null): Promise<Response> {
    const headers: Record<string, string> = { Accept: options.accept ?? 'application/json' };
    // Form data (an upload) sets its own multipart Content-Type with the boundary.
    const form = typeof FormData !== 'undefined' && options.body instanceof FormData;
    if (options.body !== undefined && !form) headers['Content-Type'] = 'application/json';
    if (token) headers.Authorization = `Bearer ${token}`;
    try {
      return await this.fetch(path, {
        method: options.method ?? 'GET',
        headers,
        body: options.body === undefined ? undefined : form ? (options.body as FormData) : JSON.stringify(options.body),
        credentials: 'same-origin',
        // Responses depend on who asks; React Query is the cache, not the browser.
        cache: 'no-store',
        signal: options.signal,
      });
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') throw error;
      throw networkError();
    }
  }

  private async read<T>(response: Response, schema: ZodType<T> | undefined): Promise<T> {
    const body = response.status === 204 ? undefined : await readJson(response);
    if (!response.ok) throw apiErrorFrom(response.status, body, response.headers.get('Retry-After'));
    if (!schema) return body as T;
    const parsed = schema.safeParse(body);
    if (!parsed.success) {
      throw new ApiError(
        response.status,
        'UNEXPECTED_RESPONSE',
        'The server sent a response Pairboard did not understand.',
        parsed.error.issues,
      );
    }
    return parsed.data;
  }
}
