import { SmtpInbox } from '../scheduling/support/smtp-inbox';
import { fullScores, rubricKeys, seedContent } from '../scoring/scoring-fixtures';
import { flushRedis, resetDatabase, startTestApp, TestApp, uniqueEmail } from '../support/test-app';

const PASSWORD = 'correct horse battery staple';

interface Person {
  id: string;
  email: string;
  auth: string;
}

/**
 * The token of the newest verification link sent to `email`. Other mail (a calendar invitation
 * queued as a job) may arrive after it, so the newest mail that carries a link counts, not the newest.
 */
function linkTokenFor(inbox: SmtpInbox, email: string): string {
  const links = inbox.to(email).flatMap((mail) => mail.text.match(/\/verify-email\?token=([A-Za-z0-9_-]+)/)?.[1] ?? []);
  if (links.length === 0) throw new Error(`no verification link for ${email}`);
  return links[links.length - 1];
}

describe('invitations: who gets attached, who sees what', () => {
  const inbox = new SmtpInbox();
  let api: TestApp;

  beforeAll(async () => {
    api = await startTestApp({ SMTP_URL: await inbox.start() });
    await seedContent(api);
  });
  afterAll(async () => {
    await api.close();
    await inbox.stop();
  });
  beforeEach(async () => {
    await resetDatabase();
    await flushRedis();
    await seedContent(api);
  });

  async function signUp(name: string, email = uniqueEmail(name.toLowerCase())): Promise<Person> {
    const response = await api.http.post('/api/auth/register').send({ email, password: PASSWORD, name }).expect(201);
    return { id: response.body.user.id, email, auth: `Bearer ${response.body.accessToken}` };
  }

  /** Opens the link from the email, as the address's owner does. */
  async function verify(person: Person): Promise<void> {
    await inbox.waitFor(() => inbox.to(person.email).length > 0);
    await api.http.post('/api/auth/verify-email').send({ token: linkTokenFor(inbox, person.email) }).expect(200);
  }

  async function verifiedSignUp(name: string): Promise<Person> {
    const person = await signUp(name);
    await verify(person);
    return person;
  }

  async function createInterview(creator: Person, invite: { email: string; role: string }[]) {
    return (await api.http.post('/api/interviews').set('Authorization', creator.auth).send({ title: 'Design a chat', invite }).expect(201)).body;
  }

  it('does not let a candidate claim the pending interviewer address by registering it', async () => {
    const alice = await verifiedSignUp('Alice');
    const carol = await verifiedSignUp('Carol');
    const coInterviewer = uniqueEmail('co');
    const interview = await createInterview(alice, [
      { email: carol.email, role: 'candidate' },
      { email: coInterviewer, role: 'interviewer' },
    ]);
    await api.http.post(`/api/interviews/${interview.id}/accept`).set('Authorization', carol.auth).expect(200);

    // The candidate does not see the pending interviewer's address.
    const seen = await api.http.get(`/api/interviews/${interview.id}`).set('Authorization', carol.auth).expect(200);
    expect(JSON.stringify(seen.body)).not.toContain(coInterviewer);

    // Registering the address (without being able to open its mail) gives nothing.
    const impostor = await signUp('Mallory', coInterviewer);
    expect((await api.http.get('/api/interviews').set('Authorization', impostor.auth).expect(200)).body.items).toEqual([]);
    await api.http.get(`/api/interviews/${interview.id}`).set('Authorization', impostor.auth).expect(404);
    await api.http.get(`/api/interviews/${interview.id}/notes`).set('Authorization', impostor.auth).expect(404);
    const keys = await rubricKeys(api, alice.auth);
    await api.http.put(`/api/interviews/${interview.id}/scorecard`).set('Authorization', impostor.auth).send({ scores: fullScores(keys) }).expect(404);
    await api.http.post(`/api/interviews/${interview.id}/accept`).set('Authorization', impostor.auth).expect(404);

    // Only the address's owner, by opening the link, gets the invitation — and still has to accept it.
    await verify(impostor);
    const listed = (await api.http.get('/api/interviews').set('Authorization', impostor.auth).expect(200)).body.items;
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ id: interview.id, myRole: 'interviewer', myStatus: 'invited' });
    await api.http.get(`/api/interviews/${interview.id}/notes`).set('Authorization', impostor.auth).expect(404);
    await api.http.put(`/api/interviews/${interview.id}/scorecard`).set('Authorization', impostor.auth).send({ scores: fullScores(keys) }).expect(404);
    const accepted = await api.http.post(`/api/interviews/${interview.id}/accept`).set('Authorization', impostor.auth).expect(200);
    expect(accepted.body).toMatchObject({ myRole: 'interviewer', myStatus: 'active' });
    await api.http.get(`/api/interviews/${interview.id}/notes`).set('Authorization', impostor.auth).expect(200);
    await api.http.put(`/api/interviews/${interview.id}/scorecard`).set('Authorization', impostor.auth).send({ scores: fullScores(keys) }).expect(200);
  });

  it('answers the same for addresses with and without an account', async () => {
    const alice = await verifiedSignUp('Alice');
    const bob = await verifiedSignUp('Bob');
    const unverified = await signUp('Una');
    const nobody = uniqueEmail('nobody');
    const interview = await createInterview(alice, [
      { email: bob.email, role: 'candidate' },
      { email: unverified.email, role: 'candidate' },
      { email: nobody, role: 'candidate' },
    ]);
    const invitees = interview.participants.slice(1);
    expect(invitees).toEqual([
      { userId: null, email: bob.email, name: null, role: 'candidate', status: 'invited' },
      { userId: null, email: unverified.email, name: null, role: 'candidate', status: 'invited' },
      { userId: null, email: nobody, name: null, role: 'candidate', status: 'invited' },
    ]);
    const added = await api.http.post(`/api/interviews/${interview.id}/participants`).set('Authorization', alice.auth).send({ email: uniqueEmail('late'), role: 'observer' }).expect(201);
    expect(added.body.participants[4]).toMatchObject({ userId: null, name: null, status: 'invited' });

    // Bob sees it as an invitation; the unverified account sees nothing at all.
    const bobs = (await api.http.get('/api/interviews').set('Authorization', bob.auth).expect(200)).body.items;
    expect(bobs).toEqual([expect.objectContaining({ id: interview.id, myRole: 'candidate', myStatus: 'invited' })]);
    expect((await api.http.get('/api/interviews').set('Authorization', unverified.auth).expect(200)).body.items).toEqual([]);

    // Only after Bob accepts does the creator see who he is.
    await api.http.post(`/api/interviews/${interview.id}/accept`).set('Authorization', bob.auth).expect(200);
    const after = await api.http.get(`/api/interviews/${interview.id}`).set('Authorization', alice.auth).expect(200);
    expect(after.body.participants[1]).toEqual({ userId: bob.id, email: bob.email, name: 'Bob', role: 'candidate', status: 'active' });
  });

  it('keeps an invitation out of reach until accepted, and removes it when declined', async () => {
    const alice = await verifiedSignUp('Alice');
    const bob = await verifiedSignUp('Bob');
    const dave = await verifiedSignUp('Dave');
    const interview = await createInterview(alice, [
      { email: bob.email, role: 'candidate' },
      { email: dave.email, role: 'observer' },
    ]);
    const page = await api.http.get(`/api/interviews/${interview.id}`).set('Authorization', bob.auth).expect(200);
    expect(page.body).toMatchObject({ myStatus: 'invited', myRole: 'candidate' });
    // Before answering, Bob sees the people taking part and himself, not the other invitee.
    expect(page.body.participants.map((p: { email: string }) => p.email)).toEqual([alice.email, bob.email]);
    await api.http.get(`/api/interviews/${interview.id}/scorecard`).set('Authorization', bob.auth).expect(404);
    await api.http.get(`/api/interviews/${interview.id}/timeline`).set('Authorization', bob.auth).expect(404);

    await api.http.post(`/api/interviews/${interview.id}/decline`).set('Authorization', dave.auth).expect(204);
    expect((await api.http.get('/api/interviews').set('Authorization', dave.auth).expect(200)).body.items).toEqual([]);
    await api.http.get(`/api/interviews/${interview.id}`).set('Authorization', dave.auth).expect(404);
    await api.http.post(`/api/interviews/${interview.id}/decline`).set('Authorization', dave.auth).expect(404);

    await api.http.post(`/api/interviews/${interview.id}/accept`).set('Authorization', bob.auth).expect(200);
    await api.http.post(`/api/interviews/${interview.id}/accept`).set('Authorization', bob.auth).expect(200);
    await api.http.post(`/api/interviews/${interview.id}/decline`).set('Authorization', bob.auth).expect(409);
    await api.http.get(`/api/interviews/${interview.id}/timeline`).set('Authorization', bob.auth).expect(200);
  });

  it('shows pending invitees’ addresses to interviewers only', async () => {
    const alice = await verifiedSignUp('Alice');
    const [bob, olga, ian] = [await verifiedSignUp('Bob'), await verifiedSignUp('Olga'), await verifiedSignUp('Ian')];
    const pending = uniqueEmail('pending');
    const interview = await createInterview(alice, [
      { email: bob.email, role: 'candidate' },
      { email: olga.email, role: 'observer' },
      { email: ian.email, role: 'interviewer' },
      { email: pending, role: 'interviewer' },
    ]);
    for (const person of [bob, olga, ian]) await api.http.post(`/api/interviews/${interview.id}/accept`).set('Authorization', person.auth).expect(200);
    for (const person of [bob, olga]) {
      const view = await api.http.get(`/api/interviews/${interview.id}`).set('Authorization', person.auth).expect(200);
      expect(JSON.stringify(view.body)).not.toContain(pending);
      expect(view.body.participants.every((p: { status: string }) => p.status === 'active')).toBe(true);
    }
    const interviewerView = await api.http.get(`/api/interviews/${interview.id}`).set('Authorization', ian.auth).expect(200);
    expect(interviewerView.body.participants).toContainEqual({ userId: null, email: pending, name: null, role: 'interviewer', status: 'invited' });
  });

  it('links a scheduling invitation only to a verified address, and accepting it accepts the place', async () => {
    const ivan = await verifiedSignUp('Ivan');
    const cara = await signUp('Cara');
    const sent = await api.http.post('/api/invitations').set('Authorization', ivan.auth).send({ email: cara.email, scheduledAt: new Date(Date.now() + 86_400_000).toISOString() }).expect(201);
    expect(sent.body.invitee).toEqual({ userId: null, email: cara.email, name: null });
    // Unverified: the invitation does not reach the account.
    expect((await api.http.get('/api/invitations').set('Authorization', cara.auth).expect(200)).body.items).toEqual([]);
    await verify(cara);
    const incoming = (await api.http.get('/api/invitations').set('Authorization', cara.auth).expect(200)).body.items;
    expect(incoming).toEqual([expect.objectContaining({ id: sent.body.id, direction: 'incoming', awaitingMe: true })]);
    // The invitee can read the schedule to answer, but not the interview's content.
    await api.http.get(`/api/interviews/${sent.body.interviewId}/schedule`).set('Authorization', cara.auth).expect(200);
    await api.http.post(`/api/interviews/${sent.body.interviewId}/decline`).set('Authorization', cara.auth).expect(409);
    await api.http.post(`/api/invitations/${sent.body.id}/accept`).set('Authorization', cara.auth).expect(200);
    const view = await api.http.get(`/api/interviews/${sent.body.interviewId}`).set('Authorization', cara.auth).expect(200);
    expect(view.body.myStatus).toBe('active');
    const inviterView = await api.http.get(`/api/interviews/${sent.body.interviewId}`).set('Authorization', ivan.auth).expect(200);
    expect(inviterView.body.participants[1]).toMatchObject({ userId: cara.id, status: 'active' });
  });
});

describe('invitation limits', () => {
  let api: TestApp;

  beforeAll(async () => {
    api = await startTestApp({ INVITATIONS_PER_USER_PER_HOUR: '3' });
  });
  afterAll(() => api.close());
  beforeEach(async () => {
    await resetDatabase();
    await flushRedis();
  });

  it('limits the people one account invites per hour, across new interviews and added participants', async () => {
    const response = await api.http.post('/api/auth/register').send({ email: uniqueEmail('alice'), password: PASSWORD, name: 'Alice' }).expect(201);
    const auth = `Bearer ${response.body.accessToken}`;
    const emails = [uniqueEmail('a'), uniqueEmail('b'), uniqueEmail('c'), uniqueEmail('d')];
    // A batch over the allowance is refused whole and uses none of it.
    const tooMany = await api.http.post('/api/interviews').set('Authorization', auth).send({ invite: emails.map((email) => ({ email, role: 'candidate' })) });
    expect(tooMany.status).toBe(429);
    expect(tooMany.body.error.code).toBe('TOO_MANY_REQUESTS');
    expect(Number(tooMany.headers['retry-after'])).toBeGreaterThan(0);
    const created = await api.http.post('/api/interviews').set('Authorization', auth).send({ invite: emails.slice(0, 2).map((email) => ({ email, role: 'candidate' })) }).expect(201);
    await api.http.post(`/api/interviews/${created.body.id}/participants`).set('Authorization', auth).send({ email: emails[2], role: 'observer' }).expect(201);
    const over = await api.http.post(`/api/interviews/${created.body.id}/participants`).set('Authorization', auth).send({ email: emails[3], role: 'observer' });
    expect(over.status).toBe(429);
    expect(over.headers['retry-after']).toMatch(/^\d+$/);
    expect(over.body.error.details).toEqual({ retryAfterSeconds: Number(over.headers['retry-after']) });
    // Creating an interview without invitees is not limited.
    await api.http.post('/api/interviews').set('Authorization', auth).send({}).expect(201);
  });
});
