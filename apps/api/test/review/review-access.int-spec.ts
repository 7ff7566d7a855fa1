import type { CreatedShareLink, Timeline } from '@pairboard/contracts';
import { PrismaService } from '../../src/base/prisma';
import { ContentService } from '../../src/core/content';
import { createInterview, signUp, TestUser } from '../rooms/support/room-clients';
import { flushRedis, resetDatabase, startTestApp, TestApp } from '../support/test-app';
import { element, RecordingClient, setSession, storeUpdates } from './support/recording';

const T0 = new Date('2026-03-02T10:00:00.000Z');

type Who = 'interviewer' | 'candidate' | 'observer' | 'outsider' | 'link' | 'revokedLink' | 'expiredLink';

/** A real 1×1 PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
const IMAGE_ID = 'image-1';

describe('review routes: who may do what, and share links', () => {
  let api: TestApp;
  let prisma: PrismaService;
  let ivan: TestUser;
  let cara: TestUser;
  let olga: TestUser;
  let eve: TestUser;
  let interviewId: string;

  beforeAll(async () => {
    await resetDatabase();
    await flushRedis();
    api = await startTestApp();
    await api.app.get(ContentService).seedBuiltIns();
    prisma = api.app.get(PrismaService);
    [ivan, cara, olga, eve] = await Promise.all([signUp(api, 'Ivan'), signUp(api, 'Cara'), signUp(api, 'Olga'), signUp(api, 'Eve')]);
    interviewId = await createInterview(api, ivan, [
      { user: cara, role: 'candidate' },
      { user: olga, role: 'observer' },
    ]);
    await setSession(api, interviewId, T0, new Date(T0.getTime() + 60_000));
    await prisma.note.create({ data: { interviewId, authorId: ivan.id, body: 'Strong on caching', createdAt: new Date(T0.getTime() + 5_000), updatedAt: T0 } });
    const client = new RecordingClient();
    client.put(element('A', 1));
    await storeUpdates(api, interviewId, client.take().map((data) => ({ data, at: new Date(T0.getTime() + 1_000) })));
  });
  afterAll(() => api.close());

  const auth = (user: TestUser) => ({ Authorization: `Bearer ${user.token}` });

  async function share(user: TestUser, body: object = { expiresInHours: 24 }): Promise<CreatedShareLink> {
    return (await api.http.post(`/api/interviews/${interviewId}/share-links`).set(auth(user)).send(body).expect(201)).body;
  }

  async function tokens(): Promise<Record<'link' | 'revokedLink' | 'expiredLink', string>> {
    const link = await share(cara);
    const revoked = await share(cara);
    await api.http.delete(`/api/interviews/${interviewId}/share-links/${revoked.id}`).set(auth(cara)).expect(204);
    const expired = await share(ivan, { expiresInHours: 1 });
    await prisma.replayShareLink.update({ where: { id: expired.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    return { link: link.token, revokedLink: revoked.token, expiredLink: expired.token };
  }

  /** The same image each time: the first upload stores it (201), later ones find it stored (200). */
  async function putImage(): Promise<void> {
    const response = await api.http.post(`/api/interviews/${interviewId}/files`).set(auth(cara)).field('fileId', IMAGE_ID).attach('file', PNG, { filename: 'a.png', contentType: 'image/png' });
    expect([200, 201]).toContain(response.status);
  }

  /** The status `who` gets for reading the recording through the route meant for them. */
  async function read(who: Who, route: string, links: Record<string, string>): Promise<number> {
    const users: Record<string, TestUser> = { interviewer: ivan, candidate: cara, observer: olga, outsider: eve };
    const user = users[who];
    const response = user
      ? await api.http.get(`/api/interviews/${interviewId}/${route}`).set(auth(user))
      : await api.http.get(`/api/shared/${links[who]}/${route}`);
    return response.status;
  }

  it('lets participants and link holders read the recording, and no one else', async () => {
    const links = await tokens();
    // An image on the board: the replay shows it to everyone who may watch.
    await putImage();
    const expected: Record<Who, number> = { interviewer: 200, candidate: 200, observer: 200, outsider: 404, link: 200, revokedLink: 404, expiredLink: 404 };
    for (const route of ['timeline', 'board', 'board?at=500', 'board/updates', `files/${IMAGE_ID}`]) {
      for (const who of Object.keys(expected) as Who[]) {
        expect([route, who, await read(who, route, links)]).toEqual([route, who, expected[who]]);
      }
    }
  });

  it('serves a link holder the images of that interview only', async () => {
    const { link } = await tokens();
    await putImage();
    const image = await api.http.get(`/api/shared/${link}/files/${IMAGE_ID}`).expect(200);
    expect(image.headers['content-type']).toBe('image/png');
    expect(Buffer.compare(image.body as Buffer, PNG)).toBe(0);
    await api.http.get(`/api/shared/${link}/files/unknown-image`).expect(404);
    await api.http.get(`/api/shared/${link}/files/${'x'.repeat(300)}`).expect(404);
  });

  it('lets the candidate and interviewers share; observers 403, outsiders 404', async () => {
    const expected: Record<string, [TestUser, number, number]> = {
      interviewer: [ivan, 201, 200],
      candidate: [cara, 201, 200],
      observer: [olga, 403, 403],
      outsider: [eve, 404, 404],
    };
    for (const [who, [user, create, list]] of Object.entries(expected)) {
      const created = await api.http.post(`/api/interviews/${interviewId}/share-links`).set(auth(user)).send({ expiresInHours: 2 });
      const listed = await api.http.get(`/api/interviews/${interviewId}/share-links`).set(auth(user));
      expect([who, created.status, listed.status]).toEqual([who, create, list]);
    }
    const ivansLink = await share(ivan);
    // The candidate cannot revoke an interviewer's link they do not see (404); nor can an observer (403).
    await api.http.delete(`/api/interviews/${interviewId}/share-links/${ivansLink.id}`).set(auth(cara)).expect(404);
    await api.http.delete(`/api/interviews/${interviewId}/share-links/${ivansLink.id}`).set(auth(olga)).expect(403);
    await api.http.delete(`/api/interviews/${interviewId}/share-links/${ivansLink.id}`).set(auth(eve)).expect(404);
    await api.http.delete(`/api/interviews/${interviewId}/share-links/not-an-id`).set(auth(ivan)).expect(404);
    await api.http.get(`/api/shared/${ivansLink.token}/timeline`).expect(200);
  });

  it('shows the token once, stores only its hash, and lists the link with its state', async () => {
    const link = await share(ivan, { expiresInHours: 48, includeNotes: true });
    expect(link).toMatchObject({ includeNotes: true, state: 'active', revokedAt: null, path: `/replay/${link.token}` });
    expect(link.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(new Date(link.expiresAt).getTime() - Date.now()).toBeGreaterThan(47.9 * 3600_000);
    const stored = await prisma.replayShareLink.findUniqueOrThrow({ where: { id: link.id } });
    expect(stored.tokenHash).not.toContain(link.token);
    expect(stored.tokenHash).toMatch(/^[0-9a-f]{64}$/);

    const listed = (await api.http.get(`/api/interviews/${interviewId}/share-links`).set(auth(ivan)).expect(200)).body.items as { id: string; state: string }[];
    expect(listed.find((item) => item.id === link.id)).toMatchObject({ state: 'active' });
    expect(JSON.stringify(listed)).not.toContain(link.token);

    await api.http.delete(`/api/interviews/${interviewId}/share-links/${link.id}`).set(auth(ivan)).expect(204);
    const after = (await api.http.get(`/api/interviews/${interviewId}/share-links`).set(auth(ivan)).expect(200)).body.items as { id: string; state: string }[];
    expect(after.find((item) => item.id === link.id)).toMatchObject({ state: 'revoked' });
  });

  it('filters notes per link: none by default, all when the link was made with them', async () => {
    const without = await share(cara);
    const withNotes = await share(ivan, { expiresInHours: 1, includeNotes: true });
    const notes = async (token: string) => ((await api.http.get(`/api/shared/${token}/timeline`).expect(200)).body as Timeline).events.filter((event) => event.kind === 'note');
    expect(await notes(without.token)).toEqual([]);
    expect(await notes(withNotes.token)).toEqual([expect.objectContaining({ text: 'Strong on caching' })]);
    const described = (await api.http.get(`/api/shared/${withNotes.token}`).expect(200)).body;
    expect(described).toMatchObject({ interviewId, includeNotes: true, title: expect.any(String) });
  });

  it('explains why a link no longer opens: unknown, revoked or expired', async () => {
    const links = await tokens();
    const message = async (token: string) => (await api.http.get(`/api/shared/${token}`).expect(404)).body.error;
    expect(await message(links.revokedLink)).toEqual({ code: 'NOT_FOUND', message: expect.stringMatching(/revoked/) });
    expect(await message(links.expiredLink)).toEqual({ code: 'NOT_FOUND', message: expect.stringMatching(/expired/) });
    expect(await message('x'.repeat(43))).toEqual({ code: 'NOT_FOUND', message: expect.stringMatching(/does not exist/) });
    expect(await message('short')).toEqual({ code: 'NOT_FOUND', message: expect.stringMatching(/does not exist/) });
  });

  it('validates the link request: expiry between an hour and 30 days, booleans, no oversized body', async () => {
    for (const body of [{}, { expiresInHours: 0 }, { expiresInHours: 721 }, { expiresInHours: 1.5 }, { expiresInHours: '24' }, { expiresInHours: 24, includeNotes: 'yes' }]) {
      const response = await api.http.post(`/api/interviews/${interviewId}/share-links`).set(auth(cara)).send(body).expect(400);
      expect(response.body.error.code).toBe('VALIDATION_FAILED');
    }
    await api.http.post(`/api/interviews/${interviewId}/share-links`).set(auth(cara)).set('Content-Type', 'application/json').send('{"expiresInHours":').expect(400);
    const huge = { expiresInHours: 24, padding: 'x'.repeat(2 * 1024 * 1024) };
    const response = await api.http.post(`/api/interviews/${interviewId}/share-links`).set(auth(cara)).send(huge);
    expect(response.status).toBe(413);
    expect(response.body.error.code).toBe('PAYLOAD_TOO_LARGE');
    await share(cara, { expiresInHours: 720 });
  });
});
