import { fakeAccessToken, fakeServer, testUser } from '../test-support/fake-server';
import { ApiClient } from './client';
import { Session } from './session';

const expired = { status: 401, body: { error: { code: 'UNAUTHORIZED', message: 'Sign in to continue.' } } };

describe('ApiClient', () => {
  it('sends the bearer token and parses the body', async () => {
    const server = fakeServer({ 'GET /api/auth/me': () => ({ status: 200, body: testUser }) });
    const session = new Session({ fetch: server.fetch, locks: null });
    const token = fakeAccessToken();
    session.use(token);

    await expect(new ApiClient(session, server.fetch).request('/api/auth/me')).resolves.toEqual(testUser);
    expect(server.requests[0].headers.Authorization).toBe(`Bearer ${token}`);
    session.end();
  });

  it('renews the access token once on a 401 and retries', async () => {
    const fresh = fakeAccessToken(900, Math.floor(Date.now() / 1000), 'fresh');
    const server = fakeServer({
      'GET /api/auth/me': [() => expired, () => ({ status: 200, body: testUser })],
      'POST /api/auth/refresh': () => ({ status: 200, body: { accessToken: fresh } }),
    });
    const session = new Session({ fetch: server.fetch, locks: null });
    session.use(fakeAccessToken());

    await expect(new ApiClient(session, server.fetch).request('/api/auth/me')).resolves.toEqual(testUser);
    expect(server.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'GET /api/auth/me',
      'POST /api/auth/refresh',
      'GET /api/auth/me',
    ]);
    expect(server.requests[2].headers.Authorization).toBe(`Bearer ${fresh}`);
    session.end();
  });

  it('sends a refresh asked for during a request that replaces the refresh cookie only after it', async () => {
    let answerPasswordChange: () => void = () => undefined;
    const replaced = fakeAccessToken(900, Math.floor(Date.now() / 1000), 'replaced');
    const order: string[] = [];
    const server = fakeServer({
      'POST /api/auth/password': async () => {
        order.push('password sent');
        await new Promise<void>((resolve) => (answerPasswordChange = resolve));
        order.push('password answered');
        return { status: 200, body: { accessToken: replaced } };
      },
      'POST /api/auth/refresh': () => {
        order.push('refresh sent');
        return { status: 200, body: { accessToken: fakeAccessToken() } };
      },
    });
    const session = new Session({ fetch: server.fetch, locks: null });
    session.use(fakeAccessToken());
    const client = new ApiClient(session, server.fetch);

    const change = client.requestReplacingRefreshCookie('/api/auth/password', { method: 'POST', body: {} });
    await new Promise((resolve) => setTimeout(resolve, 0));
    // What a socket does when the server ends the old session before the answer arrives.
    const refresh = session.refresh();
    await new Promise((resolve) => setTimeout(resolve, 10));
    answerPasswordChange();
    await change;
    await refresh;
    expect(order).toEqual(['password sent', 'password answered', 'refresh sent']);
    session.end();
  });

  it('gives up after one retry', async () => {
    const server = fakeServer({
      'GET /api/auth/me': () => expired,
      'POST /api/auth/refresh': () => ({ status: 200, body: { accessToken: fakeAccessToken() } }),
    });
    const session = new Session({ fetch: server.fetch, locks: null });

    await expect(new ApiClient(session, server.fetch).request('/api/auth/me')).rejects.toMatchObject({ status: 401 });
    expect(server.count('POST /api/auth/refresh')).toBe(1);
    expect(server.count('GET /api/auth/me')).toBe(2);
    session.end();
  });

  it('does not refresh when credentials are wrong on sign-in', async () => {
    const server = fakeServer({
      'POST /api/auth/login': () => ({
        status: 401,
        body: { error: { code: 'INVALID_CREDENTIALS', message: 'Email or password is incorrect.' } },
      }),
    });
    const client = new ApiClient(new Session({ fetch: server.fetch, locks: null }), server.fetch);

    await expect(
      client.request('/api/auth/login', { method: 'POST', body: {}, authenticated: false }),
    ).rejects.toMatchObject({ code: 'INVALID_CREDENTIALS' });
    expect(server.requests).toHaveLength(1);
  });

  it('reports a network failure as NETWORK_ERROR', async () => {
    const session = new Session({ locks: null });
    const client = new ApiClient(session, () => Promise.reject(new TypeError('Failed to fetch')));
    await expect(client.request('/api/anything')).rejects.toMatchObject({ code: 'NETWORK_ERROR', status: 0 });
  });
});
