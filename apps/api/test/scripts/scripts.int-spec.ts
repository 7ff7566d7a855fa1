import { SCRIPT_LIMITS, type ScriptDetail, type ScriptSummary } from '@pairboard/contracts';
import { STANDARD_45 } from '@pairboard/interview-content';
import { ContentService } from '../../src/core/content';
import { listen, RoomClient, signUp, TestUser } from '../rooms/support/room-clients';
import { flushRedis, resetDatabase, startTestApp, TestApp } from '../support/test-app';

/** A small script of one's own, valid as it stands. */
function draft(name = 'Quick drill') {
  return {
    name,
    description: 'Three short phases for a lunchtime practice.',
    autoAdvance: false,
    phases: [
      { key: 'requirements', name: 'Requirements', minutes: 5, goal: 'Agree the scope.', candidateProduces: ['Top three features'], interviewerListensFor: ['Clarifying questions'], commonMistakes: ['Designing everything'] },
      { key: 'high-level-design', name: 'Design', minutes: 20, goal: 'Boxes and arrows.' },
      { key: 'lightning-round', name: 'Lightning round', minutes: 5 },
    ],
  };
}

describe('framework scripts: create, copy, edit as new versions, archive', () => {
  let api: TestApp;
  let port: number;
  let owner: TestUser;
  let other: TestUser;

  beforeAll(async () => {
    await resetDatabase();
    await flushRedis();
    api = await startTestApp();
    await api.app.get(ContentService).seedBuiltIns();
    port = await listen(api.app);
    [owner, other] = await Promise.all([signUp(api, 'Owen'), signUp(api, 'Olive')]);
  });
  afterAll(() => api.close());

  const as = (user: TestUser) => ({
    get: (path: string) => api.http.get(path).set('Authorization', `Bearer ${user.token}`),
    post: (path: string, body: unknown = {}) => api.http.post(path).set('Authorization', `Bearer ${user.token}`).send(body as object),
    put: (path: string, body: unknown) => api.http.put(path).set('Authorization', `Bearer ${user.token}`).send(body as object),
    delete: (path: string) => api.http.delete(path).set('Authorization', `Bearer ${user.token}`),
  });

  async function create(user: TestUser, body: unknown = draft()): Promise<ScriptDetail> {
    const response = await as(user).post('/api/scripts', body).expect(201);
    return response.body as ScriptDetail;
  }

  it('creates a script of my own as version 1, listed for me after the built-ins and for nobody else', async () => {
    const mine = await create(owner);
    expect(mine).toMatchObject({ version: 1, latestVersion: 1, builtIn: false, mine: true, isDefault: false, totalMinutes: 30, name: 'Quick drill' });
    expect(mine.phases.map((phase) => phase.key)).toEqual(['requirements', 'high-level-design', 'lightning-round']);
    expect(mine.phases[2]).toMatchObject({ goal: '', candidateProduces: [], interviewerListensFor: [], commonMistakes: [] });

    const list = (await as(owner).get('/api/scripts').expect(200)).body.items as ScriptSummary[];
    expect(list.filter((script) => script.isDefault)).toHaveLength(1);
    expect(list.at(-1)).toMatchObject({ slug: mine.slug, builtIn: false, totalMinutes: 30 });
    expect(list.filter((script) => script.builtIn).length).toBeGreaterThanOrEqual(3);
    for (const script of list) expect(script.totalMinutes).toBe(script.phases.reduce((sum, phase) => sum + phase.minutes, 0));

    const theirs = (await as(other).get('/api/scripts').expect(200)).body.items as ScriptSummary[];
    expect(theirs.some((script) => script.slug === mine.slug)).toBe(false);
    for (const path of [`/api/scripts/${mine.slug}`, `/api/scripts/${mine.slug}/versions`, `/api/scripts/${mine.slug}/versions/1`]) {
      expect((await as(other).get(path)).status).toBe(404);
    }
    expect((await as(other).put(`/api/scripts/${mine.slug}`, { ...draft(), baseVersion: 1 })).status).toBe(404);
    expect((await as(other).delete(`/api/scripts/${mine.slug}`)).status).toBe(404);
    expect((await as(other).post(`/api/scripts/${mine.slug}/copy`)).status).toBe(404);
  });

  it('writes a new version on every edit and keeps the old ones readable', async () => {
    const mine = await create(owner);
    const edited = { ...draft('Quick drill, longer'), phases: [draft().phases[1], { ...draft().phases[0], minutes: 8 }] };
    const v2 = (await as(owner).put(`/api/scripts/${mine.slug}`, { ...edited, baseVersion: 1 }).expect(200)).body as ScriptDetail;
    expect(v2).toMatchObject({ slug: mine.slug, version: 2, latestVersion: 2, name: 'Quick drill, longer', totalMinutes: 28 });
    expect(v2.id).not.toBe(mine.id);
    expect(v2.phases.map((phase) => phase.key)).toEqual(['high-level-design', 'requirements']);

    const versions = (await as(owner).get(`/api/scripts/${mine.slug}/versions`).expect(200)).body.items;
    expect(versions.map((entry: { version: number; totalMinutes: number }) => [entry.version, entry.totalMinutes])).toEqual([
      [2, 28],
      [1, 30],
    ]);
    const v1 = (await as(owner).get(`/api/scripts/${mine.slug}/versions/1`).expect(200)).body as ScriptDetail;
    expect(v1).toMatchObject({ id: mine.id, version: 1, latestVersion: 2, name: 'Quick drill' });
    expect((await as(owner).get(`/api/scripts/${mine.slug}/versions/3`)).status).toBe(404);
    expect((await as(owner).get(`/api/scripts/${mine.slug}/versions/latest`)).status).toBe(400);

    const list = (await as(owner).get('/api/scripts').expect(200)).body.items as ScriptSummary[];
    expect(list.filter((script) => script.slug === mine.slug).map((script) => script.version)).toEqual([2]);
  });

  it('refuses an edit based on a stale version with 409, and two saves from one base advance once', async () => {
    const mine = await create(owner);
    const [first, second] = await Promise.all([
      as(owner).put(`/api/scripts/${mine.slug}`, { ...draft('First'), baseVersion: 1 }),
      as(owner).put(`/api/scripts/${mine.slug}`, { ...draft('Second'), baseVersion: 1 }),
    ]);
    expect([first.status, second.status].sort()).toEqual([200, 409]);
    const refused = first.status === 409 ? first : second;
    expect(refused.body.error).toMatchObject({ code: 'CONFLICT', details: { latestVersion: 2 } });

    const stale = await as(owner).put(`/api/scripts/${mine.slug}`, { ...draft('Late'), baseVersion: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.details).toEqual({ latestVersion: 2 });
    expect((await as(owner).get(`/api/scripts/${mine.slug}/versions`).expect(200)).body.items).toHaveLength(2);
  });

  it('keeps built-ins read-only (403) but lets anyone copy one', async () => {
    const builtIn = STANDARD_45.slug;
    expect((await as(owner).put(`/api/scripts/${builtIn}`, { ...draft(), baseVersion: 1 })).status).toBe(403);
    const refusal = await as(owner).delete(`/api/scripts/${builtIn}`);
    expect(refusal.status).toBe(403);
    expect(refusal.body.error.code).toBe('FORBIDDEN');

    const detail = (await as(owner).get(`/api/scripts/${builtIn}`).expect(200)).body as ScriptDetail;
    expect(detail).toMatchObject({ builtIn: true, mine: false, isDefault: true });

    const copy = (await as(owner).post(`/api/scripts/${builtIn}/copy`).expect(201)).body as ScriptDetail;
    expect(copy).toMatchObject({ name: `Copy of ${STANDARD_45.name}`, version: 1, builtIn: false, mine: true, isDefault: false, totalMinutes: detail.totalMinutes });
    expect(copy.slug).not.toBe(builtIn);
    expect(copy.phases).toEqual(detail.phases);

    const named = (await as(other).post(`/api/scripts/${builtIn}/copy`, { name: 'Olive’s loop' }).expect(201)).body as ScriptDetail;
    expect(named.name).toBe('Olive’s loop');
    // Copying my own script works too, and the copy is independent of the original.
    const again = (await as(owner).post(`/api/scripts/${copy.slug}/copy`).expect(201)).body as ScriptDetail;
    expect(again.slug).not.toBe(copy.slug);
  });

  it('keeps the version an interview pinned after edits and after the script is deleted', async () => {
    const mine = await create(owner);
    const interview = (await as(owner).post('/api/interviews', { scriptId: mine.id, questionId: 'url-shortener' }).expect(201)).body;
    expect(interview.script).toEqual({ id: mine.id, name: 'Quick drill' });

    await as(owner).put(`/api/scripts/${mine.slug}`, { ...draft('Renamed'), phases: [draft().phases[0]], baseVersion: 1 }).expect(200);
    expect((await as(owner).get(`/api/interviews/${interview.id}`).expect(200)).body.script).toEqual({ id: mine.id, name: 'Quick drill' });

    // The room runs the pinned phases, not the newest version's.
    const room = new RoomClient(port, owner.token);
    try {
      await room.connected();
      const state = await room.ok('room:join', { interviewId: interview.id });
      expect(state.script?.phases.map((phase) => phase.name)).toEqual(['Requirements', 'Design', 'Lightning round']);
    } finally {
      room.close();
    }

    await as(owner).delete(`/api/scripts/${mine.slug}`).expect(204);
    expect((await as(owner).get(`/api/scripts/${mine.slug}`)).status).toBe(404);
    expect(((await as(owner).get('/api/scripts').expect(200)).body.items as ScriptSummary[]).some((script) => script.slug === mine.slug)).toBe(false);
    expect((await as(owner).delete(`/api/scripts/${mine.slug}`)).status).toBe(404);
    expect((await as(owner).get(`/api/interviews/${interview.id}`).expect(200)).body.script).toEqual({ id: mine.id, name: 'Quick drill' });
    // An archived script cannot be pinned by a new interview.
    expect((await as(owner).post('/api/interviews', { scriptId: mine.id })).status).toBe(400);
  });

  it('does not let anyone pin another user’s script', async () => {
    const mine = await create(owner);
    const response = await as(other).post('/api/interviews', { scriptId: mine.id });
    expect(response.status).toBe(400);
    expect(response.body.error.details).toEqual([{ path: 'scriptId', message: 'No such script' }]);
  });

  it('accepts a script at every limit at once, in two-byte accented text, within the default body limit', async () => {
    const line = (n: number) => `Ünïcödé line ${n} `.padEnd(SCRIPT_LIMITS.listItemLength, 'é').slice(0, SCRIPT_LIMITS.listItemLength).trim();
    const lines = Array.from({ length: SCRIPT_LIMITS.listItems }, (_, i) => line(i));
    const phases = Array.from({ length: SCRIPT_LIMITS.maxPhases }, (_, i) => ({
      key: `phase-${i}`,
      name: `Phase ${i} `.padEnd(SCRIPT_LIMITS.phaseNameLength, 'é'),
      minutes: SCRIPT_LIMITS.maxTotalMinutes / SCRIPT_LIMITS.maxPhases,
      goal: 'ø'.repeat(SCRIPT_LIMITS.goalLength),
      candidateProduces: lines,
      interviewerListensFor: lines,
      commonMistakes: lines,
    }));
    const body = { name: 'ñ'.repeat(SCRIPT_LIMITS.nameLength), description: 'ü'.repeat(SCRIPT_LIMITS.descriptionLength), phases };
    const created = await as(owner).post('/api/scripts', body).expect(201);
    expect(created.body.totalMinutes).toBe(SCRIPT_LIMITS.maxTotalMinutes);
    expect(created.body.phases).toHaveLength(SCRIPT_LIMITS.maxPhases);
  });

  it('refuses invalid scripts with 400 and the failing fields', async () => {
    const phase = draft().phases[1];
    const cases: [unknown, string][] = [
      [{ ...draft(), phases: [] }, 'phases'],
      [{ ...draft(), phases: Array.from({ length: SCRIPT_LIMITS.maxPhases + 1 }, (_, i) => ({ ...phase, key: `p-${i}`, minutes: 1 })) }, 'phases'],
      [{ ...draft(), phases: [phase, { ...phase }] }, 'phases.1.key'],
      [{ ...draft(), phases: [{ ...phase, minutes: 0 }] }, 'phases.0.minutes'],
      [{ ...draft(), phases: [{ ...phase, minutes: 121 }] }, 'phases.0.minutes'],
      [{ ...draft(), phases: [{ ...phase, minutes: 2.5 }] }, 'phases.0.minutes'],
      [{ ...draft(), phases: [{ ...phase, minutes: 120 }, { ...phase, key: 'api', minutes: 120 }, { ...phase, key: 'wrap-up', minutes: 1 }] }, 'phases'],
      [{ ...draft(), name: '   ' }, 'name'],
      [{ ...draft(), name: 'x'.repeat(SCRIPT_LIMITS.nameLength + 1) }, 'name'],
      [{ ...draft(), phases: [{ ...phase, key: 'Not A Key' }] }, 'phases.0.key'],
      [{ ...draft(), phases: [{ ...phase, goal: 'g'.repeat(SCRIPT_LIMITS.goalLength + 1) }] }, 'phases.0.goal'],
      [{ ...draft(), phases: [{ ...phase, commonMistakes: Array.from({ length: SCRIPT_LIMITS.listItems + 1 }, (_, i) => `Mistake ${i}`) }] }, 'phases.0.commonMistakes'],
      [{ ...draft(), phases: [{ ...phase, candidateProduces: [''] }] }, 'phases.0.candidateProduces.0'],
      [{ ...draft(), autoAdvance: 'yes' }, 'autoAdvance'],
    ];
    for (const [body, path] of cases) {
      const response = await as(owner).post('/api/scripts', body);
      expect({ path, status: response.status }).toEqual({ path, status: 400 });
      expect(response.body.error.code).toBe('VALIDATION_FAILED');
      expect(response.body.error.details.map((issue: { path: string }) => issue.path)).toContain(path);
    }

    const mine = await create(owner);
    const missingBase = await as(owner).put(`/api/scripts/${mine.slug}`, draft());
    expect(missingBase.status).toBe(400);
    expect(missingBase.body.error.details.map((issue: { path: string }) => issue.path)).toContain('baseVersion');
    expect((await as(owner).post(`/api/scripts/${mine.slug}/copy`, { name: '' })).status).toBe(400);

    const broken = await api.http.post('/api/scripts').set('Authorization', `Bearer ${owner.token}`).set('Content-Type', 'application/json').send('{"name":');
    expect(broken.status).toBe(400);
    const huge = await as(owner).post('/api/scripts', { ...draft(), description: 'x'.repeat(200_000) });
    expect(huge.status).toBe(413);
    expect((await api.http.get('/api/scripts')).status).toBe(401);
    expect((await as(owner).get('/api/scripts/NOT..a-slug')).status).toBe(404);
  });
});
