import { createHash, randomBytes } from 'node:crypto';
import type { Timeline } from '@pairboard/contracts';
import { PrismaService } from '../../src/base/prisma';
import { ContentService } from '../../src/core/content';
import { createInterview, signUp, TestUser } from '../rooms/support/room-clients';
import { flushRedis, resetDatabase, startTestApp, TestApp } from '../support/test-app';
import { element, RecordingClient, setSession, storeUpdates } from './support/recording';

/**
 * What each kind of person may do with share links, and what a link reaches, against the review
 * access table: interviewers hand out notes, see and revoke every link; the candidate shares without
 * notes, sees their own links and any that show notes; observers 403; outsiders 404; no account 401.
 */

const T0 = new Date('2026-03-02T10:00:00.000Z');
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
const IMAGE_ID = 'image-1';
const NOTES = ['Strong on caching', 'Missed the write path'];

type Role = 'interviewer' | 'secondInterviewer' | 'candidate' | 'observer' | 'outsider' | 'anonymous';

interface Listed {
  id: string;
  includeNotes: boolean;
  state: string;
  createdBy: { id: string; name: string | null };
  mine: boolean;
  canRevoke: boolean;
}

describe('share links: who may make, see and revoke them, and what they reach', () => {
  let api: TestApp;
  let prisma: PrismaService;
  let ivan: TestUser;
  let ines: TestUser;
  let ian: TestUser;
  let cara: TestUser;
  let olga: TestUser;
  let eve: TestUser;
  let interviewId: string;
  let otherInterviewId: string;
  let people: Record<Exclude<Role, 'anonymous'>, TestUser>;

  beforeAll(async () => {
    await resetDatabase();
    await flushRedis();
    api = await startTestApp();
    await api.app.get(ContentService).seedBuiltIns();
    prisma = api.app.get(PrismaService);
    [ivan, ines, ian, cara, olga, eve] = await Promise.all(['Ivan', 'Ines', 'Ian', 'Cara', 'Olga', 'Eve'].map((name) => signUp(api, name)));
    people = { interviewer: ivan, secondInterviewer: ines, candidate: cara, observer: olga, outsider: eve };
    interviewId = await createInterview(api, ivan, [
      { user: ines, role: 'interviewer' },
      { user: ian, role: 'interviewer' },
      { user: cara, role: 'candidate' },
      { user: olga, role: 'observer' },
    ]);
    // Eve runs an interview of her own: being an interviewer elsewhere grants nothing here.
    otherInterviewId = await createInterview(api, eve, []);
    await setSession(api, interviewId, T0, new Date(T0.getTime() + 60_000));
    await prisma.note.createMany({
      data: [
        { interviewId, authorId: ivan.id, body: NOTES[0], createdAt: new Date(T0.getTime() + 5_000), updatedAt: T0 },
        { interviewId, authorId: ines.id, body: NOTES[1], createdAt: new Date(T0.getTime() + 6_000), updatedAt: T0 },
      ],
    });
    const client = new RecordingClient();
    client.put(element('A', 1));
    await storeUpdates(api, interviewId, client.take().map((data) => ({ data, at: new Date(T0.getTime() + 1_000) })));
    const upload = await api.http.post(`/api/interviews/${interviewId}/files`).set(auth(cara)).field('fileId', IMAGE_ID).attach('file', PNG, { filename: 'a.png', contentType: 'image/png' });
    expect(upload.status).toBe(201);
  });
  afterAll(() => api?.close());

  const auth = (user: TestUser) => ({ Authorization: `Bearer ${user.token}` });
  const links = (id = interviewId) => `/api/interviews/${id}/share-links`;

  function as(role: Role, method: 'get' | 'post' | 'delete', path: string) {
    const request = api.http[method](path);
    return role === 'anonymous' ? request : request.set(auth(people[role]));
  }

  async function share(user: TestUser, includeNotes = false, expiresInHours = 24): Promise<{ id: string; token: string }> {
    return (await api.http.post(links()).set(auth(user)).send({ expiresInHours, includeNotes }).expect(201)).body;
  }

  /** A link as a candidate could make one before only interviewers could include notes. */
  async function legacyCandidateLinkWithNotes(): Promise<{ id: string; token: string }> {
    const token = randomBytes(32).toString('base64url');
    const row = await prisma.replayShareLink.create({
      data: { interviewId, createdById: cara.id, tokenHash: createHash('sha256').update(token).digest('hex'), includeNotes: true, expiresAt: new Date(Date.now() + 3600_000) },
    });
    return { id: row.id, token };
  }

  async function list(user: TestUser): Promise<Listed[]> {
    return (await api.http.get(links()).set(auth(user)).expect(200)).body.items;
  }

  async function sharedNotes(token: string): Promise<string[]> {
    const timeline = (await api.http.get(`/api/shared/${token}/timeline`).expect(200)).body as Timeline;
    return timeline.events.flatMap((event) => (event.kind === 'note' ? [event.text] : []));
  }

  it('lets interviewers make links with notes, the candidate only without, observers 403, outsiders 404, no account 401', async () => {
    const expected: Record<Role, [number, number]> = {
      interviewer: [201, 201],
      secondInterviewer: [201, 201],
      candidate: [201, 403],
      observer: [403, 403],
      outsider: [404, 404],
      anonymous: [401, 401],
    };
    const before = await prisma.replayShareLink.count();
    for (const [role, [plain, withNotes]] of Object.entries(expected) as [Role, [number, number]][]) {
      const madePlain = await as(role, 'post', links()).send({ expiresInHours: 1 });
      const madeWithNotes = await as(role, 'post', links()).send({ expiresInHours: 1, includeNotes: true });
      expect([role, madePlain.status, madeWithNotes.status]).toEqual([role, plain, withNotes]);
    }
    // Only the allowed ones were stored: two per interviewer, one for the candidate.
    expect(await prisma.replayShareLink.count()).toBe(before + 5);
    expect(await prisma.replayShareLink.count({ where: { createdById: cara.id, includeNotes: true } })).toBe(0);

    const refused = await api.http.post(links()).set(auth(cara)).send({ expiresInHours: 1, includeNotes: true }).expect(403);
    expect(refused.body.error).toEqual({ code: 'FORBIDDEN', message: expect.stringMatching(/interviewers/i) });
    // The answer to making a link says whose it is.
    const made = (await api.http.post(links()).set(auth(ines)).send({ expiresInHours: 1, includeNotes: true }).expect(201)).body;
    expect(made).toMatchObject({ includeNotes: true, createdBy: { id: ines.id, name: 'Ines' }, mine: true, canRevoke: true, state: 'active' });
  });

  it('lists every link to interviewers; the candidate sees their own and those showing notes', async () => {
    const ivanPlain = await share(ivan);
    const ivanNotes = await share(ivan, true);
    const inesPlain = await share(ines);
    const caraPlain = await share(cara);
    const legacy = await legacyCandidateLinkWithNotes();
    const ours = new Set([ivanPlain, ivanNotes, inesPlain, caraPlain, legacy].map((link) => link.id));
    const view = async (user: TestUser) =>
      Object.fromEntries(
        (await list(user))
          .filter((link) => ours.has(link.id))
          .map((link) => [link.id, { by: link.createdBy.name, byId: link.createdBy.id, notes: link.includeNotes, mine: link.mine, canRevoke: link.canRevoke, state: link.state }]),
      );

    expect(await view(ivan)).toEqual({
      [ivanPlain.id]: { by: 'Ivan', byId: ivan.id, notes: false, mine: true, canRevoke: true, state: 'active' },
      [ivanNotes.id]: { by: 'Ivan', byId: ivan.id, notes: true, mine: true, canRevoke: true, state: 'active' },
      [inesPlain.id]: { by: 'Ines', byId: ines.id, notes: false, mine: false, canRevoke: true, state: 'active' },
      [caraPlain.id]: { by: 'Cara', byId: cara.id, notes: false, mine: false, canRevoke: true, state: 'active' },
      // Asked for notes, but its maker may not share them: it shows none, and says so.
      [legacy.id]: { by: 'Cara', byId: cara.id, notes: false, mine: false, canRevoke: true, state: 'active' },
    });
    const inesView = await view(ines);
    expect(Object.keys(inesView).sort()).toEqual([...ours].sort());
    expect(Object.entries(inesView).filter(([, link]) => link.mine).map(([id]) => id)).toEqual([inesPlain.id]);
    expect(Object.values(inesView).every((link) => link.canRevoke)).toBe(true);

    expect(await view(cara)).toEqual({
      [ivanNotes.id]: { by: 'Ivan', byId: ivan.id, notes: true, mine: false, canRevoke: false, state: 'active' },
      [caraPlain.id]: { by: 'Cara', byId: cara.id, notes: false, mine: true, canRevoke: true, state: 'active' },
      [legacy.id]: { by: 'Cara', byId: cara.id, notes: false, mine: true, canRevoke: true, state: 'active' },
    });

    await api.http.get(links()).set(auth(olga)).expect(403);
    await api.http.get(links()).set(auth(eve)).expect(404);
    await api.http.get(links()).expect(401);
    // Eve's own interview lists none of these.
    const evesList = (await api.http.get(links(otherInterviewId)).set(auth(eve)).expect(200)).body.items as Listed[];
    expect(evesList.filter((link) => ours.has(link.id))).toEqual([]);
  });

  it('lets interviewers revoke any link of their interview and the candidate only their own', async () => {
    const revoke = (role: Role, linkId: string, id = interviewId) => as(role, 'delete', `${links(id)}/${linkId}`);
    const opens = async (token: string) => (await api.http.get(`/api/shared/${token}`)).status;

    // The candidate: their own yes; an interviewer's link they can see (with notes) 403; one they cannot see 404.
    const caraOwn = await share(cara);
    const ivanPlain = await share(ivan);
    const ivanNotes = await share(ivan, true);
    expect((await revoke('candidate', ivanPlain.id)).status).toBe(404);
    const refused = await revoke('candidate', ivanNotes.id);
    expect([refused.status, refused.body.error?.code]).toEqual([403, 'FORBIDDEN']);
    expect(await opens(ivanPlain.token)).toBe(200);
    expect(await opens(ivanNotes.token)).toBe(200);
    expect((await revoke('candidate', caraOwn.id)).status).toBe(204);
    expect(await opens(caraOwn.token)).toBe(404);

    // Observers, outsiders and people without an account revoke nothing.
    for (const [role, status] of [['observer', 403], ['outsider', 404], ['anonymous', 401]] as [Role, number][]) {
      expect([role, (await revoke(role, ivanPlain.id)).status]).toEqual([role, status]);
    }
    // Being an interviewer of another interview does not reach this one's links, by either route.
    expect((await revoke('outsider', ivanPlain.id, otherInterviewId)).status).toBe(404);
    expect((await revoke('interviewer', (await share(ivan)).id, otherInterviewId)).status).toBe(404);
    expect(await opens(ivanPlain.token)).toBe(200);

    // Interviewers: anyone's link, including the candidate's and the legacy one with notes.
    const caraLink = await share(cara);
    const legacy = await legacyCandidateLinkWithNotes();
    expect((await revoke('secondInterviewer', ivanPlain.id)).status).toBe(204);
    expect((await revoke('secondInterviewer', ivanNotes.id)).status).toBe(204);
    expect((await revoke('interviewer', caraLink.id)).status).toBe(204);
    expect((await revoke('interviewer', legacy.id)).status).toBe(204);
    for (const link of [ivanPlain, ivanNotes, caraLink, legacy]) expect(await opens(link.token)).toBe(404);

    // Revoking again changes nothing: the first time stays.
    const first = (await prisma.replayShareLink.findUniqueOrThrow({ where: { id: caraLink.id } })).revokedAt;
    expect((await revoke('candidate', caraLink.id)).status).toBe(204);
    expect((await prisma.replayShareLink.findUniqueOrThrow({ where: { id: caraLink.id } })).revokedAt).toEqual(first);
    expect((await revoke('interviewer', 'not-a-link')).status).toBe(404);
    expect((await revoke('interviewer', '00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });

  it('gives a link the board, log, files and timeline; notes only on an interviewer’s link made with them', async () => {
    const withNotes = await share(ivan, true);
    const interviewerPlain = await share(ines);
    const candidatePlain = await share(cara);
    const routes = ['timeline', 'board', 'board?at=500', 'board/updates', `files/${IMAGE_ID}`];
    for (const link of [withNotes, interviewerPlain, candidatePlain]) {
      for (const route of ['', ...routes]) {
        expect([route, (await api.http.get(`/api/shared/${link.token}/${route}`)).status]).toEqual([route, 200]);
      }
    }
    expect((await sharedNotes(withNotes.token)).sort()).toEqual([...NOTES].sort());
    expect(await sharedNotes(interviewerPlain.token)).toEqual([]);
    expect(await sharedNotes(candidatePlain.token)).toEqual([]);
    expect((await api.http.get(`/api/shared/${withNotes.token}`)).body).toMatchObject({ interviewId, includeNotes: true });
    expect((await api.http.get(`/api/shared/${candidatePlain.token}`)).body).toMatchObject({ interviewId, includeNotes: false });
    const board = (await api.http.get(`/api/shared/${candidatePlain.token}/board`).expect(200)).body;
    expect(board.elements).toEqual([expect.objectContaining({ id: 'A' })]);
    const updates = (await api.http.get(`/api/shared/${candidatePlain.token}/board/updates`).expect(200)).body;
    expect(updates.updates).toHaveLength(1);
  });

  it('answers 404 everywhere for a revoked or expired link, with notes or not', async () => {
    const revoked = await share(ivan, true);
    await api.http.delete(`${links()}/${revoked.id}`).set(auth(ivan)).expect(204);
    const expired = await share(ivan, true);
    await prisma.replayShareLink.update({ where: { id: expired.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const expiredPlain = await share(cara);
    await prisma.replayShareLink.update({ where: { id: expiredPlain.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    for (const link of [revoked, expired, expiredPlain]) {
      for (const route of ['', 'timeline', 'board', 'board?at=500', 'board/updates', `files/${IMAGE_ID}`]) {
        const response = await api.http.get(`/api/shared/${link.token}/${route}`);
        expect([route, response.status, response.body.error?.code]).toEqual([route, 404, 'NOT_FOUND']);
      }
    }
    const states = Object.fromEntries((await list(ivan)).map((link) => [link.id, link.state]));
    expect([states[revoked.id], states[expired.id], states[expiredPlain.id]]).toEqual(['revoked', 'expired', 'expired']);
  });

  it('shows no notes through a link a candidate made with notes before that was refused', async () => {
    const legacy = await legacyCandidateLinkWithNotes();
    expect(await sharedNotes(legacy.token)).toEqual([]);
    expect((await api.http.get(`/api/shared/${legacy.token}`).expect(200)).body).toMatchObject({ includeNotes: false });
    // Everything else the candidate could share still opens.
    await api.http.get(`/api/shared/${legacy.token}/board`).expect(200);
    await api.http.get(`/api/shared/${legacy.token}/board/updates`).expect(200);
    await api.http.get(`/api/shared/${legacy.token}/files/${IMAGE_ID}`).expect(200);
  });

  it('stops showing notes once the link’s maker is no longer an interviewer', async () => {
    const link = await share(ian, true);
    expect((await sharedNotes(link.token)).sort()).toEqual([...NOTES].sort());
    await prisma.participant.updateMany({ where: { interviewId, userId: ian.id }, data: { role: 'observer' } });
    expect(await sharedNotes(link.token)).toEqual([]);
    expect((await api.http.get(`/api/shared/${link.token}`).expect(200)).body).toMatchObject({ includeNotes: false });
    await prisma.participant.deleteMany({ where: { interviewId, userId: ian.id } });
    expect(await sharedNotes(link.token)).toEqual([]);
    // Interviewers still see the link, and that it shows no notes.
    expect((await list(ivan)).find((listed) => listed.id === link.id)).toMatchObject({ includeNotes: false, createdBy: { id: ian.id, name: 'Ian' }, canRevoke: true });
  });
});
