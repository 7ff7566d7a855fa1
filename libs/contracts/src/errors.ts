/**
 * One catalogue of error codes, shared by REST responses and socket events.
 * The HTTP status lives beside the code so the server maps errors the same way everywhere
 * and the web app can switch on `code` without guessing from the status.
 */
export const ERROR_CATALOGUE = {
  VALIDATION_FAILED: { status: 400, message: 'Some fields are missing or invalid.' },
  MALFORMED_BODY: { status: 400, message: 'The request body is not valid JSON.' },
  UNAUTHORIZED: { status: 401, message: 'Sign in to continue.' },
  INVALID_CREDENTIALS: { status: 401, message: 'Email or password is incorrect.' },
  REFRESH_TOKEN_INVALID: { status: 401, message: 'Your session has ended. Sign in again.' },
  FORBIDDEN: { status: 403, message: 'You are not allowed to do that.' },
  NOT_FOUND: { status: 404, message: 'Not found.' },
  EMAIL_TAKEN: { status: 409, message: 'An account with this email already exists.' },
  CONFLICT: { status: 409, message: 'That conflicts with the current state.' },
  NOT_IN_ROOM: { status: 409, message: 'Join the interview room first.' },
  PAYLOAD_TOO_LARGE: { status: 413, message: 'The request body is too large.' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: 'This kind of file is not accepted.' },
  TOO_MANY_REQUESTS: { status: 429, message: 'Too many attempts. Try again later.' },
  TOO_MANY_CONNECTIONS: { status: 429, message: 'You have too many interview room connections open. Close a tab and try again.' },
  INTERNAL: { status: 500, message: 'Something went wrong on our side.' },
  SERVICE_UNAVAILABLE: { status: 503, message: 'A service Pairboard depends on is unavailable.' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof ERROR_CATALOGUE;

/** Every non-2xx JSON response has exactly this shape. */
export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: unknown };
}

/** Field-level problems reported under `details` for VALIDATION_FAILED. */
export interface FieldIssue {
  path: string;
  message: string;
}

export function isErrorBody(value: unknown): value is ErrorBody {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error = (value as { error: unknown }).error;
  return typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'string';
}
