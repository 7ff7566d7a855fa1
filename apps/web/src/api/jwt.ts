export interface TokenTimes {
  /** Milliseconds since the epoch. */
  expiresAt: number;
  issuedAt?: number;
}

/**
 * Reads `exp` and `iat` from a JWT without verifying it: the client only uses them to schedule a
 * refresh; the server verifies every token it receives.
 */
export function readTokenTimes(token: string): TokenTimes | null {
  const payload = token.split('.')[1];
  if (!payload) return null;
  try {
    const base64 = payload.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(payload.length / 4) * 4, '=');
    const claims = JSON.parse(atob(base64)) as { exp?: unknown; iat?: unknown };
    if (typeof claims.exp !== 'number') return null;
    return {
      expiresAt: claims.exp * 1000,
      issuedAt: typeof claims.iat === 'number' ? claims.iat * 1000 : undefined,
    };
  } catch {
    return null;
  }
}
