import { acceptInvitations, markEmailVerified } from '../support/accounts';
import { resetDatabase, startTestApp, TestApp, uniqueEmail } from '../support/test-app';

const PASSWORD = 'correct horse battery staple';

describe('interviews and participants', () => {
  let api: TestApp;

  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(() => api.close());
  beforeEach(() => resetDatabase());

  async function signUp(name: string, email = uniqueEmail(name.toLowerCase())) {
    const response = await api.http.post('/api/auth/register').send({ email, password: PASSWORD, name }).expect(201);
    await markEmailVerified(response.body.user.id);
    return { email, id: response.body.user.id as string, auth: `Bearer ${response.body.accessToken}` };
  }

  it('creates an interview with the creator and invited people, all shown as invited whether or not they have an account', async () => {
    const alice = await signUp('Alice');
    const bob = await signUp('Bob');
    const pendingEmail = uniqueEmail('pending');
    const response = await api.http
      .post('/api/interviews')
      .set('Authorization', alice.auth)
      .send({
        title: 'Design a URL shortener',
        scheduledAt: '2030-01-02T10:00:00Z',
        invite: [
          { email: bob.email.toUpperCase(), role: 'candidate' },
          { email: pendingEmail, role: 'observer' },
          { email: alice.email, role: 'candidate' },
        ],
      });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      id: expect.any(String),
      title: 'Design a URL shortener',
      status: 'scheduled',
      scheduledAt: '2030-01-02T10:00:00.000Z',
      question: null,
      script: null,
      myRole: 'interviewer',
      myStatus: 'active',
    });
    expect(response.body.participants).toEqual([
      { userId: alice.id, email: alice.email, name: 'Alice', role: 'interviewer', status: 'active' },
      { userId: null, email: bob.email, name: null, role: 'candidate', status: 'invited' },
      { userId: null, email: pendingEmail, name: null, role: 'observer', status: 'invited' },
    ]);
  });

  it('does not attach a pending invite to an account that merely registered the address', async () => {
    const alice = await signUp('Alice');
    const laterEmail = uniqueEmail('later');
    const created = await api.http
      .post('/api/interviews')
      .set('Authorization', alice.auth)
      .send({ invite: [{ email: laterEmail, role: 'candidate' }] })
      .expect(201);
    const response = await api.http.post('/api/auth/register').send({ email: laterEmail, password: PASSWORD, name: 'Later' }).expect(201);
    const later = `Bearer ${response.body.accessToken}`;
    expect((await api.http.get('/api/interviews').set('Authorization', later).expect(200)).body.items).toEqual([]);
    await api.http.get(`/api/interviews/${created.body.id}`).set('Authorization', later).expect(404);
    const creatorView = await api.http.get(`/api/interviews/${created.body.id}`).set('Authorization', alice.auth).expect(200);
    expect(creatorView.body.participants[1]).toEqual({ userId: null, email: laterEmail, name: null, role: 'candidate', status: 'invited' });
  });

  it('lists only the caller’s interviews', async () => {
    const alice = await signUp('Alice');
    const bob = await signUp('Bob');
    await api.http.post('/api/interviews').set('Authorization', alice.auth).send({ title: 'Mine' }).expect(201);
    await api.http.post('/api/interviews').set('Authorization', bob.auth).send({ title: 'Theirs' }).expect(201);
    const list = await api.http.get('/api/interviews').set('Authorization', alice.auth).expect(200);
    expect(list.body.items.map((item: { title: string }) => item.title)).toEqual(['Mine']);
  });

  it('hides an interview from non-participants with 404, including malformed ids', async () => {
    const alice = await signUp('Alice');
    const eve = await signUp('Eve');
    const created = await api.http.post('/api/interviews').set('Authorization', alice.auth).send({}).expect(201);
    expect(created.body.title).toBe('System design interview');
    const foreign = await api.http.get(`/api/interviews/${created.body.id}`).set('Authorization', eve.auth);
    expect(foreign.status).toBe(404);
    expect(foreign.body.error.code).toBe('NOT_FOUND');
    expect((await api.http.get('/api/interviews/not-a-uuid').set('Authorization', eve.auth)).status).toBe(404);
    expect((await api.http.get(`/api/interviews/${created.body.id}`)).status).toBe(401);
  });

  it('lets only interviewers add participants', async () => {
    const alice = await signUp('Alice');
    const bob = await signUp('Bob');
    const eve = await signUp('Eve');
    const created = await api.http
      .post('/api/interviews')
      .set('Authorization', alice.auth)
      .send({ invite: [{ email: bob.email, role: 'candidate' }] })
      .expect(201);
    const path = `/api/interviews/${created.body.id}/participants`;
    await acceptInvitations(api.http, created.body.id, [bob.auth]);

    const byCandidate = await api.http.post(path).set('Authorization', bob.auth).send({ email: uniqueEmail(), role: 'observer' });
    expect(byCandidate.status).toBe(403);
    expect(byCandidate.body.error.code).toBe('FORBIDDEN');
    const byOutsider = await api.http.post(path).set('Authorization', eve.auth).send({ email: eve.email, role: 'observer' });
    expect(byOutsider.status).toBe(404);

    const added = await api.http.post(path).set('Authorization', alice.auth).send({ email: eve.email, role: 'observer' });
    expect(added.status).toBe(201);
    expect(added.body.participants.map((participant: { email: string }) => participant.email)).toContain(eve.email);
    const again = await api.http.post(path).set('Authorization', alice.auth).send({ email: eve.email, role: 'candidate' });
    expect(again.status).toBe(409);
    const bad = await api.http.post(path).set('Authorization', alice.auth).send({ email: 'nope', role: 'boss' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((issue: { path: string }) => issue.path).sort()).toEqual(['email', 'role']);
  });

  it('validates the create body', async () => {
    const alice = await signUp('Alice');
    const cases = [
      { scheduledAt: 'tomorrow' },
      { myRole: 'observer' },
      { title: '' },
      { invite: Array.from({ length: 21 }, (_, index) => ({ email: `p${index}@example.test`, role: 'candidate' })) },
      { questionId: 'no-such-question' },
    ];
    for (const body of cases) {
      const response = await api.http.post('/api/interviews').set('Authorization', alice.auth).send(body);
      expect({ body, status: response.status, code: response.body.error?.code }).toEqual({ body, status: 400, code: 'VALIDATION_FAILED' });
    }
  });
});
