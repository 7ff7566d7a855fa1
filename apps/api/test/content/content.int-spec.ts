import { QUESTIONS } from '@pairboard/interview-content';
import { ContentService } from '../../src/core/content';
import { resetDatabase, startTestApp, TestApp, uniqueEmail } from '../support/test-app';

describe('question bank, scripts and rubric', () => {
  let api: TestApp;
  let auth: string;

  beforeAll(async () => {
    await resetDatabase();
    api = await startTestApp();
    const content = api.app.get(ContentService);
    await content.seedBuiltIns();
    await content.seedBuiltIns(); // twice: seeding is idempotent
    const response = await api.http
      .post('/api/auth/register')
      .send({ email: uniqueEmail(), password: 'correct horse battery staple', name: 'Reader' })
      .expect(201);
    auth = `Bearer ${response.body.accessToken}`;
  });
  afterAll(() => api.close());

  it('lists the whole bank once, with summaries only', async () => {
    const response = await api.http.get('/api/questions').set('Authorization', auth).expect(200);
    expect(response.body.total).toBe(QUESTIONS.length);
    expect(response.body.items).toHaveLength(QUESTIONS.length);
    expect(Object.keys(response.body.items[0]).sort()).toEqual(['id', 'level', 'prompt', 'slug', 'title', 'topics']);
  });

  it('filters by level, topic and text', async () => {
    const seniors = await api.http.get('/api/questions?level=senior').set('Authorization', auth).expect(200);
    expect(seniors.body.total).toBe(QUESTIONS.filter((question) => question.level === 'senior').length);
    expect(seniors.body.items.every((item: { level: string }) => item.level === 'senior')).toBe(true);

    const caching = await api.http.get('/api/questions?topic=caching').set('Authorization', auth).expect(200);
    expect(caching.body.total).toBe(QUESTIONS.filter((question) => question.topics.includes('caching')).length);

    const text = await api.http.get('/api/questions?q=SHORTENER').set('Authorization', auth).expect(200);
    expect(text.body.items.map((item: { slug: string }) => item.slug)).toContain('url-shortener');

    const none = await api.http.get('/api/questions?q=zzzz-no-such-thing').set('Authorization', auth).expect(200);
    expect(none.body).toEqual({ items: [], total: 0 });

    const bad = await api.http.get('/api/questions?level=guru').set('Authorization', auth);
    expect(bad.status).toBe(400);
  });

  it('returns a whole question with hints, probes and signals per dimension', async () => {
    const list = await api.http.get('/api/questions?q=shortener').set('Authorization', auth).expect(200);
    const response = await api.http.get(`/api/questions/${list.body.items[0].id}`).set('Authorization', auth).expect(200);
    expect(response.body.requirements.functional.length).toBeGreaterThan(0);
    expect(response.body.requirements.nonFunctional.length).toBeGreaterThan(0);
    expect(response.body.entities.length).toBeGreaterThan(0);
    expect(response.body.hints[0]).toEqual({ phase: expect.any(String), text: expect.any(String) });
    expect(response.body.probes[0]).toEqual({ topic: expect.any(String), text: expect.any(String) });
    expect(Object.keys(response.body.signals).sort()).toEqual(['communication', 'data-api', 'deep-dives', 'high-level-design', 'requirements']);
    expect((await api.http.get('/api/questions/00000000-0000-0000-0000-000000000000').set('Authorization', auth)).status).toBe(404);
  });

  it('lists scripts with exactly one default and totals that add up', async () => {
    const response = await api.http.get('/api/scripts').set('Authorization', auth).expect(200);
    expect(response.body.items.filter((script: { isDefault: boolean }) => script.isDefault)).toHaveLength(1);
    for (const script of response.body.items) {
      expect(script.totalMinutes).toBe(script.phases.reduce((sum: number, phase: { minutes: number }) => sum + phase.minutes, 0));
    }
  });

  it('serves the default rubric with four distinct anchors per dimension', async () => {
    const response = await api.http.get('/api/rubrics/default').set('Authorization', auth).expect(200);
    expect(response.body.dimensions).toHaveLength(5);
    for (const dimension of response.body.dimensions) {
      expect(new Set(Object.values(dimension.anchors)).size).toBe(4);
    }
  });

  it('pins the question and the default script on a new interview', async () => {
    const scripts = await api.http.get('/api/scripts').set('Authorization', auth).expect(200);
    const defaultScript = scripts.body.items.find((script: { isDefault: boolean }) => script.isDefault);
    const created = await api.http.post('/api/interviews').set('Authorization', auth).send({ questionId: 'url-shortener' }).expect(201);
    expect(created.body.question).toEqual({ id: expect.any(String), title: 'URL shortener' });
    expect(created.body.title).toBe('URL shortener');
    expect(created.body.script).toEqual({ id: defaultScript.id, name: defaultScript.name });

    const other = scripts.body.items.find((script: { isDefault: boolean }) => !script.isDefault);
    const withScript = await api.http.post('/api/interviews').set('Authorization', auth).send({ scriptId: other.id }).expect(201);
    expect(withScript.body.script.id).toBe(other.id);
    const unknown = await api.http
      .post('/api/interviews')
      .set('Authorization', auth)
      .send({ scriptId: '00000000-0000-0000-0000-000000000000' });
    expect(unknown.status).toBe(400);
  });

  it('requires a signed-in user', async () => {
    expect((await api.http.get('/api/questions')).status).toBe(401);
  });
});
