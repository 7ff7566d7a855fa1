import { PrismaService } from '../../src/base/prisma';
import { acceptInvitations } from '../support/accounts';
import { resetDatabase, startTestApp, TestApp } from '../support/test-app';
import { castInterview, Cast, fullScores, rubricKeys, seedContent, signUp, startInterview } from './scoring-fixtures';

describe('scorecard lifecycle', () => {
  let api: TestApp;
  let cast: Cast;
  let keys: string[];
  let path: string;

  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(() => api.close());
  beforeEach(async () => {
    await resetDatabase();
    await seedContent(api);
    cast = await castInterview(api);
    keys = await rubricKeys(api, cast.interviewer.auth);
    path = `/api/interviews/${cast.interviewId}/scorecard`;
  });

  const as = (auth: string) => ({
    get: (url: string) => api.http.get(url).set('Authorization', auth),
    put: (url: string, body: object) => api.http.put(url).set('Authorization', auth).send(body),
    post: (url: string) => api.http.post(url).set('Authorization', auth).send({}),
  });

  async function auditTrail(): Promise<string[]> {
    const response = await as(cast.interviewer.auth).get(`${path}/events`).expect(200);
    return response.body.items.map((event: { kind: string }) => event.kind);
  }

  it('starts as an empty draft that the interviewer fills by autosave', async () => {
    const interviewer = as(cast.interviewer.auth);
    const empty = await interviewer.get(path).expect(200);
    expect(empty.body).toMatchObject({ status: 'draft', scores: {}, recommendation: null, feedback: '', evidence: {}, submittedAt: null, updatedAt: null });
    expect(empty.body.candidate.userId).toBe(cast.candidate.id);

    await interviewer.put(path, { scores: { [keys[0]]: 2 } }).expect(200);
    const second = await interviewer.put(path, { scores: { [keys[0]]: 3, [keys[1]]: 4 }, recommendation: 'yes', feedback: 'Clear scoping.' }).expect(200);
    expect(second.body).toMatchObject({ status: 'draft', scores: { [keys[0]]: 3, [keys[1]]: 4 }, recommendation: 'yes', feedback: 'Clear scoping.' });
    // The same save sent twice (a retry after a lost answer) leaves the same draft.
    await interviewer.put(path, { scores: { [keys[0]]: 3, [keys[1]]: 4 }, recommendation: 'yes', feedback: 'Clear scoping.' }).expect(200);
    const read = await interviewer.get(path).expect(200);
    expect(read.body.scores).toEqual({ [keys[0]]: 3, [keys[1]]: 4 });
    // Quick autosaves by one person make one "saved" row, not one per keystroke.
    expect(await auditTrail()).toEqual(['created', 'saved']);
  });

  it('quotes notes picked as evidence and refuses notes of other interviews', async () => {
    const prisma = api.app.get(PrismaService);
    const note = await prisma.note.create({
      data: { interviewId: cast.interviewId, authorId: cast.interviewer.id, body: 'Asked about read/write ratio first', sessionMs: 95_000, phaseIndex: 0, createdAt: new Date(), updatedAt: new Date() },
    });
    const saved = await as(cast.interviewer.auth)
      .put(path, { scores: {}, evidence: { [keys[0]]: { noteIds: [note.id, note.id], text: 'Scoped to three features.' } } })
      .expect(200);
    expect(saved.body.evidence[keys[0]]).toEqual({
      noteIds: [note.id],
      text: 'Scoped to three features.',
      quotes: [{ noteId: note.id, text: 'Asked about read/write ratio first', sessionMs: 95_000, phaseIndex: 0 }],
    });

    const other = await castInterview(api);
    const foreign = await prisma.note.create({
      data: { interviewId: other.interviewId, authorId: other.interviewer.id, body: 'elsewhere', createdAt: new Date(), updatedAt: new Date() },
    });
    const refused = await as(cast.interviewer.auth).put(path, { scores: {}, evidence: { [keys[0]]: { noteIds: [foreign.id] } } });
    expect(refused.status).toBe(400);
    expect(refused.body.error.details).toEqual([{ path: `evidence.${keys[0]}.noteIds.0`, message: expect.any(String) }]);
  });

  it('shows the candidate the wording the interviewer chose for a note, not the note as it reads later', async () => {
    const prisma = api.app.get(PrismaService);
    const note = await prisma.note.create({
      data: { interviewId: cast.interviewId, authorId: cast.interviewer.id, body: 'Rambled; sounded nervous', sessionMs: 60_000, phaseIndex: 0, createdAt: new Date(), updatedAt: new Date() },
    });
    const quoted = await prisma.note.create({
      data: { interviewId: cast.interviewId, authorId: cast.interviewer.id, body: 'Asked for the read/write ratio', sessionMs: 90_000, phaseIndex: 0, createdAt: new Date(), updatedAt: new Date() },
    });
    await as(cast.interviewer.auth)
      .put(path, {
        scores: fullScores(keys),
        recommendation: 'yes',
        evidence: { [keys[0]]: { noteIds: [note.id, quoted.id], sharedText: { [note.id]: 'Took a while to settle into the problem.' } } },
      })
      .expect(200);
    // The private note changes after it was picked: the candidate still reads what was previewed.
    await prisma.note.update({ where: { id: quoted.id }, data: { body: 'Asked for the read/write ratio (lucky guess?)' } });
    await as(cast.interviewer.auth).post(`${path}/submit`).expect(200);

    const seen = await as(cast.candidate.auth).get(path).expect(200);
    expect(seen.body.evidence[keys[0]].quotes.map((quote: { text: string }) => quote.text)).toEqual([
      'Took a while to settle into the problem.',
      'Asked for the read/write ratio',
    ]);
    expect(JSON.stringify(seen.body)).not.toContain('nervous');
    expect(JSON.stringify(seen.body)).not.toContain('lucky guess');
  });

  it('rejects scores outside 1–4, unknown dimensions and oversized text with 400', async () => {
    const interviewer = as(cast.interviewer.auth);
    const cases: object[] = [
      { scores: { [keys[0]]: 5 } },
      { scores: { [keys[0]]: 0 } },
      { scores: { [keys[0]]: 2.5 } },
      { scores: { [keys[0]]: '3' } },
      { scores: { charisma: 3 } },
      { scores: {}, evidence: { charisma: { text: 'x' } } },
      { scores: {}, recommendation: 'maybe' },
      { scores: {}, feedback: 'x'.repeat(5001) },
      { scores: {}, evidence: { [keys[0]]: { noteIds: ['not-a-uuid'] } } },
      { scores: {}, surprise: true },
      {},
    ];
    for (const body of cases) {
      const response = await interviewer.put(path, body);
      expect({ body, status: response.status, code: response.body.error?.code }).toEqual({ body, status: 400, code: 'VALIDATION_FAILED' });
    }
    const unknown = await interviewer.put(path, { scores: { charisma: 3 } });
    expect(unknown.body.error.details).toEqual([{ path: 'scores.charisma', message: 'Not a dimension of the rubric' }]);
    const huge = await api.http
      .put(path)
      .set('Authorization', cast.interviewer.auth)
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ scores: {}, feedback: 'x'.repeat(2_000_000) }));
    expect(huge.status).toBe(413);
    expect((await interviewer.get(path)).body.updatedAt).toBeNull();
  });

  it('submits only a complete scorecard, then locks it', async () => {
    const interviewer = as(cast.interviewer.auth);
    const nothing = await interviewer.post(`${path}/submit`);
    expect(nothing.status).toBe(400);
    await interviewer.put(path, { scores: { [keys[0]]: 3 } }).expect(200);
    const incomplete = await interviewer.post(`${path}/submit`);
    expect(incomplete.status).toBe(400);
    expect(incomplete.body.error.details.map((issue: { path: string }) => issue.path)).toEqual([...keys.slice(1).map((key) => `scores.${key}`), 'recommendation']);

    await interviewer.put(path, { scores: fullScores(keys), recommendation: 'strong_yes', feedback: 'Well done.' }).expect(200);
    const submitted = await interviewer.post(`${path}/submit`).expect(200);
    expect(submitted.body).toMatchObject({ status: 'submitted', submittedAt: expect.any(String), canReopen: true, candidateSeenAt: null });

    const again = await interviewer.post(`${path}/submit`);
    expect(again.status).toBe(409);
    const edit = await interviewer.put(path, { scores: fullScores(keys, 1) });
    expect(edit.status).toBe(409);
    expect(edit.body.error.code).toBe('CONFLICT');
    expect((await interviewer.get(path)).body.scores).toEqual(fullScores(keys));
    expect(await auditTrail()).toEqual(['created', 'saved', 'submitted']);
  });

  it('hides the draft from the candidate (404), shows it once submitted and marks it seen on first look', async () => {
    const interviewer = as(cast.interviewer.auth);
    const candidate = as(cast.candidate.auth);
    expect((await candidate.get(path)).status).toBe(404);
    await interviewer.put(path, { scores: fullScores(keys), recommendation: 'yes' }).expect(200);
    expect((await candidate.get(path)).status).toBe(404);
    await interviewer.post(`${path}/submit`).expect(200);

    const seen = await candidate.get(path).expect(200);
    expect(seen.body).toMatchObject({ status: 'submitted', scores: fullScores(keys), recommendation: 'yes', canReopen: false, candidateSeenAt: expect.any(String) });
    await candidate.get(path).expect(200);
    const forInterviewer = await interviewer.get(path).expect(200);
    expect(forInterviewer.body).toMatchObject({ candidateSeenAt: seen.body.candidateSeenAt, canReopen: false });
    // Only the first look is recorded.
    expect(await auditTrail()).toEqual(['created', 'submitted', 'seen']);
  });

  it('lets an interviewer reopen before the candidate has looked, never after', async () => {
    const interviewer = as(cast.interviewer.auth);
    const candidate = as(cast.candidate.auth);
    expect((await interviewer.post(`${path}/reopen`)).status).toBe(409);
    await interviewer.put(path, { scores: fullScores(keys), recommendation: 'no' }).expect(200);
    expect((await interviewer.post(`${path}/reopen`)).status).toBe(409);
    await interviewer.post(`${path}/submit`).expect(200);

    const reopened = await interviewer.post(`${path}/reopen`).expect(200);
    expect(reopened.body).toMatchObject({ status: 'draft', submittedAt: null, canReopen: false });
    expect((await candidate.get(path)).status).toBe(404);
    await interviewer.put(path, { scores: fullScores(keys, 4), recommendation: 'strong_yes' }).expect(200);
    await interviewer.post(`${path}/submit`).expect(200);

    await candidate.get(path).expect(200);
    const late = await interviewer.post(`${path}/reopen`);
    expect(late.status).toBe(409);
    expect(late.body.error.message).toMatch(/seen/);
    expect((await interviewer.get(path)).body.status).toBe('submitted');

    const trail = await interviewer.get(`${path}/events`).expect(200);
    expect(trail.body.items.map((event: { kind: string }) => event.kind)).toEqual(['created', 'submitted', 'reopened', 'saved', 'submitted', 'seen']);
    const byKind = Object.fromEntries(trail.body.items.map((event: { kind: string; userId: string }) => [event.kind, event.userId]));
    expect(byKind).toMatchObject({ created: cast.interviewer.id, reopened: cast.interviewer.id, seen: cast.candidate.id });
  });

  it('lets exactly one of a reopen and the candidate’s first look win when they race', async () => {
    const interviewer = as(cast.interviewer.auth);
    const candidate = as(cast.candidate.auth);
    for (let round = 0; round < 5; round += 1) {
      await interviewer.put(path, { scores: fullScores(keys), recommendation: 'yes' }).expect(200);
      await interviewer.post(`${path}/submit`).expect(200);
      const [look, reopen] = await Promise.all([candidate.get(path), interviewer.post(`${path}/reopen`)]);
      // Either the candidate saw it (and the reopen was refused) or it was reopened first (and hidden).
      expect([[200, 409], [404, 200]]).toContainEqual([look.status, reopen.status]);
      if (look.status === 200) return;
    }
  });

  it('is shared by co-interviewers, each save recorded with its author', async () => {
    const second = await signUp(api, 'Second');
    await api.http
      .post(`/api/interviews/${cast.interviewId}/participants`)
      .set('Authorization', cast.interviewer.auth)
      .send({ email: second.email, role: 'interviewer' })
      .expect(201);
    await acceptInvitations(api.http, cast.interviewId, [second.auth]);
    await as(cast.interviewer.auth).put(path, { scores: { [keys[0]]: 2 } }).expect(200);
    await as(second.auth).put(path, { scores: { [keys[0]]: 2, [keys[1]]: 3 } }).expect(200);
    expect((await as(cast.interviewer.auth).get(path)).body.scores).toEqual({ [keys[0]]: 2, [keys[1]]: 3 });
    const trail = await as(second.auth).get(`${path}/events`).expect(200);
    expect(trail.body.items.map((event: { kind: string; userId: string }) => [event.kind, event.userId])).toEqual([
      ['created', cast.interviewer.id],
      ['saved', second.id],
    ]);
  });

  it('lets a started interview be scored as well as a scheduled one', async () => {
    await startInterview(api, cast.interviewId);
    await as(cast.interviewer.auth).put(path, { scores: { [keys[0]]: 4 } }).expect(200);
  });
});
