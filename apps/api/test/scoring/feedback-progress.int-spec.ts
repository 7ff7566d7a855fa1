import { PrismaService } from '../../src/base/prisma';
import { ScoringService } from '../../src/core/scoring';
import { acceptInvitations } from '../support/accounts';
import { resetDatabase, startTestApp, TestApp } from '../support/test-app';
import { castInterview, Cast, Person, rubricKeys, seedContent, signUp, startInterview } from './scoring-fixtures';

const MIN = 60_000;

describe('peer feedback', () => {
  let api: TestApp;
  let cast: Cast;
  let path: string;

  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(() => api.close());
  beforeEach(async () => {
    await resetDatabase();
    cast = await castInterview(api);
    path = `/api/interviews/${cast.interviewId}/feedback`;
  });

  const rate = (person: Person, body: object) => api.http.put(path).set('Authorization', person.auth).send(body);

  it('waits until the interview has started', async () => {
    const early = await rate(cast.candidate, { preparedness: 4, hintClarity: 4, helpfulness: 4 });
    expect(early.status).toBe(409);
  });

  it('lets the candidate rate the interviewer, who sees it, and change it within a day', async () => {
    await startInterview(api, cast.interviewId);
    const given = await rate(cast.candidate, { preparedness: 5, hintClarity: 3, helpfulness: 4, comment: '  Good hints on sharding.  ' }).expect(200);
    expect(given.body).toMatchObject({
      from: { userId: cast.candidate.id, name: 'Cody' },
      to: { userId: cast.interviewer.id, name: 'Ivy' },
      preparedness: 5,
      hintClarity: 3,
      helpfulness: 4,
      comment: 'Good hints on sharding.',
    });
    const changed = await rate(cast.candidate, { preparedness: 4, hintClarity: 4, helpfulness: 4 }).expect(200);
    expect(changed.body.id).toBe(given.body.id);

    const mine = await api.http.get(path).set('Authorization', cast.candidate.auth).expect(200);
    expect(mine.body.items).toHaveLength(1);
    expect(mine.body.rateable).toEqual([{ userId: cast.interviewer.id, name: 'Ivy' }]);
    const received = await api.http.get(path).set('Authorization', cast.interviewer.auth).expect(200);
    expect(received.body.items.map((item: { preparedness: number; comment: string }) => [item.preparedness, item.comment])).toEqual([[4, '']]);

    // A day later it is settled.
    await api.app.get(PrismaService).peerFeedback.updateMany({ data: { createdAt: new Date(Date.now() - 25 * 60 * MIN) } });
    const late = await rate(cast.candidate, { preparedness: 1, hintClarity: 1, helpfulness: 1 });
    expect(late.status).toBe(409);
  });

  it('shows each co-interviewer only what they received and needs the rated one named', async () => {
    const second = await signUp(api, 'Second');
    await api.http.post(`/api/interviews/${cast.interviewId}/participants`).set('Authorization', cast.interviewer.auth).send({ email: second.email, role: 'interviewer' }).expect(201);
    await acceptInvitations(api.http, cast.interviewId, [second.auth]);
    await startInterview(api, cast.interviewId);
    const unnamed = await rate(cast.candidate, { preparedness: 3, hintClarity: 3, helpfulness: 3 });
    expect(unnamed.status).toBe(400);
    expect(unnamed.body.error.details).toEqual([{ path: 'interviewerId', message: expect.any(String) }]);
    const notInterviewer = await rate(cast.candidate, { interviewerId: cast.observer.id, preparedness: 3, hintClarity: 3, helpfulness: 3 });
    expect(notInterviewer.status).toBe(400);

    await rate(cast.candidate, { interviewerId: second.id, preparedness: 2, hintClarity: 2, helpfulness: 2 }).expect(200);
    expect((await api.http.get(path).set('Authorization', second.auth)).body.items).toHaveLength(1);
    expect((await api.http.get(path).set('Authorization', cast.interviewer.auth)).body.items).toHaveLength(0);
  });

  it('validates ratings and the comment', async () => {
    await startInterview(api, cast.interviewId);
    const cases: object[] = [
      { preparedness: 0, hintClarity: 3, helpfulness: 3 },
      { preparedness: 6, hintClarity: 3, helpfulness: 3 },
      { preparedness: 3, hintClarity: 3.5, helpfulness: 3 },
      { preparedness: 3, hintClarity: 3 },
      { preparedness: 3, hintClarity: 3, helpfulness: 3, comment: 'x'.repeat(2001) },
      { preparedness: 3, hintClarity: 3, helpfulness: 3, interviewerId: 'someone' },
      { preparedness: 3, hintClarity: 3, helpfulness: 3, stars: 5 },
    ];
    for (const body of cases) {
      const response = await rate(cast.candidate, body);
      expect({ body, status: response.status }).toEqual({ body, status: 400 });
    }
  });

  it('averages what a person received as an interviewer, for the matchmaker', async () => {
    const scoring = api.app.get(ScoringService);
    expect(await scoring.peerRating(cast.interviewer.id)).toEqual({ average: null, count: 0 });
    await startInterview(api, cast.interviewId);
    await rate(cast.candidate, { preparedness: 5, hintClarity: 4, helpfulness: 3 }).expect(200);
    const other = await castInterview(api);
    await api.http.post(`/api/interviews/${other.interviewId}/participants`).set('Authorization', other.interviewer.auth).send({ email: cast.interviewer.email, role: 'interviewer' }).expect(201);
    await acceptInvitations(api.http, other.interviewId, [cast.interviewer.auth]);
    await startInterview(api, other.interviewId);
    await api.http
      .put(`/api/interviews/${other.interviewId}/feedback`)
      .set('Authorization', other.candidate.auth)
      .send({ interviewerId: cast.interviewer.id, preparedness: 2, hintClarity: 2, helpfulness: 2 })
      .expect(200);
    expect(await scoring.peerRating(cast.interviewer.id)).toEqual({ average: 3, count: 2 });
    // What the matchmaker weighs: average 3 of 5 is 0.5, pulled towards 0.75 by two imaginary ratings.
    const weighed = await scoring.peerRatings([cast.interviewer.id, cast.candidate.id]);
    expect([...weighed.keys()]).toEqual([cast.interviewer.id]);
    expect(weighed.get(cast.interviewer.id)).toBeCloseTo((0.5 * 2 + 2 * 0.75) / 4, 10);
  });
});

describe('progress', () => {
  let api: TestApp;

  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(() => api.close());
  beforeEach(async () => {
    await resetDatabase();
    await seedContent(api);
  });

  it('is empty for a newcomer', async () => {
    const newcomer = await signUp(api, 'New');
    const response = await api.http.get('/api/me/progress').set('Authorization', newcomer.auth).expect(200);
    expect(response.body.sessionsDone).toBe(0);
    expect(response.body.scorecards).toEqual([]);
    expect(response.body.phases).toEqual([]);
    expect(response.body.dimensions).toHaveLength(5);
    expect(response.body.dimensions.every((dimension: { average: null; trend: null }) => dimension.average === null && dimension.trend === null)).toBe(true);
  });

  it('adds up a seeded history: scores over time, trends and time per phase against the script', async () => {
    const prisma = api.app.get(PrismaService);
    const candidate = await signUp(api, 'Cody');
    const interviewer = await signUp(api, 'Ivy');
    const keys = await rubricKeys(api, candidate.auth);
    const script = await prisma.frameworkScript.findFirstOrThrow({ where: { isDefault: true } });
    const phases = script.phases as { key: string; name: string; minutes: number }[];

    // Three ended sessions a day apart, scored 2 → 3 → 4 on the first dimension, 3 flat on the others.
    const day0 = Date.parse('2026-03-01T10:00:00Z');
    for (const [index, firstScore] of [2, 3, 4].entries()) {
      const start = day0 + index * 24 * 60 * MIN;
      const interview = await prisma.interview.create({
        data: {
          title: `Session ${index + 1}`,
          status: 'ended',
          createdById: interviewer.id,
          scriptId: script.id,
          startedAt: new Date(start),
          endedAt: new Date(start + 30 * MIN),
          participants: {
            create: [
              { email: interviewer.email, userId: interviewer.id, role: 'interviewer' },
              { email: candidate.email, userId: candidate.id, role: 'candidate' },
            ],
          },
          // 8 minutes in the first phase (one of them paused), then the second phase until the end.
          phaseEvents: {
            create: [
              { kind: 'started', phaseIndex: 0, clockVersion: 1, at: new Date(start) },
              { kind: 'paused', phaseIndex: 0, clockVersion: 2, at: new Date(start + 2 * MIN) },
              { kind: 'resumed', phaseIndex: 0, clockVersion: 3, at: new Date(start + 3 * MIN) },
              { kind: 'advanced', phaseIndex: 1, clockVersion: 4, at: new Date(start + 8 * MIN) },
              { kind: 'ended', phaseIndex: 1, clockVersion: 5, at: new Date(start + 30 * MIN) },
            ],
          },
        },
      });
      const path = `/api/interviews/${interview.id}/scorecard`;
      const scores = Object.fromEntries(keys.map((key, i) => [key, i === 0 ? firstScore : 3]));
      await api.http.put(path).set('Authorization', interviewer.auth).send({ scores, recommendation: 'yes' }).expect(200);
      await api.http.post(`${path}/submit`).set('Authorization', interviewer.auth).expect(200);
    }
    // A draft does not count, nor does an interview in which the person was the interviewer.
    const drafted = await castInterview(api);
    await api.http.put(`/api/interviews/${drafted.interviewId}/scorecard`).set('Authorization', drafted.interviewer.auth).send({ scores: { [keys[0]]: 1 } }).expect(200);

    const response = await api.http.get('/api/me/progress').set('Authorization', candidate.auth).expect(200);
    expect(response.body.sessionsDone).toBe(3);
    expect(response.body.scorecards.map((card: { title: string; scores: Record<string, number> }) => [card.title, card.scores[keys[0]]])).toEqual([
      ['Session 1', 2],
      ['Session 2', 3],
      ['Session 3', 4],
    ]);
    expect(response.body.dimensions[0]).toMatchObject({ key: keys[0], average: 3, latest: 4, trend: 'up' });
    expect(response.body.dimensions[1]).toMatchObject({ key: keys[1], average: 3, latest: 3, trend: 'flat' });
    expect(response.body.phases).toHaveLength(phases.length);
    expect(response.body.phases[0]).toEqual({ key: phases[0].key, name: phases[0].name, plannedMinutes: phases[0].minutes, actualMinutes: 7, sessions: 3 });
    expect(response.body.phases[1]).toMatchObject({ key: phases[1].key, actualMinutes: 22 });
    expect(response.body.phases[2]).toMatchObject({ actualMinutes: 0 });

    const asInterviewer = await api.http.get('/api/me/progress').set('Authorization', interviewer.auth).expect(200);
    expect(asInterviewer.body.sessionsDone).toBe(0);
    expect((await api.http.get('/api/me/progress')).status).toBe(401);
  });
});
