import { fakeAccessToken, fakeServer } from '../test-support/fake-server';
import { REFRESH_LOCK_NAME, Session, type LockRequester } from './session';

/** A Web Locks stand-in that records holders and never lets two callbacks overlap. */
function recordingLocks() {
  let queue: Promise<unknown> = Promise.resolve();
  let holders = 0;
  let maxHolders = 0;
  const names: string[] = [];
  const locks: LockRequester = {
    request<T>(name: string, callback: () => Promise<T>): Promise<T> {
      names.push(name);
      const run = queue.then(async () => {
        holders += 1;
        maxHolders = Math.max(maxHolders, holders);
        try {
          return await callback();
        } finally {
          holders -= 1;
        }
      });
      queue = run.catch(() => undefined);
      return run;
    },
  };
  return { locks, names, maxHolders: () => maxHolders };
}

describe('Session', () => {
  afterEach(() => jest.useRealTimers());

  it('presents the refresh cookie under the shared lock, one request at a time', async () => {
    const server = fakeServer({
      'POST /api/auth/refresh': () => ({ status: 200, body: { accessToken: fakeAccessToken() } }),
      'POST /api/auth/logout': () => ({ status: 204 }),
    });
    const recorder = recordingLocks();
    const tabA = new Session({ fetch: server.fetch, locks: recorder.locks });
    const tabB = new Session({ fetch: server.fetch, locks: recorder.locks });

    await Promise.all([tabA.refresh(), tabB.refresh(), tabA.signOut()]);

    expect(recorder.names.every((name) => name === REFRESH_LOCK_NAME)).toBe(true);
    expect(recorder.maxHolders()).toBe(1);
    expect(server.count('POST /api/auth/refresh')).toBe(2);
    expect(server.count('POST /api/auth/logout')).toBe(1);
    tabB.end();
  });

  it('shares one request between concurrent refreshes in the same tab', async () => {
    const server = fakeServer({ 'POST /api/auth/refresh': () => ({ status: 200, body: { accessToken: fakeAccessToken() } }) });
    const session = new Session({ fetch: server.fetch, locks: null });

    const [first, second] = await Promise.all([session.refresh(), session.refresh()]);

    expect(first).toBe(second);
    expect(session.accessToken).toBe(first);
    expect(server.count('POST /api/auth/refresh')).toBe(1);
  });

  it('ends the session when the server refuses the refresh', async () => {
    const server = fakeServer({
      'POST /api/auth/refresh': () => ({ status: 401, body: { error: { code: 'REFRESH_TOKEN_INVALID', message: 'Ended' } } }),
    });
    const session = new Session({ fetch: server.fetch, locks: null });
    session.use(fakeAccessToken());
    const seen: Array<string | null> = [];
    session.subscribe((token) => seen.push(token));

    await expect(session.refresh()).resolves.toBeNull();
    expect(session.accessToken).toBeNull();
    expect(seen).toEqual([null]);
  });

  it('keeps the session when the refresh fails for another reason', async () => {
    const server = fakeServer({ 'POST /api/auth/refresh': () => ({ status: 503 }) });
    const session = new Session({ fetch: server.fetch, locks: null });
    const token = fakeAccessToken();
    session.use(token);

    await expect(session.refresh()).rejects.toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
    expect(session.accessToken).toBe(token);
  });

  it('refreshes silently a minute before the access token expires', async () => {
    jest.useFakeTimers({ now: Date.parse('2025-01-01T00:00:00Z') });
    const renewed = fakeAccessToken(900, Math.floor(Date.now() / 1000) + 840);
    const server = fakeServer({ 'POST /api/auth/refresh': () => ({ status: 200, body: { accessToken: renewed } }) });
    const session = new Session({ fetch: server.fetch, locks: null });
    session.use(fakeAccessToken(900));

    await jest.advanceTimersByTimeAsync(839_000);
    expect(server.count('POST /api/auth/refresh')).toBe(0);
    await jest.advanceTimersByTimeAsync(1_000);
    expect(server.count('POST /api/auth/refresh')).toBe(1);
    expect(session.accessToken).toBe(renewed);
  });

  it('stops the silent refresh when the session ends', async () => {
    jest.useFakeTimers();
    const server = fakeServer({ 'POST /api/auth/refresh': () => ({ status: 200, body: { accessToken: fakeAccessToken() } }) });
    const session = new Session({ fetch: server.fetch, locks: null });
    session.use(fakeAccessToken(900));
    session.end();

    await jest.advanceTimersByTimeAsync(900_000);
    expect(server.count('POST /api/auth/refresh')).toBe(0);
  });
});
