import type { Timeline } from '@pairboard/contracts';
import { PrismaService } from '../../src/base/prisma';
import { ContentService } from '../../src/core/content';
import { SEEK_STRIDE, SeekIndex } from '../../src/core/review/seek-index';
import { createInterview, signUp, TestUser } from '../rooms/support/room-clients';
import { flushRedis, resetDatabase, startTestApp, TestApp } from '../support/test-app';
import { element, RecordingClient, setSession, storeUpdates } from './support/recording';

const T0 = new Date('2026-03-02T10:00:00.000Z');
const at = (ms: number) => new Date(T0.getTime() + ms);

describe('recording and review: timeline and board at an instant', () => {
  let api: TestApp;
  let prisma: PrismaService;
  let ivan: TestUser;
  let cara: TestUser;
  let olga: TestUser;
  let eve: TestUser;

  beforeAll(async () => {
    await resetDatabase();
    await flushRedis();
    api = await startTestApp();
    await api.app.get(ContentService).seedBuiltIns();
    prisma = api.app.get(PrismaService);
    [ivan, cara, olga, eve] = await Promise.all([signUp(api, 'Ivan'), signUp(api, 'Cara'), signUp(api, 'Olga'), signUp(api, 'Eve')]);
  });
  afterAll(() => api.close());

  const get = (user: TestUser, path: string) => api.http.get(path).set('Authorization', `Bearer ${user.token}`);

  async function newInterview(): Promise<string> {
    return createInterview(api, ivan, [
      { user: cara, role: 'candidate' },
      { user: olga, role: 'observer' },
    ]);
  }

  /** A finished session: three phases, a note, a hint, chat, two joins and three board edits. */
  async function recordedSession(): Promise<string> {
    const id = await newInterview();
    await setSession(api, id, T0, at(120_000));
    await prisma.phaseEvent.createMany({
      data: [
        { interviewId: id, kind: 'started', phaseIndex: 0, clockVersion: 1, at: at(0), byUserId: ivan.id },
        { interviewId: id, kind: 'advanced', phaseIndex: 1, clockVersion: 2, at: at(60_000), byUserId: ivan.id },
        { interviewId: id, kind: 'ended', phaseIndex: 1, clockVersion: 3, at: at(120_000), byUserId: ivan.id },
      ],
    });
    await prisma.note.create({ data: { interviewId: id, authorId: ivan.id, body: 'Asked about read/write ratio', sessionMs: 30_000, phaseIndex: 0, createdAt: at(30_000), updatedAt: at(30_000) } });
    await prisma.revealedHint.create({ data: { interviewId: id, hintIndex: 0, phase: 'requirements', text: 'Think about reads', phaseIndex: 0, revealedAt: at(40_000), revealedById: ivan.id } });
    await prisma.chatMessage.create({ data: { interviewId: id, authorId: cara.id, body: 'Can I use a cache?', sentAt: at(50_000) } });
    await prisma.participant.updateMany({ where: { interviewId: id, userId: { in: [ivan.id, cara.id] } }, data: { joinedAt: at(-5_000) } });

    const client = new RecordingClient();
    client.put(element('A', 1));
    const [addA] = client.take();
    client.put(element('B', 1));
    const [addB] = client.take();
    client.put(element('A', 2, { isDeleted: true }));
    const [deleteA] = client.take();
    await storeUpdates(api, id, [
      { data: addA, at: at(1_000), authorId: cara.id },
      { data: addB, at: at(70_000), authorId: cara.id },
      { data: deleteA, at: at(90_000), authorId: cara.id },
    ]);
    return id;
  }

  it('gives the empty timeline and an empty board before the interview started', async () => {
    const id = await newInterview();
    const timeline = await get(cara, `/api/interviews/${id}/timeline`).expect(200);
    expect(timeline.body).toEqual({ startedAt: null, endedAt: null, durationMs: 0, phases: [], events: [] });
    expect((await get(cara, `/api/interviews/${id}/board`).expect(200)).body).toEqual({ elements: [], files: {} });
    expect((await get(cara, `/api/interviews/${id}/board?at=1000`).expect(200)).body).toEqual({ elements: [], files: {} });
    expect((await get(cara, `/api/interviews/${id}/board/updates`).expect(200)).body).toEqual({ sessionStartedAt: null, updates: [], nextAfter: null });
  });

  it('lays out phases as chapters and the session events in time order', async () => {
    const id = await recordedSession();
    const { body } = await get(ivan, `/api/interviews/${id}/timeline`).expect(200);
    const timeline = body as Timeline;
    expect(timeline).toMatchObject({ startedAt: T0.toISOString(), endedAt: at(120_000).toISOString(), durationMs: 120_000 });
    expect(timeline.phases).toEqual([
      { name: expect.any(String), phaseIndex: 0, startMs: 0, endMs: 60_000, pausedMs: 0 },
      { name: expect.any(String), phaseIndex: 1, startMs: 60_000, endMs: 120_000, pausedMs: 0 },
    ]);
    expect(timeline.phases[0].name).not.toBe(timeline.phases[1].name);
    expect(timeline.events.map((event) => [event.atMs, event.kind])).toEqual([
      [0, 'join'],
      [0, 'join'],
      [0, 'phase'],
      [30_000, 'note'],
      [40_000, 'hint'],
      [50_000, 'chat'],
      [60_000, 'phase'],
      [120_000, 'phase'],
    ]);
    expect(timeline.events.find((event) => event.kind === 'note')).toMatchObject({ text: 'Asked about read/write ratio', authorName: 'Ivan' });
    expect(timeline.events.find((event) => event.kind === 'chat')).toMatchObject({ text: 'Can I use a cache?', authorName: 'Cara' });
    expect(timeline.events.find((event) => event.kind === 'hint')).toMatchObject({ text: 'Think about reads', phase: 'requirements' });
  });

  it('marks when people joined and left from their stays in the room, a second tab being no extra join', async () => {
    const id = await recordedSession();
    await prisma.roomVisit.createMany({
      data: [
        { interviewId: id, userId: cara.id, joinedAt: at(2_000), leftAt: at(80_000) },
        { interviewId: id, userId: cara.id, joinedAt: at(10_000), leftAt: at(20_000) },
        { interviewId: id, userId: cara.id, joinedAt: at(100_000), leftAt: null },
      ],
    });
    const { body } = await get(olga, `/api/interviews/${id}/timeline`).expect(200);
    const presence = (body as Timeline).events.filter((event) => event.kind === 'join' || event.kind === 'leave');
    expect(presence).toEqual([
      // Ivan entered before stays were kept: his first entry is all there is.
      { atMs: 0, kind: 'join', userId: ivan.id, name: 'Ivan', role: 'interviewer' },
      { atMs: 2_000, kind: 'join', userId: cara.id, name: 'Cara', role: 'candidate' },
      { atMs: 80_000, kind: 'leave', userId: cara.id, name: 'Cara', role: 'candidate' },
      { atMs: 100_000, kind: 'join', userId: cara.id, name: 'Cara', role: 'candidate' },
    ]);
  });

  it('shows notes to interviewers only', async () => {
    const id = await recordedSession();
    for (const user of [cara, olga]) {
      const { body } = await get(user, `/api/interviews/${id}/timeline`).expect(200);
      expect((body as Timeline).events.some((event) => event.kind === 'note')).toBe(false);
      expect((body as Timeline).events.some((event) => event.kind === 'chat')).toBe(true);
    }
  });

  it('returns the board as the document held it at each instant, tombstones included', async () => {
    const id = await recordedSession();
    const board = async (query: string) => (await get(cara, `/api/interviews/${id}/board${query}`).expect(200)).body as { elements: { id: string; isDeleted: boolean }[]; files: object };
    const shape = (scene: { elements: { id: string; isDeleted: boolean }[] }) => scene.elements.map((value) => `${value.id}${value.isDeleted ? '†' : ''}`);

    expect(await board('?at=0')).toEqual({ elements: [], files: {} });
    expect(shape(await board('?at=999'))).toEqual([]);
    expect(shape(await board('?at=1000'))).toEqual(['A']);
    expect(shape(await board('?at=69999'))).toEqual(['A']);
    expect(shape(await board('?at=70000'))).toEqual(['A', 'B']);
    expect(shape(await board('?at=90000'))).toEqual(['A†', 'B']);
    expect(shape(await board('?at=99999999'))).toEqual(['A†', 'B']);
    expect(shape(await board(''))).toEqual(['A†', 'B']);
    const final = await board('?at=90000');
    expect(final.elements[0]).toMatchObject({ id: 'A', version: 2, isDeleted: true });
  });

  it('starts the session at the first board update when it precedes the interview start', async () => {
    const id = await newInterview();
    await setSession(api, id, at(10_000), null);
    const client = new RecordingClient();
    client.put(element('early', 1));
    client.put(element('late', 1));
    const [early, late] = client.take();
    await storeUpdates(api, id, [
      { data: early, at: at(0) },
      { data: late, at: at(15_000) },
    ]);
    const ids = async (query: string) => ((await get(ivan, `/api/interviews/${id}/board${query}`).expect(200)).body.elements as { id: string }[]).map((value) => value.id);
    expect(await ids('?at=0')).toEqual(['early']);
    expect(await ids('?at=14999')).toEqual(['early']);
    expect(await ids('?at=15000')).toEqual(['early', 'late']);
    const timeline = (await get(ivan, `/api/interviews/${id}/timeline`).expect(200)).body as Timeline;
    expect(timeline.startedAt).toBe(at(0).toISOString());
    expect(timeline.endedAt).toBeNull();
  });

  it('refuses a negative, fractional, non-numeric or absurd `at` with 400', async () => {
    const id = await recordedSession();
    for (const query of ['-1', '1.5', 'abc', '', '1e3', '99999999999', '0x10']) {
      const response = await get(cara, `/api/interviews/${id}/board?at=${encodeURIComponent(query)}`).expect(400);
      expect(response.body.error).toMatchObject({ code: 'VALIDATION_FAILED', message: expect.any(String) });
    }
    await get(cara, `/api/interviews/${id}/board/updates?limit=0`).expect(400);
    await get(cara, `/api/interviews/${id}/board/updates?limit=5001`).expect(400);
    await get(cara, `/api/interviews/${id}/board/updates?after=-3`).expect(400);
  });

  it('pages the update log with times since the session started', async () => {
    const id = await recordedSession();
    const first = (await get(olga, `/api/interviews/${id}/board/updates?limit=2`).expect(200)).body;
    expect(first.sessionStartedAt).toBe(T0.toISOString());
    expect(first.updates.map((update: { atMs: number }) => update.atMs)).toEqual([1_000, 70_000]);
    expect(first.nextAfter).toBe(first.updates[1].id);
    const second = (await get(olga, `/api/interviews/${id}/board/updates?limit=2&after=${first.nextAfter}`).expect(200)).body;
    expect(second.updates.map((update: { atMs: number }) => update.atMs)).toEqual([90_000]);
    expect(second.nextAfter).toBeNull();
    expect(Buffer.from(second.updates[0].data, 'base64').length).toBeGreaterThan(0);
  });

  it('answers 404 to outsiders and for unknown interviews, on every recording route', async () => {
    const id = await recordedSession();
    for (const path of [`/api/interviews/${id}/timeline`, `/api/interviews/${id}/board`, `/api/interviews/${id}/board?at=5`, `/api/interviews/${id}/board/updates`]) {
      const response = await get(eve, path).expect(404);
      expect(response.body).toEqual({ error: { code: 'NOT_FOUND', message: 'No such interview.' } });
      await api.http.get(path).expect(401);
    }
    await get(ivan, '/api/interviews/00000000-0000-4000-8000-000000000000/timeline').expect(404);
    await get(ivan, '/api/interviews/not-a-uuid/board').expect(404);
  });

  it('writes seek points every stride so a seek applies a bounded tail, and seeks stay exact', async () => {
    const id = await newInterview();
    await setSession(api, id, T0, at(3_600_000));
    const client = new RecordingClient();
    const rows: { data: Uint8Array; at: Date }[] = [];
    const total = SEEK_STRIDE * 2 + 37;
    for (let index = 0; index < total; index++) {
      client.put(element(`e${index % 50}`, Math.floor(index / 50) + 1));
      rows.push({ data: client.take()[0], at: at(index * 1000) });
    }
    await storeUpdates(api, id, rows);
    const seek = api.app.get(SeekIndex, { strict: false });
    expect(await seek.extend(id)).toBe(2);
    expect(await seek.extend(id)).toBe(0);
    const points = await prisma.boardSnapshot.findMany({ where: { interviewId: id, exact: true }, orderBy: { lastUpdateId: 'asc' } });
    expect(points.map((point) => [point.updateCount, point.lastUpdateAt?.toISOString()])).toEqual([
      [SEEK_STRIDE, at((SEEK_STRIDE - 1) * 1000).toISOString()],
      [SEEK_STRIDE * 2, at((SEEK_STRIDE * 2 - 1) * 1000).toISOString()],
    ]);
    // Just before, at and after each seek point: version of e0 is the last one written by then.
    for (const index of [SEEK_STRIDE - 2, SEEK_STRIDE - 1, SEEK_STRIDE, SEEK_STRIDE * 2 - 1, SEEK_STRIDE * 2, total - 1]) {
      const { body } = await get(ivan, `/api/interviews/${id}/board?at=${index * 1000}`).expect(200);
      const e = (body.elements as { id: string; version: number }[]).find((value) => value.id === `e${index % 50}`);
      expect(e?.version).toBe(Math.floor(index / 50) + 1);
      expect(body.elements).toHaveLength(Math.min(50, index + 1));
    }
  });
});
