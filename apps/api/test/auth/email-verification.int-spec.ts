import { PrismaService } from '../../src/base/prisma';
import { SmtpInbox } from '../scheduling/support/smtp-inbox';
import { flushRedis, resetDatabase, startTestApp, TestApp, uniqueEmail } from '../support/test-app';

const PASSWORD = 'correct horse battery staple';

function linkTokens(inbox: SmtpInbox, email: string): string[] {
  return inbox
    .to(email)
    .map((mail) => mail.text.match(/\/verify-email\?token=([A-Za-z0-9_-]+)/)?.[1])
    .filter((token): token is string => token !== undefined);
}

describe('email verification', () => {
  const inbox = new SmtpInbox();
  let api: TestApp;

  beforeAll(async () => {
    api = await startTestApp({ SMTP_URL: await inbox.start(), VERIFICATION_EMAILS_PER_USER_PER_HOUR: '3', PUBLIC_URL: 'https://pairboard.example.org' });
  });
  afterAll(async () => {
    await api.close();
    await inbox.stop();
  });
  beforeEach(async () => {
    await resetDatabase();
    await flushRedis();
  });

  async function signUp(email = uniqueEmail('ada')) {
    const response = await api.http.post('/api/auth/register').send({ email, password: PASSWORD, name: 'Ada <b>' }).expect(201);
    await inbox.waitFor(() => linkTokens(inbox, email).length > 0);
    return { email, id: response.body.user.id as string, auth: `Bearer ${response.body.accessToken}`, token: linkTokens(inbox, email).at(-1) as string, user: response.body.user };
  }

  it('sends a single-use link on sign-up that verifies the account', async () => {
    const ada = await signUp();
    expect(ada.user.emailVerified).toBe(false);
    const [mail] = inbox.to(ada.email);
    expect(mail.subject).toBe('Verify your email address for Pairboard');
    expect(mail.text).toContain(`https://pairboard.example.org/verify-email?token=${ada.token}`);
    expect(mail.html).toContain('Ada &lt;b&gt;');
    // Only a hash is stored.
    const rows = await api.app.get(PrismaService).emailVerification.findMany({ where: { userId: ada.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0].tokenHash).not.toContain(ada.token);

    expect((await api.http.get('/api/auth/me').set('Authorization', ada.auth).expect(200)).body.emailVerified).toBe(false);
    const verified = await api.http.post('/api/auth/verify-email').send({ token: ada.token }).expect(200);
    expect(verified.body).toMatchObject({ id: ada.id, emailVerified: true });
    expect((await api.http.get('/api/auth/me').set('Authorization', ada.auth).expect(200)).body.emailVerified).toBe(true);

    const again = await api.http.post('/api/auth/verify-email').send({ token: ada.token }).expect(400);
    expect(again.body.error).toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringMatching(/already been used/) });
    await api.http.post('/api/auth/verify-email/resend').set('Authorization', ada.auth).expect(409);
  });

  it('refuses unknown, malformed and expired links with 400', async () => {
    const ada = await signUp();
    expect((await api.http.post('/api/auth/verify-email').send({ token: 'not-a-real-token' }).expect(400)).body.error.code).toBe('VALIDATION_FAILED');
    await api.http.post('/api/auth/verify-email').send({}).expect(400);
    await api.http.post('/api/auth/verify-email').send({ token: 'x'.repeat(500) }).expect(400);
    await api.app.get(PrismaService).emailVerification.updateMany({ where: { userId: ada.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const expired = await api.http.post('/api/auth/verify-email').send({ token: ada.token }).expect(400);
    expect(expired.body.error.message).toMatch(/expired/);
    expect((await api.http.get('/api/auth/me').set('Authorization', ada.auth).expect(200)).body.emailVerified).toBe(false);
  });

  it('resends a new link (the old one stops working) a limited number of times per hour', async () => {
    const ada = await signUp();
    await api.http.post('/api/auth/verify-email/resend').expect(401);
    await api.http.post('/api/auth/verify-email/resend').set('Authorization', ada.auth).expect(204);
    await inbox.waitFor(() => linkTokens(inbox, ada.email).length === 2);
    await api.http.post('/api/auth/verify-email/resend').set('Authorization', ada.auth).expect(204);
    await inbox.waitFor(() => linkTokens(inbox, ada.email).length === 3);
    // Sign-up's email counts too: 3 per hour.
    const limited = await api.http.post('/api/auth/verify-email/resend').set('Authorization', ada.auth).expect(429);
    expect(limited.body.error.code).toBe('TOO_MANY_REQUESTS');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(3000);
    expect(linkTokens(inbox, ada.email)).toHaveLength(3);

    const [first, , latest] = linkTokens(inbox, ada.email);
    await api.http.post('/api/auth/verify-email').send({ token: first }).expect(400);
    await api.http.post('/api/auth/verify-email').send({ token: latest }).expect(200);
  });
});

describe('sign-up limits', () => {
  let api: TestApp;

  beforeAll(async () => {
    api = await startTestApp({ REGISTRATIONS_PER_IP_PER_HOUR: '2' });
  });
  afterAll(() => api.close());
  beforeEach(async () => {
    await resetDatabase();
    await flushRedis();
  });

  it('limits sign-up attempts per client address with 429 and Retry-After', async () => {
    const taken = uniqueEmail('taken');
    await api.http.post('/api/auth/register').send({ email: taken, password: PASSWORD, name: 'One' }).expect(201);
    // A refused attempt (taken address) counts too, so probing for accounts is limited as well.
    await api.http.post('/api/auth/register').send({ email: taken, password: PASSWORD, name: 'Two' }).expect(409);
    const limited = await api.http.post('/api/auth/register').send({ email: uniqueEmail('three'), password: PASSWORD, name: 'Three' }).expect(429);
    expect(limited.body.error).toMatchObject({ code: 'TOO_MANY_REQUESTS', details: { retryAfterSeconds: expect.any(Number) } });
    expect(limited.headers['retry-after']).toBe(String(limited.body.error.details.retryAfterSeconds));
    await api.http.post('/api/auth/login').send({ email: taken, password: PASSWORD }).expect(200);
  });
});

describe('operators', () => {
  const inbox = new SmtpInbox();
  let api: TestApp;
  let idAdminId: string;

  beforeAll(async () => {
    const smtpUrl = await inbox.start();
    await resetDatabase();
    await flushRedis();
    // An operator by id must exist before the app reads the list.
    const bootstrap = await startTestApp();
    const byId = await bootstrap.http.post('/api/auth/register').send({ email: uniqueEmail('byid'), password: PASSWORD, name: 'By Id' }).expect(201);
    idAdminId = byId.body.user.id;
    await bootstrap.close();
    api = await startTestApp({ SMTP_URL: smtpUrl, ADMIN_EMAILS: ' Ops@Example.TEST ,other@example.test', ADMIN_USER_IDS: idAdminId.toUpperCase() });
  });
  afterAll(async () => {
    await api.close();
    await inbox.stop();
  });

  it('gives operator rights to a listed address only once it is verified, whatever the letter case', async () => {
    const registered = await api.http.post('/api/auth/register').send({ email: 'OPS@example.test', password: PASSWORD, name: 'Ops' }).expect(201);
    const auth = `Bearer ${registered.body.accessToken}`;
    await api.http.post('/api/admin/session').set('Authorization', auth).expect(403);
    await api.http.get('/api/admin/jobs/failed').set('Authorization', auth).expect(403);

    await inbox.waitFor(() => linkTokens(inbox, 'ops@example.test').length > 0);
    await api.http.post('/api/auth/verify-email').send({ token: linkTokens(inbox, 'ops@example.test')[0] }).expect(200);
    await api.http.post('/api/admin/session').set('Authorization', auth).expect(200);
    await api.http.get('/api/admin/jobs/failed').set('Authorization', auth).expect(200);
  });

  it('gives operator rights by user id without a verified address', async () => {
    const login = await api.http.post('/api/auth/login').send({ email: (await api.app.get(PrismaService).user.findUniqueOrThrow({ where: { id: idAdminId } })).email, password: PASSWORD }).expect(200);
    expect(login.body.user.emailVerified).toBe(false);
    await api.http.get('/api/admin/jobs/failed').set('Authorization', `Bearer ${login.body.accessToken}`).expect(200);
  });
});
