import { ApiError, apiErrorFrom, describeError, fieldIssuesOf, formatRetryAfter, parseRetryAfter } from './errors';

describe('apiErrorFrom', () => {
  it('reads the standard error body, with field issues for VALIDATION_FAILED', () => {
    const error = apiErrorFrom(400, {
      error: {
        code: 'VALIDATION_FAILED',
        message: 'Some fields are missing or invalid.',
        details: [
          { path: 'email', message: 'Enter a valid email address' },
          { path: ['password'], message: 'Use at least 12 characters' },
          { nonsense: true },
        ],
      },
    });
    expect(error).toBeInstanceOf(ApiError);
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.fieldIssues).toEqual([
      { path: 'email', message: 'Enter a valid email address' },
      { path: 'password', message: 'Use at least 12 characters' },
    ]);
  });

  it('has no field issues for other codes, even with details', () => {
    const error = apiErrorFrom(409, { error: { code: 'EMAIL_TAKEN', message: 'Taken', details: [{ path: 'email', message: 'x' }] } });
    expect(error.fieldIssues).toEqual([]);
  });

  it('falls back on the status when the body is not ours (a proxy page, empty body)', () => {
    expect(apiErrorFrom(502, '<html>Bad gateway</html>')).toMatchObject({ status: 502, code: 'INTERNAL' });
    expect(apiErrorFrom(429, undefined)).toMatchObject({ code: 'TOO_MANY_REQUESTS' });
    expect(apiErrorFrom(418, undefined)).toMatchObject({ code: 'UNEXPECTED_RESPONSE' });
  });

  it('keeps Retry-After and mentions it when describing the error', () => {
    const error = apiErrorFrom(
      429,
      { error: { code: 'TOO_MANY_REQUESTS', message: 'Too many attempts. Try again later.' } },
      '90',
    );
    expect(error.retryAfterSeconds).toBe(90);
    expect(describeError(error)).toBe('Too many attempts. Try again in 2 minutes.');
  });
});

describe('Retry-After', () => {
  it('parses seconds and HTTP dates', () => {
    const now = Date.parse('2025-01-01T00:00:00Z');
    expect(parseRetryAfter('30', now)).toBe(30);
    expect(parseRetryAfter('Wed, 01 Jan 2025 00:01:00 GMT', now)).toBe(60);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });

  it('formats a wait for people', () => {
    expect(formatRetryAfter(1)).toBe('Try again in a moment.');
    expect(formatRetryAfter(45)).toBe('Try again in 45 seconds.');
    expect(formatRetryAfter(60)).toBe('Try again in a minute.');
    expect(formatRetryAfter(61)).toBe('Try again in 2 minutes.');
  });
});

describe('fieldIssuesOf', () => {
  it('ignores details that are not a list of issues', () => {
    expect(fieldIssuesOf({ email: 'bad' })).toEqual([]);
    expect(fieldIssuesOf(undefined)).toEqual([]);
  });
});
