import { REFRESH_COOKIE_NAME, REFRESH_COOKIE_PATH, SESSION_MARKER_COOKIE_NAME } from '@pairboard/contracts';
import type { CookieOptions, Request, Response } from 'express';

function options(request: Request): CookieOptions {
  // `secure` follows the request (https directly, or X-Forwarded-Proto behind a trusted proxy).
  return { httpOnly: true, sameSite: 'strict', path: REFRESH_COOKIE_PATH, secure: request.secure };
}

/** The session marker: every page reads it, so it is on `/` and not httpOnly; its value means nothing. */
function markerOptions(request: Request): CookieOptions {
  return { httpOnly: false, sameSite: 'strict', path: '/', secure: request.secure };
}

export function readRefreshCookie(request: Request): string | undefined {
  const value = (request.cookies as Record<string, unknown> | undefined)?.[REFRESH_COOKIE_NAME];
  return typeof value === 'string' && value.length > 0 && value.length <= 256 ? value : undefined;
}

/** Sets the refresh cookie and, with the same lifetime, the marker that says a session may exist. */
export function setRefreshCookie(request: Request, response: Response, token: string, expiresAt: Date): void {
  response.cookie(REFRESH_COOKIE_NAME, token, { ...options(request), expires: expiresAt });
  response.cookie(SESSION_MARKER_COOKIE_NAME, '1', { ...markerOptions(request), expires: expiresAt });
}

export function clearRefreshCookie(request: Request, response: Response): void {
  response.clearCookie(REFRESH_COOKIE_NAME, options(request));
  response.clearCookie(SESSION_MARKER_COOKIE_NAME, markerOptions(request));
}
