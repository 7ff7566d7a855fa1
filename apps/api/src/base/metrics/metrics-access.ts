import { timingSafeEqual } from 'node:crypto';
import type { Request } from 'express';

export type MetricsAccess = 'allowed' | 'unauthorized' | 'hidden';

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/**
 * Who may read /metrics on the public port. With `METRICS_TOKEN`, whoever sends it as a bearer
 * token (anyone else: 401). Without it, only a request made on this machine and not relayed by a
 * proxy (the socket's peer is loopback, no forwarding headers), so `npm start` can be scraped
 * locally while the internet, through nginx or otherwise, gets 404. `METRICS_PORT` serves the
 * metrics apart and hides them here unless a token is set.
 */
export function metricsAccess(request: Request, config: { METRICS_TOKEN?: string; METRICS_PORT?: number }): MetricsAccess {
  if (config.METRICS_TOKEN) {
    const match = /^Bearer (.+)$/.exec(request.headers.authorization ?? '');
    return match && sameSecret(match[1], config.METRICS_TOKEN) ? 'allowed' : 'unauthorized';
  }
  if (config.METRICS_PORT) return 'hidden';
  const peer = request.socket.remoteAddress ?? '';
  const forwarded = request.headers['x-forwarded-for'] !== undefined || request.headers.forwarded !== undefined;
  return LOOPBACK.has(peer) && !forwarded ? 'allowed' : 'hidden';
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
