import { COMMON_PASSWORD_MESSAGE } from '@pairboard/contracts';
import { flushRedis, resetDatabase, startTestApp, TestApp, uniqueEmail } from '../support/test-app';

const PASSWORD = 'correct horse battery staple';

describe('sign-in throttling per account and address, password and name rules', () => {
  let api: TestApp;

  beforeAll(async () => {
    api = await startTestApp({
      TRUST_PROXY: 'true',
      LOGIN_MAX_FAILURES_PER_ACCOUNT: '3',
      LOGIN_MAX_FAILURES_PER_IP: '20',
      LOGIN_MAX_FAILURES_PER_ACCOUNT_ALL_ADDRESSES: '7',
      LOGIN_THROTTLE_WINDOW_SECONDS: '60',
    });
  });
  afterAll(() => api.close());
  beforeEach(async () => {
    await resetDatabase();
    await flushRedis();
  });

  const login = (email: string, password: string, ip: string) => api.http.post('/api/auth/login').set('X-Forwarded-For', ip).send({ email, password });

  it("does not lock the owner's address out because of failures from another address", async () => {
    const email = uniqueEmail('owner');
    await api.http.post('/api/auth/register').send({ email, password: PASSWORD, name: 'Owner' }).expect(201);
    for (let attempt = 0; attempt < 3; attempt += 1) expect((await login(email, 'wrong password!!', '198.51.100.66')).status).toBe(401);
    // The attacker's address is locked out of this account, even with the right password…
    const attacker = await login(email, PASSWORD, '198.51.100.66');
    expect(attacker.status).toBe(429);
    expect(Number(attacker.headers['retry-after'])).toBeGreaterThan(0);
    // …while the owner, from their own address, signs in.
    expect((await login(email, PASSWORD, '203.0.113.10')).status).toBe(200);
  });

  it('bounds guessing spread over many addresses with the all-addresses limit', async () => {
    const email = uniqueEmail('target');
    await api.http.post('/api/auth/register').send({ email, password: PASSWORD, name: 'Target' }).expect(201);
    for (let attempt = 0; attempt < 7; attempt += 1) expect((await login(email, 'wrong password!!', `198.51.100.${attempt}`)).status).toBe(401);
    expect((await login(email, PASSWORD, '198.51.100.200')).status).toBe(429);
  });

  it('refuses common and trivially guessable passwords at registration with a field error', async () => {
    for (const password of ['aaaaaaaaaaaa', 'password1234', '123456789012', 'qwertyuiopas', 'Password1234!']) {
      const response = await api.http.post('/api/auth/register').send({ email: uniqueEmail(), password, name: 'Weak' });
      expect(response.status).toBe(400);
      expect(response.body.error.details).toEqual([{ path: 'password', message: COMMON_PASSWORD_MESSAGE }]);
    }
    const fine = await api.http.post('/api/auth/register').send({ email: uniqueEmail(), password: 'ada-lovelace-1815', name: 'Fine' }).expect(201);

    // The same rule on a password change.
    const change = await api.http
      .post('/api/auth/password')
      .set('Authorization', `Bearer ${fine.body.accessToken}`)
      .send({ currentPassword: 'ada-lovelace-1815', newPassword: 'aaaaaaaaaaaa' });
    expect(change.status).toBe(400);
    expect(change.body.error.details).toEqual([{ path: 'newPassword', message: COMMON_PASSWORD_MESSAGE }]);
  });

  it('refuses names that are invisible, carry direction overrides, line breaks or control characters; stores them normalised', async () => {
    const refused = ['\u200B\u200B', '\u2067Admin\u2069', 'Mallory\u202Eevil', 'Ada\nLovelace', 'Tab\u0007', ' \u3164 ', '\uFE0F'];
    for (const name of refused) {
      const response = await api.http.post('/api/auth/register').send({ email: uniqueEmail(), password: PASSWORD, name });
      expect({ name, status: response.status }).toEqual({ name, status: 400 });
      expect(response.body.error.details.map((issue: { path: string }) => issue.path)).toEqual(['name']);
    }
    // Decomposed "é" (e + combining acute) is stored composed; runs of spaces become one.
    const registered = await api.http.post('/api/auth/register').send({ email: uniqueEmail(), password: PASSWORD, name: '  Ame\u0301lie   Poulain ' }).expect(201);
    expect(registered.body.user.name).toBe('Am\u00E9lie Poulain');

    const auth = { Authorization: `Bearer ${registered.body.accessToken}` };
    const renamed = await api.http.patch('/api/auth/me').set(auth).send({ name: 'Ad\u2066min' });
    expect(renamed.status).toBe(400);
    expect((await api.http.patch('/api/auth/me').set(auth).send({ name: 'Ada  Lovelace' }).expect(200)).body.name).toBe('Ada Lovelace');
  });
});
