import { JwtService } from '@nestjs/jwt';
import { REFRESH_COOKIE_NAME, SESSION_MARKER_COOKIE_NAME } from '@pairboard/contracts';
import { PrismaService } from '../../src/base/prisma';
import { cookieFrom, flushRedis, resetDatabase, startTestApp, TestApp, uniqueEmail } from '../support/test-app';

const PASSWORD = 'correct horse battery staple';

function requiredCookie(response: { headers: Record<string, unknown> }): string {
  const cookie = cookieFrom(response, REFRESH_COOKIE_NAME);
  if (!cookie) throw new Error('the response set no refresh cookie');
  return cookie;
}

/** The `name=value` part, as a browser would send it back. */
const sessionCookie = (response: { headers: Record<string, unknown> }) => requiredCookie(response).split(';')[0];

describe('auth', () => {
  let api: TestApp;

  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(() => api.close());
  beforeEach(async () => {
    await resetDatabase();
    await flushRedis();
  });

  async function register(email = uniqueEmail(), name = 'Ada Lovelace') {
    const response = await api.http.post('/api/auth/register').send({ email, password: PASSWORD, name });
    expect(response.status).toBe(201);
    return { email, response, cookie: sessionCookie(response) };
  }

  it('walks register → login → me → refresh rotation → reuse detection → logout', async () => {
    const email = uniqueEmail();
    const registered = await register(email.toUpperCase());
    expect(registered.response.body.user).toEqual({
      id: expect.any(String),
      email: email.toLowerCase(),
      name: 'Ada Lovelace',
      createdAt: expect.any(String),
      emailVerified: false,
      timeZone: null,
    });
    const setCookie = requiredCookie(registered.response);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    expect(setCookie).toMatch(/Path=\/api\/auth/);

    const login = await api.http.post('/api/auth/login').send({ email, password: PASSWORD });
    expect(login.status).toBe(200);
    expect(login.body.user.email).toBe(email.toLowerCase());
    const firstCookie = sessionCookie(login);

    const me = await api.http.get('/api/auth/me').set('Authorization', `Bearer ${login.body.accessToken}`);
    expect(me.status).toBe(200);
    expect(me.body).toEqual(login.body.user);
    expect(JSON.stringify(me.body)).not.toMatch(/password/i);

    const refreshed = await api.http.post('/api/auth/refresh').set('Cookie', firstCookie);
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.accessToken).toEqual(expect.any(String));
    const secondCookie = sessionCookie(refreshed);
    expect(secondCookie).not.toBe(firstCookie);
    const meAgain = await api.http.get('/api/auth/me').set('Authorization', `Bearer ${refreshed.body.accessToken}`);
    expect(meAgain.status).toBe(200);

    // Within the reuse window the just-rotated token is answered with its successor, not a new branch.
    const retried = await api.http.post('/api/auth/refresh').set('Cookie', firstCookie);
    expect(retried.status).toBe(200);
    expect(sessionCookie(retried)).toBe(secondCookie);

    // Once the successor itself was rotated, the first token is an older one: the whole family goes.
    const third = await api.http.post('/api/auth/refresh').set('Cookie', secondCookie);
    expect(third.status).toBe(200);
    const thirdCookie = sessionCookie(third);
    const reuse = await api.http.post('/api/auth/refresh').set('Cookie', firstCookie);
    expect(reuse.status).toBe(401);
    expect(reuse.body.error.code).toBe('REFRESH_TOKEN_INVALID');
    const afterReuse = await api.http.post('/api/auth/refresh').set('Cookie', thirdCookie);
    expect(afterReuse.status).toBe(401);

    // A separate sign-in is another family and is unaffected.
    const other = await api.http.post('/api/auth/login').send({ email, password: PASSWORD });
    const otherCookie = sessionCookie(other);
    const logout = await api.http.post('/api/auth/logout').set('Cookie', otherCookie);
    expect(logout.status).toBe(204);
    expect(cookieFrom(logout, REFRESH_COOKIE_NAME)).toMatch(/Expires=Thu, 01 Jan 1970/);
    const afterLogout = await api.http.post('/api/auth/refresh').set('Cookie', otherCookie);
    expect(afterLogout.status).toBe(401);
  });

  it('answers concurrent refreshes with the same token with one successor: exactly one branch', async () => {
    const { cookie, response } = await register();
    const answers = await Promise.all(Array.from({ length: 4 }, () => api.http.post('/api/auth/refresh').set('Cookie', cookie)));
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200]);
    const cookies = new Set(answers.map(sessionCookie));
    expect(cookies.size).toBe(1);
    const prisma = api.app.get(PrismaService);
    const rows = await prisma.refreshToken.findMany({ where: { userId: response.body.user.id } });
    expect(rows).toHaveLength(2);
    expect(rows.filter((row) => row.rotatedAt === null && row.revokedAt === null)).toHaveLength(1);
    // And the one successor works.
    expect((await api.http.post('/api/auth/refresh').set('Cookie', [...cookies][0])).status).toBe(200);
  });

  it('refuses refresh without a cookie or with an unknown one', async () => {
    expect((await api.http.post('/api/auth/refresh')).status).toBe(401);
    const unknown = await api.http.post('/api/auth/refresh').set('Cookie', `${REFRESH_COOKIE_NAME}=not-a-token`);
    expect(unknown.status).toBe(401);
    expect(unknown.body.error.code).toBe('REFRESH_TOKEN_INVALID');
  });

  it('sets a page-readable session marker with the refresh cookie and clears it with it', async () => {
    const { cookie, response } = await register();
    const marker = cookieFrom(response, SESSION_MARKER_COOKIE_NAME) ?? '';
    expect(marker).toMatch(/^pb_session=1; Path=\/; Expires=/);
    expect(marker).not.toMatch(/HttpOnly/i);
    expect(marker).toMatch(/SameSite=Strict/i);

    const refreshed = await api.http.post('/api/auth/refresh').set('Cookie', cookie);
    expect(cookieFrom(refreshed, SESSION_MARKER_COOKIE_NAME)).toMatch(/^pb_session=1;/);

    const refused = await api.http.post('/api/auth/refresh').set('Cookie', `${REFRESH_COOKIE_NAME}=not-a-token`);
    expect(refused.status).toBe(401);
    expect(cookieFrom(refused, SESSION_MARKER_COOKIE_NAME)).toMatch(/Expires=Thu, 01 Jan 1970/);

    const logout = await api.http.post('/api/auth/logout').set('Cookie', sessionCookie(refreshed));
    expect(cookieFrom(logout, SESSION_MARKER_COOKIE_NAME)).toMatch(/^pb_session=; Path=\/; Expires=Thu, 01 Jan 1970/);
  });

  it('answers 409 for a taken email, whatever its case', async () => {
    const { email } = await register();
    const again = await api.http.post('/api/auth/register').send({ email: email.toUpperCase(), password: PASSWORD, name: 'Other' });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('EMAIL_TAKEN');
  });

  it('answers 400 with field details for a weak password, a bad email and a missing name', async () => {
    const response = await api.http.post('/api/auth/register').send({ email: 'not-an-email', password: 'short' });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('VALIDATION_FAILED');
    const paths = response.body.error.details.map((issue: { path: string }) => issue.path).sort();
    expect(paths).toEqual(['email', 'name', 'password']);
    const long = await api.http.post('/api/auth/register').send({ email: uniqueEmail(), password: 'x'.repeat(129), name: 'A' });
    expect(long.status).toBe(400);
  });

  it('answers 400 for malformed JSON and 413 for an oversized body, in the shared error shape', async () => {
    const malformed = await api.http.post('/api/auth/login').set('Content-Type', 'application/json').send('{"email": "a@b.c",');
    expect(malformed.status).toBe(400);
    expect(malformed.body).toEqual({ error: { code: 'MALFORMED_BODY', message: expect.any(String) } });

    const huge = await api.http
      .post('/api/auth/register')
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ email: uniqueEmail(), password: PASSWORD, name: 'x'.repeat(200 * 1024) }));
    expect(huge.status).toBe(413);
    expect(huge.body.error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('gives the same 401 for an unknown email and a wrong password', async () => {
    const { email } = await register();
    const wrong = await api.http.post('/api/auth/login').send({ email, password: 'wrong password!!' });
    const unknown = await api.http.post('/api/auth/login').send({ email: uniqueEmail('nobody'), password: 'wrong password!!' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(unknown.body).toEqual(wrong.body);
  });

  it('spends comparable time on an unknown email and a wrong password', async () => {
    const { email } = await register();
    const time = async (body: object) => {
      const started = process.hrtime.bigint();
      await api.http.post('/api/auth/login').send(body);
      return Number(process.hrtime.bigint() - started) / 1e6;
    };
    const wrong: number[] = [];
    const unknown: number[] = [];
    for (let attempt = 0; attempt < 3; attempt += 1) {
      wrong.push(await time({ email, password: `wrong password ${attempt}` }));
      unknown.push(await time({ email: uniqueEmail('ghost'), password: `wrong password ${attempt}` }));
    }
    const median = (values: number[]) => values.sort((a, b) => a - b)[1];
    // Without the decoy hash an unknown email answers in a few milliseconds, far below half.
    expect(median(unknown)).toBeGreaterThan(median(wrong) * 0.5);
  });

  it('answers 401 without a token, with a tampered token and with an expired token', async () => {
    const { response } = await register();
    const token: string = response.body.accessToken;

    const none = await api.http.get('/api/auth/me');
    expect(none.status).toBe(401);
    expect(none.body.error.code).toBe('UNAUTHORIZED');

    const [header, payload, signature] = token.split('.');
    const forgedPayload = Buffer.from(JSON.stringify({ sub: '00000000-0000-0000-0000-000000000000' })).toString('base64url');
    const tampered = await api.http.get('/api/auth/me').set('Authorization', `Bearer ${header}.${forgedPayload}.${signature}`);
    expect(tampered.status).toBe(401);
    expect(payload).toBeTruthy();

    const otherSecret = new JwtService({ secret: 'another-secret-another-secret-another-secret' }).sign({ sub: response.body.user.id });
    expect((await api.http.get('/api/auth/me').set('Authorization', `Bearer ${otherSecret}`)).status).toBe(401);

    const expired = new JwtService({ secret: process.env.JWT_SECRET }).sign({
      sub: response.body.user.id,
      exp: Math.floor(Date.now() / 1000) - 60,
    });
    const expiredResponse = await api.http.get('/api/auth/me').set('Authorization', `Bearer ${expired}`);
    expect(expiredResponse.status).toBe(401);
    expect(expiredResponse.body.error.code).toBe('UNAUTHORIZED');
  });

  it('updates the profile name and validates it', async () => {
    const { response } = await register();
    const auth = `Bearer ${response.body.accessToken}`;
    const renamed = await api.http.patch('/api/auth/me').set('Authorization', auth).send({ name: '  Grace Hopper ' });
    expect(renamed.status).toBe(200);
    expect(renamed.body.name).toBe('Grace Hopper');
    expect((await api.http.get('/api/auth/me').set('Authorization', auth)).body.name).toBe('Grace Hopper');
    expect((await api.http.patch('/api/auth/me').set('Authorization', auth).send({ name: '' })).status).toBe(400);
    expect((await api.http.patch('/api/auth/me').set('Authorization', auth).send({})).status).toBe(400);
  });

  it("keeps the time zone the browser reports at sign-up, and changes it alone on the profile", async () => {
    const registered = await api.http.post('/api/auth/register').send({ email: uniqueEmail(), password: PASSWORD, name: 'Ada Lovelace', timeZone: 'Europe/London' });
    expect(registered.status).toBe(201);
    expect(registered.body.user.timeZone).toBe('Europe/London');
    const auth = `Bearer ${registered.body.accessToken}`;
    const moved = await api.http.patch('/api/auth/me').set('Authorization', auth).send({ timeZone: 'Pacific/Auckland' });
    expect(moved.body).toMatchObject({ name: 'Ada Lovelace', timeZone: 'Pacific/Auckland' });
    const refused = await api.http.patch('/api/auth/me').set('Authorization', auth).send({ timeZone: 'Europe/Atlantis' });
    expect(refused.status).toBe(400);
    expect(refused.body.error.details).toEqual([{ path: 'timeZone', message: 'Choose a time zone from the list' }]);
  });
});

describe('sign-in throttling', () => {
  let api: TestApp;

  beforeAll(async () => {
    api = await startTestApp({ LOGIN_MAX_FAILURES_PER_ACCOUNT: '3', LOGIN_MAX_FAILURES_PER_IP: '6', LOGIN_THROTTLE_WINDOW_SECONDS: '60' });
  });
  afterAll(() => api.close());
  beforeEach(async () => {
    await resetDatabase();
    await flushRedis();
  });

  it('locks an account after N failures, even for the right password, with Retry-After', async () => {
    const email = uniqueEmail();
    await api.http.post('/api/auth/register').send({ email, password: PASSWORD, name: 'Target' }).expect(201);
    for (let attempt = 0; attempt < 3; attempt += 1) {
      await api.http.post('/api/auth/login').send({ email, password: 'wrong password!!' }).expect(401);
    }
    const blocked = await api.http.post('/api/auth/login').send({ email, password: PASSWORD });
    expect(blocked.status).toBe(429);
    expect(blocked.body.error.code).toBe('TOO_MANY_REQUESTS');
    const retryAfter = Number(blocked.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
  });

  it('limits failures per client address across accounts', async () => {
    for (let attempt = 0; attempt < 6; attempt += 1) {
      await api.http.post('/api/auth/login').send({ email: uniqueEmail('spray'), password: 'wrong password!!' }).expect(401);
    }
    const blocked = await api.http.post('/api/auth/login').send({ email: uniqueEmail('spray'), password: 'wrong password!!' });
    expect(blocked.status).toBe(429);
  });

  it('clears the account counter after a successful sign-in', async () => {
    const email = uniqueEmail();
    await api.http.post('/api/auth/register').send({ email, password: PASSWORD, name: 'Forgetful' }).expect(201);
    await api.http.post('/api/auth/login').send({ email, password: 'wrong password!!' }).expect(401);
    await api.http.post('/api/auth/login').send({ email, password: 'wrong password!!' }).expect(401);
    await api.http.post('/api/auth/login').send({ email, password: PASSWORD }).expect(200);
    await api.http.post('/api/auth/login').send({ email, password: 'wrong password!!' }).expect(401);
    await api.http.post('/api/auth/login').send({ email, password: 'wrong password!!' }).expect(401);
    await api.http.post('/api/auth/login').send({ email, password: PASSWORD }).expect(200);
  });
});
