import { createHash } from 'node:crypto';
import { JwtService } from '@nestjs/jwt';
import { REFRESH_COOKIE_NAME } from '@pairboard/contracts';
import { PrismaService } from '../../src/base/prisma';
import { TOKEN_AUDIENCES } from '../../src/core/auth';
import { cookieFrom, flushRedis, resetDatabase, startTestApp, TestApp, uniqueEmail } from '../support/test-app';

const PASSWORD = 'correct horse battery staple';
const NEW_PASSWORD = 'a different, longer passphrase';

function sessionCookie(response: { headers: Record<string, unknown> }): string {
  const cookie = cookieFrom(response, REFRESH_COOKIE_NAME);
  if (!cookie) throw new Error('the response set no refresh cookie');
  return cookie.split(';')[0];
}

async function register(api: TestApp) {
  const email = uniqueEmail();
  const response = await api.http.post('/api/auth/register').send({ email, password: PASSWORD, name: 'Ada Lovelace' }).expect(201);
  return { email, userId: response.body.user.id as string, token: response.body.accessToken as string, cookie: sessionCookie(response) };
}

describe('token kinds', () => {
  let api: TestApp;

  beforeAll(async () => {
    await resetDatabase();
    await flushRedis();
    api = await startTestApp();
  });
  afterAll(() => api.close());

  it('refuses the admin dashboard cookie JWT, and an access token without audience or session, as a bearer token', async () => {
    const { userId, token } = await register(api);
    expect((await api.http.get('/api/auth/me').set('Authorization', `Bearer ${token}`)).status).toBe(200);

    // What AdminAccess puts into the pb_admin cookie: same secret, its own audience.
    const jwt = api.app.get(JwtService);
    const adminCookieToken = await jwt.signAsync({ sub: userId }, { audience: TOKEN_AUDIENCES.admin, expiresIn: 900 });
    const asBearer = await api.http.get('/api/auth/me').set('Authorization', `Bearer ${adminCookieToken}`);
    expect(asBearer.status).toBe(401);
    expect(asBearer.body.error.code).toBe('UNAUTHORIZED');

    const secret = process.env.JWT_SECRET as string;
    const withoutAudience = new JwtService({ secret }).sign({ sub: userId, sid: '00000000-0000-0000-0000-000000000000' });
    expect((await api.http.get('/api/auth/me').set('Authorization', `Bearer ${withoutAudience}`)).status).toBe(401);
    const withoutSession = new JwtService({ secret }).sign({ sub: userId }, { audience: TOKEN_AUDIENCES.api });
    expect((await api.http.get('/api/auth/me').set('Authorization', `Bearer ${withoutSession}`)).status).toBe(401);
  });

  it('puts the refresh family and the API audience into access tokens', async () => {
    const { userId, token } = await register(api);
    const claims = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()) as Record<string, unknown>;
    const families = await api.app.get(PrismaService).refreshToken.findMany({ where: { userId }, select: { familyId: true } });
    expect(claims).toMatchObject({ sub: userId, aud: TOKEN_AUDIENCES.api, sid: families[0].familyId });
  });
});

describe('refresh reuse window', () => {
  let api: TestApp;

  beforeAll(async () => {
    await resetDatabase();
    await flushRedis();
    api = await startTestApp({ REFRESH_REUSE_WINDOW_SECONDS: '1' });
  });
  afterAll(() => api.close());

  it('answers the just-rotated token with its successor inside the window, and revokes the family after it', async () => {
    const { cookie } = await register(api);
    const rotated = await api.http.post('/api/auth/refresh').set('Cookie', cookie).expect(200);
    const successor = sessionCookie(rotated);

    const again = await api.http.post('/api/auth/refresh').set('Cookie', cookie).expect(200);
    expect(sessionCookie(again)).toBe(successor);
    expect((await api.http.get('/api/auth/me').set('Authorization', `Bearer ${again.body.accessToken}`)).status).toBe(200);

    await new Promise((resolve) => setTimeout(resolve, 1300));
    const late = await api.http.post('/api/auth/refresh').set('Cookie', cookie);
    expect(late.status).toBe(401);
    expect(late.body.error.code).toBe('REFRESH_TOKEN_INVALID');
    expect((await api.http.post('/api/auth/refresh').set('Cookie', successor)).status).toBe(401);
  });

  it('never answers after a sign-out, even inside the window', async () => {
    const { cookie } = await register(api);
    const rotated = await api.http.post('/api/auth/refresh').set('Cookie', cookie).expect(200);
    await api.http.post('/api/auth/logout').set('Cookie', sessionCookie(rotated)).expect(204);
    expect((await api.http.post('/api/auth/refresh').set('Cookie', cookie)).status).toBe(401);
  });

  it('keeps no readable successor in Redis: the stored value is sealed and keyed apart from the database hash', async () => {
    await flushRedis();
    const { cookie } = await register(api);
    const rotated = await api.http.post('/api/auth/refresh').set('Cookie', cookie).expect(200);
    const raw = sessionCookie(rotated).split('=')[1];
    const Redis = (await import('ioredis')).default;
    const redis = new Redis(process.env.REDIS_URL as string);
    try {
      const keys = await redis.keys('pairboard:auth:successor:*');
      expect(keys).toHaveLength(1);
      const databaseHash = createHash('sha256').update(cookie.split('=')[1]).digest('hex');
      expect(keys[0]).not.toContain(databaseHash);
      const stored = (await redis.get(keys[0])) as string;
      expect(stored).not.toContain(raw);
      expect(Buffer.from(stored, 'base64url').includes(Buffer.from(raw))).toBe(false);
    } finally {
      redis.disconnect();
    }
  });
});

describe('password change', () => {
  let api: TestApp;

  beforeAll(async () => {
    await resetDatabase();
    await flushRedis();
    api = await startTestApp();
  });
  afterAll(() => api.close());

  it('needs the current password and a policy-conform new one, and changes nothing otherwise', async () => {
    const { email, token, cookie } = await register(api);
    const wrong = await api.http.post('/api/auth/password').set('Authorization', `Bearer ${token}`).send({ currentPassword: 'not my password', newPassword: NEW_PASSWORD });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.details).toEqual([{ path: 'currentPassword', message: expect.any(String) }]);
    const weak = await api.http.post('/api/auth/password').set('Authorization', `Bearer ${token}`).send({ currentPassword: PASSWORD, newPassword: 'short' });
    expect(weak.status).toBe(400);
    expect(JSON.stringify(weak.body.error.details)).toContain('newPassword');
    expect((await api.http.post('/api/auth/password').send({ currentPassword: PASSWORD, newPassword: NEW_PASSWORD })).status).toBe(401);

    expect((await api.http.post('/api/auth/login').send({ email, password: PASSWORD })).status).toBe(200);
    expect((await api.http.post('/api/auth/refresh').set('Cookie', cookie)).status).toBe(200);
  });

  it('ends every session of the person and starts a fresh one for the caller', async () => {
    const { email, token, cookie } = await register(api);
    const elsewhere = await api.http.post('/api/auth/login').send({ email, password: PASSWORD }).expect(200);

    const changed = await api.http.post('/api/auth/password').set('Authorization', `Bearer ${token}`).send({ currentPassword: PASSWORD, newPassword: NEW_PASSWORD });
    expect(changed.status).toBe(200);
    expect(changed.body.accessToken).toEqual(expect.any(String));
    const fresh = sessionCookie(changed);

    expect((await api.http.post('/api/auth/refresh').set('Cookie', cookie)).status).toBe(401);
    expect((await api.http.post('/api/auth/refresh').set('Cookie', sessionCookie(elsewhere))).status).toBe(401);
    expect((await api.http.get('/api/auth/me').set('Authorization', `Bearer ${changed.body.accessToken}`)).status).toBe(200);
    expect((await api.http.post('/api/auth/refresh').set('Cookie', fresh)).status).toBe(200);

    expect((await api.http.post('/api/auth/login').send({ email, password: PASSWORD })).status).toBe(401);
    expect((await api.http.post('/api/auth/login').send({ email, password: NEW_PASSWORD })).status).toBe(200);
  });
});
