import { createServer } from 'node:net';
import request from 'supertest';
import { ContentService } from '../../src/core/content';
import { flushRedis, resetDatabase, startTestApp, TestApp } from '../support/test-app';
import { signUp } from '../rooms/support/room-clients';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('metrics access, security headers and unusable text', () => {
  const apps: TestApp[] = [];
  beforeAll(async () => {
    await resetDatabase();
    await flushRedis();
  });
  afterAll(async () => {
    for (const app of apps) await app.close();
  });
  async function start(overrides: Record<string, string> = {}): Promise<TestApp> {
    const api = await startTestApp(overrides);
    apps.push(api);
    return api;
  }

  it('serves /metrics without a token only to a local, unproxied request', async () => {
    const api = await start();
    await api.http.get('/metrics').expect(200);
    const proxied = await api.http.get('/metrics').set('X-Forwarded-For', '203.0.113.9');
    expect(proxied.status).toBe(404);
    expect(proxied.text).not.toContain('nodejs_version_info');
  });

  it('with METRICS_TOKEN, /metrics needs it as a bearer token', async () => {
    const api = await start({ METRICS_TOKEN: 'metrics-token-0123456789' });
    expect((await api.http.get('/metrics')).status).toBe(401);
    expect((await api.http.get('/metrics').set('Authorization', 'Bearer metrics-token-0123456780')).status).toBe(401);
    const ok = await api.http.get('/metrics').set('Authorization', 'Bearer metrics-token-0123456789').expect(200);
    expect(ok.text).toContain('http_request_duration_seconds');
  });

  it('with METRICS_PORT, the metrics move to that port and the public one hides them', async () => {
    const port = await freePort();
    const api = await start({ METRICS_PORT: String(port) });
    expect((await api.http.get('/metrics')).status).toBe(404);
    const internal = await request(`http://127.0.0.1:${port}`).get('/metrics').expect(200);
    expect(internal.text).toContain('nodejs_version_info');
    expect((await request(`http://127.0.0.1:${port}`).get('/api/health')).status).toBe(404);
  });

  it("lets pages connect only to their own origin and sends HSTS only over https", async () => {
    const api = await start();
    const plain = await api.http.get('/api/health');
    expect(plain.headers['content-security-policy']).toMatch(/(^|;)connect-src 'self'(;|$)/);
    expect(plain.headers['strict-transport-security']).toBeUndefined();
    // An untrusted proxy header changes nothing.
    expect((await api.http.get('/api/health').set('X-Forwarded-Proto', 'https')).headers['strict-transport-security']).toBeUndefined();

    const proxied = await start({ TRUST_PROXY: 'true' });
    expect((await proxied.http.get('/api/health')).headers['strict-transport-security']).toBeUndefined();
    const secure = await proxied.http.get('/api/health').set('X-Forwarded-Proto', 'https');
    expect(secure.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
  });

  it('answers 400 with the path for NUL, control characters or lone surrogates in a body, a query or a parameter', async () => {
    const api = await start();
    await api.app.get(ContentService).seedBuiltIns();
    const ivan = await signUp(api, 'Ivan');
    const auth = { Authorization: `Bearer ${ivan.token}` };
    for (const title of ['Design\u0000', 'Broken \ud800 pair', 'Lone \udc00 low', 'Bell \u0007']) {
      const response = await api.http.post('/api/interviews').set(auth).send({ title, questionId: 'url-shortener' });
      expect(response.status).toBe(400);
      expect(response.body.error).toEqual({ code: 'VALIDATION_FAILED', message: expect.any(String), details: [{ path: 'title', message: expect.stringContaining('cannot be stored') }] });
    }
    const renamed = await api.http.patch('/api/auth/me').set(auth).send({ name: 'Iv\u0000an' });
    expect(renamed.status).toBe(400);
    expect(renamed.body.error.details[0].path).toBe('name');

    const param = await api.http.get('/api/scripts/abc%00def').set(auth);
    expect(param.status).toBe(400);
    expect(param.body.error.details[0].path).toBe('slug');
    const query = await api.http.get('/api/questions?q=cache%00').set(auth);
    expect(query.status).toBe(400);
    expect(query.body.error.details[0].path).toBe('q');

    // Well-formed text of every kind is still accepted: tabs and line breaks, emoji (surrogate pairs), other scripts.
    const fine = await api.http.post('/api/interviews').set(auth).send({ title: 'Design 🚀\tнабросок 設計', questionId: 'url-shortener' });
    expect(fine.status).toBe(201);
    expect(fine.body.title).toBe('Design 🚀\tнабросок 設計');
    const listed = await api.http.get('/api/interviews').set(auth).expect(200);
    expect(JSON.stringify(listed.body)).toContain('設計');
  });
});
