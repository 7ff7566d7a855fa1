import { startTestApp, TestApp } from '../support/test-app';

describe('health, metrics and API docs', () => {
  let api: TestApp;

  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(() => api.close());

  it('reports database and Redis up', async () => {
    const response = await api.http.get('/api/health');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ok', checks: { database: 'up', redis: 'up' } });
  });

  it('serves Prometheus metrics including the HTTP latency histogram', async () => {
    await api.http.get('/api/health');
    const response = await api.http.get('/metrics');
    expect(response.status).toBe(200);
    expect(response.text).toContain('http_request_duration_seconds_bucket');
    expect(response.text).toMatch(/http_request_duration_seconds_count\{method="GET",route="\/api\/health",status="200"\} \d+/);
    expect(response.text).toContain('process_cpu_seconds_total');
  });

  it('publishes the OpenAPI document with the auth calls', async () => {
    const response = await api.http.get('/api/docs-json');
    expect(response.status).toBe(200);
    expect(Object.keys(response.body.paths)).toEqual(
      expect.arrayContaining(['/api/auth/register', '/api/auth/login', '/api/auth/refresh', '/api/auth/logout', '/api/auth/me']),
    );
    expect(response.body.components.schemas.RegisterDto.properties.password).toMatchObject({ minLength: 12, maxLength: 128 });
  });

  it('answers unknown API routes with a JSON 404 and echoes the request id', async () => {
    const response = await api.http.get('/api/no-such-thing').set('X-Request-Id', 'req-123');
    expect(response.status).toBe(404);
    expect(response.body.error.code).toBe('NOT_FOUND');
    expect(response.headers['x-request-id']).toBe('req-123');
  });

  it('sets protective headers and no CORS headers for foreign origins', async () => {
    const response = await api.http.get('/api/health').set('Origin', 'https://evil.example');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
    expect(response.headers['x-powered-by']).toBeUndefined();
  });
});

describe('health with Redis unreachable', () => {
  let api: TestApp;

  beforeAll(async () => {
    // Nothing listens on port 1: the app must still boot and report Redis down.
    api = await startTestApp({ REDIS_URL: 'redis://127.0.0.1:1' });
  });
  afterAll(() => api.close());

  it('answers 503 naming Redis as down', async () => {
    const response = await api.http.get('/api/health');
    expect(response.status).toBe(503);
    expect(response.body).toEqual({ status: 'error', checks: { database: 'up', redis: 'down' } });
  });

  it('refuses sign-in with 503 rather than skipping the throttle', async () => {
    const response = await api.http.post('/api/auth/login').send({ email: 'someone@example.test', password: 'whatever password' });
    expect(response.status).toBe(503);
    expect(response.body.error.code).toBe('SERVICE_UNAVAILABLE');
  });
});

describe('configuration', () => {
  it('fails fast naming a missing or bad variable', async () => {
    const { loadConfig } = await import('../../src/base/config');
    expect(() => loadConfig({ ...process.env, JWT_SECRET: undefined })).toThrow(/JWT_SECRET/);
    expect(() => loadConfig({ ...process.env, PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ ...process.env, DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL: must be a postgresql/);
  });
});
