import type { Presence } from '@pairboard/contracts';
import { PrismaService } from '../../src/base/prisma';
import { ContentService } from '../../src/core/content';
import { flushRedis, resetDatabase, startTestApp, TestApp } from '../support/test-app';
import { createInterview, listen, RoomClient, signUp, TestUser } from './support/room-clients';

describe('interview room: unusable text and who may present', () => {
  let api: TestApp;
  let port: number;
  let prisma: PrismaService;
  const clients: RoomClient[] = [];

  beforeAll(async () => {
    await resetDatabase();
    await flushRedis();
    api = await startTestApp();
    await api.app.get(ContentService).seedBuiltIns();
    prisma = api.app.get(PrismaService);
    port = await listen(api.app);
  });
  afterEach(() => {
    for (const client of clients.splice(0)) client.close();
  });
  afterAll(() => api.close());

  async function joined(user: TestUser, interviewId: string): Promise<RoomClient> {
    const room = new RoomClient(port, user.token);
    clients.push(room);
    await room.connected();
    await room.ok('room:join', { interviewId });
    return room;
  }

  async function cast() {
    const [ivan, cara, olga] = await Promise.all([signUp(api, 'Ivan'), signUp(api, 'Cara'), signUp(api, 'Olga')]);
    const interviewId = await createInterview(api, ivan, [
      { user: cara, role: 'candidate' },
      { user: olga, role: 'observer' },
    ]);
    return { ivan, cara, olga, interviewId };
  }

  it('refuses chat and notes holding NUL or a lone surrogate with a VALIDATION_FAILED acknowledgement; nothing is lost', async () => {
    const { ivan, cara, interviewId } = await cast();
    const interviewer = await joined(ivan, interviewId);
    const candidate = await joined(cara, interviewId);
    await candidate.ok('chat:send', { text: 'before' });

    for (const text of ['nul \u0000 here', 'lone \ud83d surrogate', 'low \ude00 half']) {
      const chat = await candidate.request('chat:send', { text });
      expect(chat).toEqual({ ok: false, error: { code: 'VALIDATION_FAILED', message: expect.any(String), details: [{ path: 'text', message: expect.stringContaining('cannot be stored') }] } });
      const note = await interviewer.request('note:create', { text });
      expect(note).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    }
    // The socket stays usable and well-formed text, emoji included, goes through.
    await candidate.ok('chat:send', { text: 'after 😀\nsecond line' });
    await interviewer.ok('note:create', { text: 'a note\twith a tab' });
    const messages = await prisma.chatMessage.findMany({ where: { interviewId }, orderBy: { sentAt: 'asc' }, select: { body: true } });
    expect(messages.map((message) => message.body)).toEqual(['before', 'after 😀\nsecond line']);
    expect(await prisma.note.count({ where: { interviewId } })).toBe(1);
  });

  it('lets interviewers and candidates present, and refuses observers with FORBIDDEN', async () => {
    const { ivan, cara, olga, interviewId } = await cast();
    const observer = await joined(olga, interviewId);
    const refused = await observer.request('present:start', {});
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const candidate = await joined(cara, interviewId);
    await candidate.ok('present:start', {});
    const interviewer = await joined(ivan, interviewId);
    await interviewer.ok('present:start', {});
  });
  it('shows two participants of the same name apart in presence', async () => {
    const [sam, samToo] = await Promise.all([signUp(api, 'Sam'), signUp(api, 'sam')]);
    const interviewId = await createInterview(api, sam, [{ user: samToo, role: 'candidate' }]);
    const interviewer = await joined(sam, interviewId);
    const candidate = await joined(samToo, interviewId);
    const presence = await interviewer.next<Presence>('presence', (entry) => entry.participants.length === 2);
    expect(Object.fromEntries(presence.participants.map((entry) => [entry.userId, entry.name]))).toEqual({
      [sam.id]: 'Sam (interviewer)',
      [samToo.id]: 'sam (candidate)',
    });
    const seenByCandidate = await candidate.next<Presence>('presence', (entry) => entry.participants.length === 2);
    expect(seenByCandidate.participants.map((entry) => entry.name).sort()).toEqual(['Sam (interviewer)', 'sam (candidate)']);
  });
});
