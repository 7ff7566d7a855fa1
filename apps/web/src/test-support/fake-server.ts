import type { Fetch } from '../api/http';

export interface RecordedRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: unknown;
}

type Reply = { status: number; body?: unknown; headers?: Record<string, string> };
type Handler = (request: RecordedRequest) => Reply | Promise<Reply>;

/** A Response-shaped object; jsdom has no fetch of its own. */
export function fakeResponse({ status, body, headers = {} }: Reply): Response {
  const lower = Object.fromEntries(Object.entries(headers).map(([key, value]) => [key.toLowerCase(), value]));
  return {
    status,
    ok: status >= 200 && status < 300,
    headers: { get: (name: string) => lower[name.toLowerCase()] ?? null },
    text: async () => (body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body)),
  } as unknown as Response;
}

/** Answers requests by "METHOD /path" and records every request it saw. */
export function fakeServer(routes: Record<string, Handler | Handler[]>) {
  const requests: RecordedRequest[] = [];
  const calls = new Map<string, number>();
  const fetch: Fetch = async (input, init = {}) => {
    const request: RecordedRequest = {
      method: init.method ?? 'GET',
      path: input,
      headers: { ...(init.headers as Record<string, string> | undefined) },
      body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
    };
    requests.push(request);
    const key = `${request.method} ${request.path}`;
    const route = routes[key];
    if (!route) throw new Error(`No fake route for ${key}`);
    const count = calls.get(key) ?? 0;
    calls.set(key, count + 1);
    const handler = Array.isArray(route) ? route[Math.min(count, route.length - 1)] : route;
    return fakeResponse(await handler(request));
  };
  return { fetch, requests, count: (key: string) => requests.filter((r) => `${r.method} ${r.path}` === key).length };
}

/** An unsigned JWT-shaped token with the given lifetime; the client only reads its claims. */
export function fakeAccessToken(expiresInSeconds = 900, issuedAt = Math.floor(Date.now() / 1000), subject = 'u1'): string {
  const encode = (value: object) => btoa(JSON.stringify(value)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
  return `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode({ sub: subject, iat: issuedAt, exp: issuedAt + expiresInSeconds })}.signature`;
}

export const testUser = {
  id: 'u1',
  email: 'ada@example.com',
  name: 'Ada Lovelace',
  createdAt: '2025-01-01T00:00:00.000Z',
};
