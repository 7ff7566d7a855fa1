import { isErrorBody, type ErrorCode, type FieldIssue } from '@pairboard/contracts';

/** Codes the server sends, plus the two failures only a client can see. */
export type ClientErrorCode = ErrorCode | 'NETWORK_ERROR' | 'UNEXPECTED_RESPONSE';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ClientErrorCode,
    message: string,
    readonly details?: unknown,
    /** From the Retry-After header of a 429 or 503, in whole seconds. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** Field problems of a VALIDATION_FAILED error; empty for every other error. */
  get fieldIssues(): FieldIssue[] {
    return this.code === 'VALIDATION_FAILED' ? fieldIssuesOf(this.details) : [];
  }
}

const FALLBACK_BY_STATUS: Record<number, [ClientErrorCode, string]> = {
  400: ['VALIDATION_FAILED', 'Some fields are missing or invalid.'],
  401: ['UNAUTHORIZED', 'Sign in to continue.'],
  403: ['FORBIDDEN', 'You are not allowed to do that.'],
  404: ['NOT_FOUND', 'Not found.'],
  409: ['CONFLICT', 'That conflicts with the current state.'],
  413: ['PAYLOAD_TOO_LARGE', 'The request is too large.'],
  429: ['TOO_MANY_REQUESTS', 'Too many attempts. Try again later.'],
  503: ['SERVICE_UNAVAILABLE', 'Pairboard is temporarily unavailable.'],
};

/** Builds an ApiError from a failed response, whether or not its body has the standard shape. */
export function apiErrorFrom(status: number, body: unknown, retryAfterHeader: string | null = null): ApiError {
  const retryAfter = parseRetryAfter(retryAfterHeader);
  if (isErrorBody(body)) {
    const { code, message, details } = body.error;
    return new ApiError(status, code, message || fallbackFor(status)[1], details, retryAfter);
  }
  const [code, message] = fallbackFor(status);
  return new ApiError(status, code, message, undefined, retryAfter);
}

function fallbackFor(status: number): [ClientErrorCode, string] {
  if (FALLBACK_BY_STATUS[status]) return FALLBACK_BY_STATUS[status];
  if (status >= 500) return ['INTERNAL', 'Something went wrong on our side. Try again in a moment.'];
  return ['UNEXPECTED_RESPONSE', `The server answered with an unexpected status (${status}).`];
}

export function networkError(): ApiError {
  return new ApiError(0, 'NETWORK_ERROR', 'Pairboard could not be reached. Check your connection and try again.');
}

/** Accepts `{ path: "email" }` and zod-style `{ path: ["email"] }` entries; ignores anything else. */
export function fieldIssuesOf(details: unknown): FieldIssue[] {
  if (!Array.isArray(details)) return [];
  return details.flatMap((entry): FieldIssue[] => {
    if (typeof entry !== 'object' || entry === null) return [];
    const { path, message } = entry as { path?: unknown; message?: unknown };
    if (typeof message !== 'string') return [];
    if (typeof path === 'string') return [{ path, message }];
    if (Array.isArray(path)) return [{ path: path.join('.'), message }];
    return [];
  });
}

/** Retry-After is either delta-seconds or an HTTP date. */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, Math.ceil((at - now) / 1000));
}

export function formatRetryAfter(seconds: number): string {
  if (seconds <= 1) return 'Try again in a moment.';
  if (seconds < 60) return `Try again in ${seconds} seconds.`;
  const minutes = Math.ceil(seconds / 60);
  return minutes === 1 ? 'Try again in a minute.' : `Try again in ${minutes} minutes.`;
}

/** A sentence for a banner, including when to retry if the server said so. */
export function describeError(error: unknown): string {
  if (!(error instanceof ApiError)) return 'Something went wrong. Try again.';
  if (error.retryAfterSeconds !== undefined) {
    const base = error.message.replace(/\s*Try again later\.?$/i, '');
    return `${base} ${formatRetryAfter(error.retryAfterSeconds)}`;
  }
  return error.message;
}
