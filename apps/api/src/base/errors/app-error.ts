import { ERROR_CATALOGUE, ErrorBody, ErrorCode } from '@pairboard/contracts';

/** The one error type services throw; the HTTP filter and socket gateways both render it. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message?: string,
    readonly details?: unknown,
    /** Extra response headers, e.g. Retry-After for TOO_MANY_REQUESTS. */
    readonly headers: Record<string, string> = {},
  ) {
    super(message ?? ERROR_CATALOGUE[code].message);
    this.name = 'AppError';
  }

  get status(): number {
    return ERROR_CATALOGUE[this.code].status;
  }

  toBody(): ErrorBody {
    return { error: { code: this.code, message: this.message, ...(this.details === undefined ? {} : { details: this.details }) } };
  }
}

export function errorBody(code: ErrorCode, message?: string, details?: unknown): ErrorBody {
  return new AppError(code, message, details).toBody();
}
