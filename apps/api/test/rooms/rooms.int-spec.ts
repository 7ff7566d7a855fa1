import { EventEmitter2 } from '@nestjs/event-emitter';
import type { ClockStateEvent, Presence, RoomState } from '@pairboard/contracts';
import { CHAT_MESSAGE_MAX_LENGTH, ROOM_MAX_PACKET_BYTES } from '@pairboard/contracts';
import { estimateClockOffset, MINUTE_MS, phaseRemainingMs, TimeSyncSample } from '@pairboard/interview-domain';
import { PrismaService } from '../../src/base/prisma';
import { ContentService } from '../../src/core/content';
import { DomainEvent, DomainEventPayloads } from '../../src/core/events';
import { flushRedis, resetDatabase, startTestApp, TestApp } from '../support/test-app';
import { createInterview, delay, listen, RoomClient, signUp, TestUser } from './support/room-clients';

describe('interview room over socket.io /rooms', () => {
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

  function client(user?: TestUser | string): RoomClient {
    const connection = new RoomClient(port, typeof user === 'string' ? user : user?.token);
    clients.push(connection);
    return connection;
  }

  async function joined(user: TestUser, interviewId: string): Promise<{ room: RoomClient; state: RoomState }> {
    const room = client(user);
    await room.connected();
    const state = await room.ok('room:join', { interviewId });
    return { room, state };
  }

  async function cast() {
    const [ivan, cara, olga, eve] = await Promise.all([signUp(api, 'Ivan'), signUp(api, 'Cara'), signUp(api, 'Olga'), signUp(api, 'Eve')]);
    const interviewId = await createInterview(api, ivan, [
      { user: cara, role: 'candidate' },
      { user: olga, role: 'observer' },
    ]);
    return { ivan, cara, olga, eve, interviewId };
  }

  it('refuses a handshake without a valid token with UNAUTHORIZED', async () => {
    const { ivan } = await cast();
    for (const token of [undefined, '', 'not-a-jwt', `${ivan.token.slice(0, -4)}AAAA`]) {
      const error = await client(token).connectError();
      expect(error.message).toBe('UNAUTHORIZED');
      expect(error.data).toEqual({ code: 'UNAUTHORIZED', message: expect.any(String) });
    }
  });

  it('answers NOT_FOUND to non-participants, unknown and malformed interview ids', async () => {
    const { eve, interviewId } = await cast();
    const room = client(eve);
    await room.connected();
    for (const id of [interviewId, '00000000-0000-4000-8000-000000000000', 'nope']) {
      expect(await room.request('room:join', { interviewId: id })).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'No such interview.' } });
    }
    expect(await room.request('chat:send', { text: 'hello?' })).toMatchObject({ ok: false, error: { code: 'NOT_IN_ROOM' } });
  });

  it('lets only interviewers drive the clock, records each change and broadcasts the whole clock', async () => {
    const { ivan, cara, olga, interviewId } = await cast();
    const interviewer = await joined(ivan, interviewId);
    const candidate = await joined(cara, interviewId);
    const observer = await joined(olga, interviewId);
    expect(candidate.state.clock).toMatchObject({ status: 'scheduled', phaseIndex: 0, version: 0 });

    for (const who of [candidate.room, observer.room]) {
      for (const command of [{ action: 'start' }, { action: 'next' }, { action: 'extend', minutes: 5 }, { action: 'end' }]) {
        expect(await who.request('clock:command', command)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      }
    }

    const { clock } = await interviewer.room.ok('clock:command', { action: 'start' });
    expect(clock).toMatchObject({ status: 'live', phaseIndex: 0, version: 1, startedAt: expect.any(Number) });
    const seen = await candidate.room.next<ClockStateEvent>('clock:state', (event) => event.clock.version === 1);
    expect(seen).toMatchObject({ clock, change: { kind: 'started', byUserId: ivan.id, phaseIndex: 0 } });

    await interviewer.room.ok('clock:command', { action: 'next', clockVersion: 1 });
    await interviewer.room.ok('clock:command', { action: 'extend', minutes: 2 });
    await interviewer.room.ok('clock:command', { action: 'pause' });
    expect(await interviewer.room.request('clock:command', { action: 'pause' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: 'The clock is already paused.' },
    });
    await interviewer.room.ok('clock:command', { action: 'resume' });
    await interviewer.room.ok('clock:command', { action: 'previous' });
    const ended = await interviewer.room.ok('clock:command', { action: 'end' });
    expect(ended.clock).toMatchObject({ status: 'ended', phaseIndex: 0, endedAt: expect.any(Number), version: 7 });
    await observer.room.next<ClockStateEvent>('clock:state', (event) => event.clock.version === 7);

    const events = await prisma.phaseEvent.findMany({ where: { interviewId }, orderBy: { clockVersion: 'asc' } });
    expect(events.map((event) => [event.kind, event.phaseIndex, event.clockVersion])).toEqual([
      ['started', 0, 1],
      ['advanced', 1, 2],
      ['extended', 1, 3],
      ['paused', 1, 4],
      ['resumed', 1, 5],
      ['went_back', 0, 6],
      ['ended', 0, 7],
    ]);
    expect(events[2].payload).toEqual({ extendedMs: 2 * MINUTE_MS });
    const row = await prisma.interview.findUniqueOrThrow({ where: { id: interviewId } });
    expect(row).toMatchObject({ status: 'ended', startedAt: expect.any(Date), endedAt: expect.any(Date), clockVersion: 7 });
  });

  it('applies one of two simultaneous clicks on the same clock version', async () => {
    const { ivan, cara, interviewId } = await cast();
    const ines = await signUp(api, 'Ines');
    await api.http.post(`/api/interviews/${interviewId}/participants`).set('Authorization', `Bearer ${ivan.token}`).send({ email: ines.email, role: 'interviewer' }).expect(201);
    await api.http.post(`/api/interviews/${interviewId}/accept`).set('Authorization', `Bearer ${ines.token}`).expect(200);
    const first = await joined(ivan, interviewId);
    const second = await joined(ines, interviewId);
    const candidate = await joined(cara, interviewId);
    await first.room.ok('clock:command', { action: 'start' });

    const answers = await Promise.all([
      first.room.request('clock:command', { action: 'next', clockVersion: 1 }),
      second.room.request('clock:command', { action: 'next', clockVersion: 1 }),
    ]);
    expect(answers.filter((answer) => answer.ok)).toHaveLength(1);
    expect(answers.find((answer) => !answer.ok)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });

    // Without a version, both land, one after the other: nothing is lost or applied twice.
    await Promise.all([first.room.ok('clock:command', { action: 'extend', minutes: 2 }), second.room.ok('clock:command', { action: 'extend', minutes: 5 })]);
    const row = await prisma.interview.findUniqueOrThrow({ where: { id: interviewId } });
    expect(row).toMatchObject({ phaseIndex: 1, extensionMs: 7 * MINUTE_MS, clockVersion: 4 });
    expect(await prisma.phaseEvent.count({ where: { interviewId } })).toBe(4);
    await candidate.room.next<ClockStateEvent>('clock:state', (event) => event.clock.version === 4);
  });

  it('records each participant’s first entry once and announces it', async () => {
    const { ivan, cara, interviewId } = await cast();
    const announced: DomainEventPayloads['interview.participant_joined'][] = [];
    const bus = api.app.get(EventEmitter2);
    const listener = (payload: DomainEventPayloads['interview.participant_joined']) => announced.push(payload);
    bus.on(DomainEvent.participantJoined, listener);
    try {
      await joined(ivan, interviewId);
      const first = await prisma.participant.findFirstOrThrow({ where: { interviewId, userId: ivan.id } });
      expect(first.joinedAt).toBeInstanceOf(Date);
      await joined(ivan, interviewId);
      const again = await prisma.participant.findFirstOrThrow({ where: { interviewId, userId: ivan.id } });
      expect(again.joinedAt).toEqual(first.joinedAt);
      expect(announced).toEqual([{ interviewId, userId: ivan.id }]);
      const absent = await prisma.participant.findFirstOrThrow({ where: { interviewId, userId: cara.id } });
      expect(absent.joinedAt).toBeNull();

      // Each connection is a stay in the room, closed when it goes: the replay's joins and leaves.
      const stays = await prisma.roomVisit.findMany({ where: { interviewId, userId: ivan.id } });
      expect(stays).toHaveLength(2);
      expect(stays.every((stay) => stay.leftAt === null)).toBe(true);
      for (const connection of clients.splice(0)) connection.close();
      const until = Date.now() + 5_000;
      while ((await prisma.roomVisit.count({ where: { interviewId, leftAt: null } })) > 0) {
        if (Date.now() > until) throw new Error('stays not closed after disconnect');
        await delay(50);
      }
    } finally {
      bus.off(DomainEvent.participantJoined, listener);
    }
  });

  it('announces the end of an interview once, with who ended it', async () => {
    const { ivan, interviewId } = await cast();
    const ended: DomainEventPayloads['interview.ended'][] = [];
    const bus = api.app.get(EventEmitter2);
    const listener = (payload: DomainEventPayloads['interview.ended']) => ended.push(payload);
    bus.on(DomainEvent.interviewEnded, listener);
    try {
      const { room } = await joined(ivan, interviewId);
      await room.ok('clock:command', { action: 'start' });
      await room.ok('clock:command', { action: 'end' });
      expect(await room.request('clock:command', { action: 'end' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
      expect(ended).toEqual([{ interviewId, byUserId: ivan.id }]);
    } finally {
      bus.off(DomainEvent.interviewEnded, listener);
    }
  });

  it('gives a late joiner the current phase and the same remaining time as everyone else', async () => {
    const { ivan, cara, interviewId } = await cast();
    const interviewer = await joined(ivan, interviewId);
    await interviewer.room.ok('clock:command', { action: 'start' });
    await interviewer.room.ok('clock:command', { action: 'next' });
    // The current phase started 90 s ago (as if the candidate arrived late).
    const phaseStartedAt = Date.now() - 90_000;
    await prisma.interview.update({ where: { id: interviewId }, data: { phaseStartedAt: new Date(phaseStartedAt) } });
    await delay(200);

    const late = client(cara);
    await late.connected();
    const samples: TimeSyncSample[] = [];
    for (let i = 0; i < 5; i++) {
      const clientSentAt = Date.now();
      const reply = await late.ok('time:sync', { clientSentAt });
      expect(reply.clientSentAt).toBe(clientSentAt);
      samples.push({ clientSentAt, serverTime: reply.serverTime, clientReceivedAt: Date.now() });
    }
    const offset = estimateClockOffset(samples);
    expect(offset).not.toBeNull();
    expect(Math.abs(offset?.offsetMs ?? Infinity)).toBeLessThan(250);

    const state = await late.ok('room:join', { interviewId });
    expect(state.clock).toMatchObject({ status: 'live', phaseIndex: 1 });
    const phases = state.script?.phases ?? [];
    expect(phases.length).toBeGreaterThan(2);
    const now = Date.now();
    const remaining = phaseRemainingMs(phases, state.clock, now + (offset?.offsetMs ?? 0)) ?? NaN;
    expect(Math.abs(remaining - (phases[1].minutes * MINUTE_MS - (now - phaseStartedAt)))).toBeLessThan(250);
    expect(state.me).toEqual({ userId: cara.id, name: 'Cara', role: 'candidate' });
  });

  it('shows candidates the prompt and what each phase expects, never the interviewer panel', async () => {
    const { ivan, cara, olga, interviewId } = await cast();
    const interviewer = await joined(ivan, interviewId);
    const candidate = await joined(cara, interviewId);
    const observer = await joined(olga, interviewId);

    const panel = interviewer.state.interviewer;
    expect(panel?.question?.hints.length).toBeGreaterThan(5);
    expect(panel?.question?.probes.length).toBeGreaterThan(3);
    expect(panel?.phaseGuides[0].interviewerListensFor.length).toBeGreaterThan(1);
    expect(interviewer.state.question).toMatchObject({ title: expect.any(String), prompt: expect.any(String) });

    for (const state of [candidate.state, observer.state]) {
      expect(state.interviewer).toBeUndefined();
      expect(state.question).toEqual(interviewer.state.question);
      expect(state.script?.phases[0]).toMatchObject({ goal: expect.any(String), candidateProduces: expect.any(Array) });
      expect(state.script?.phases[0]).not.toHaveProperty('interviewerListensFor');
      const text = JSON.stringify(state);
      for (const hint of panel?.question?.hints ?? []) expect(text).not.toContain(hint.text);
      for (const probe of panel?.question?.probes ?? []) expect(text).not.toContain(probe.text);
      for (const signal of Object.values(panel?.question?.signals ?? {}).flat()) expect(text).not.toContain(signal);
      for (const listen of panel?.phaseGuides.flatMap((guide) => guide.interviewerListensFor) ?? []) expect(text).not.toContain(listen);
    }
  });

  it('sends a revealed hint to the candidate, once, and keeps it for later joiners', async () => {
    const { ivan, cara, olga, interviewId } = await cast();
    const interviewer = await joined(ivan, interviewId);
    const candidate = await joined(cara, interviewId);
    const hint = interviewer.state.interviewer?.question?.hints[2];
    if (!hint) throw new Error('the question has hints');

    expect(await candidate.room.request('hint:reveal', { hintIndex: 2 })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await interviewer.room.request('hint:reveal', { hintIndex: 63 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const revealed = await interviewer.room.ok('hint:reveal', { hintIndex: 2 });
    expect(revealed.hint).toMatchObject({ hintIndex: 2, text: hint.text, phase: hint.phase, revealedBy: ivan.id, phaseIndex: null });
    const seen = await candidate.room.next<{ hint: { text: string } }>('hint:revealed');
    expect(seen.hint.text).toBe(hint.text);

    await interviewer.room.ok('hint:reveal', { hintIndex: 2 });
    await delay(200);
    expect(candidate.room.count('hint:revealed')).toBe(1);

    const observer = await joined(olga, interviewId);
    expect(observer.state.revealedHints).toEqual([revealed.hint]);
    const again = await joined(ivan, interviewId);
    expect(again.state.interviewer?.question?.hints[2]).toMatchObject({ revealed: true });
  });

  it('never lets notes reach a candidate or observer, by socket or by REST', async () => {
    const { ivan, cara, olga, eve, interviewId } = await cast();
    const interviewer = await joined(ivan, interviewId);
    const candidate = await joined(cara, interviewId);
    const observer = await joined(olga, interviewId);
    const secret = 'Secret note: candidate skipped the read/write ratio';

    expect(await candidate.room.request('note:create', { text: 'mine?' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await interviewer.room.ok('clock:command', { action: 'start' });
    await delay(50);
    const { note } = await interviewer.room.ok('note:create', { text: secret });
    expect(note).toMatchObject({ authorId: ivan.id, authorName: 'Ivan', text: secret, phaseIndex: 0, sessionMs: expect.any(Number) });
    expect(note.sessionMs).toBeGreaterThanOrEqual(50);
    await interviewer.room.next('note:saved', (event: { note: { id: string } }) => event.note.id === note.id);
    const edited = await interviewer.room.ok('note:update', { noteId: note.id, text: `${secret} (edited)` });
    expect(edited.note.text).toBe(`${secret} (edited)`);
    expect(await candidate.room.request('note:update', { noteId: note.id, text: 'x' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    const rest = await api.http.get(`/api/interviews/${interviewId}/notes`).set('Authorization', `Bearer ${ivan.token}`).expect(200);
    expect(rest.body.items.map((item: { text: string }) => item.text)).toEqual([`${secret} (edited)`]);
    expect((await api.http.get(`/api/interviews/${interviewId}/notes`).set('Authorization', `Bearer ${cara.token}`)).status).toBe(403);
    expect((await api.http.get(`/api/interviews/${interviewId}/notes`).set('Authorization', `Bearer ${olga.token}`)).status).toBe(403);
    expect((await api.http.get(`/api/interviews/${interviewId}/notes`).set('Authorization', `Bearer ${eve.token}`)).status).toBe(404);
    const interview = await api.http.get(`/api/interviews/${interviewId}`).set('Authorization', `Bearer ${cara.token}`).expect(200);
    expect(JSON.stringify(interview.body)).not.toContain('Secret note');

    const rejoined = await joined(cara, interviewId);
    await interviewer.room.ok('note:delete', { noteId: note.id });
    await interviewer.room.next('note:deleted');
    await interviewer.room.ok('chat:send', { text: 'a message everyone sees' });
    await candidate.room.next('chat:message');
    await observer.room.next('chat:message');
    for (const other of [candidate.room, observer.room, rejoined.room]) {
      const everything = JSON.stringify(other.received);
      expect(everything).not.toContain('Secret note');
      expect(other.count('note:saved') + other.count('note:deleted')).toBe(0);
    }
    expect(JSON.stringify(rejoined.state)).not.toContain('Secret note');
  });

  it('refuses malformed and oversized events with an error acknowledgement; the sender and the room carry on', async () => {
    const { ivan, cara, interviewId } = await cast();
    const interviewer = await joined(ivan, interviewId);
    const candidate = await joined(cara, interviewId);

    // Malformed events count against the sender's allowance too, so few of these are chat.
    const cases: [string, unknown[], string][] = [
      ['chat:send', [{ text: 'x'.repeat(CHAT_MESSAGE_MAX_LENGTH + 1) }], 'VALIDATION_FAILED'],
      ['chat:send', [{ text: 'x'.repeat(20_000) }], 'PAYLOAD_TOO_LARGE'],
      ['requirement:add', [{ kind: 'functional', text: 42 }], 'VALIDATION_FAILED'],
      ['requirement:add', [{ kind: 'functional', text: '   ' }], 'VALIDATION_FAILED'],
      ['requirement:add', [{ kind: 'functional', text: 'hi', extra: true }], 'VALIDATION_FAILED'],
      ['requirement:add', ['just a string'], 'VALIDATION_FAILED'],
      ['requirement:add', [{ kind: 'functional', text: 'a' }, { kind: 'functional', text: 'b' }], 'VALIDATION_FAILED'],
      ['requirement:add', [{ kind: 'functional', text: 'x'.repeat(5000) }], 'PAYLOAD_TOO_LARGE'],
      ['clock:command', [{ action: 'explode' }], 'VALIDATION_FAILED'],
      ['clock:command', [{ action: 'extend', minutes: 60 }], 'VALIDATION_FAILED'],
      ['viewport:update', [{ scrollX: 'left', scrollY: 0, zoom: 1 }], 'VALIDATION_FAILED'],
      ['room:join', [null], 'VALIDATION_FAILED'],
      ['no:such-event', [{}], 'VALIDATION_FAILED'],
    ];
    for (const [event, args, code] of cases) {
      const ack = await candidate.room.requestRaw(event, args);
      expect({ event, ack }).toMatchObject({ event, ack: { ok: false, error: { code, message: expect.any(String) } } });
    }
    // Without an acknowledgement callback the refusal arrives as an event.
    candidate.room.emitRaw('chat:send', { text: 7 });
    await candidate.room.next('room:error', (event: { event: string; error: { code: string } }) => event.event === 'chat:send' && event.error.code === 'VALIDATION_FAILED');

    expect(candidate.room.socket.connected).toBe(true);
    const { message } = await candidate.room.ok('chat:send', { text: 'still here' });
    await interviewer.room.next('chat:message', (event: { message: { id: string } }) => event.message.id === message.id);

    // Over the transport's packet limit only the sender's connection is dropped.
    const disconnected = new Promise<string>((resolve) => candidate.room.socket.once('disconnect', resolve));
    candidate.room.emitRaw('chat:send', { text: 'x'.repeat(ROOM_MAX_PACKET_BYTES + 1) });
    expect(await disconnected).toEqual(expect.any(String));
    expect(interviewer.room.socket.connected).toBe(true);
    const left = await interviewer.room.next<Presence>('presence', (presence) => !presence.participants.some((entry) => entry.userId === cara.id));
    expect(left.participants.map((entry) => entry.userId)).toEqual([ivan.id]);
    await interviewer.room.ok('chat:send', { text: 'the room goes on' });
  });

  it('rate-limits a chat flood per socket and stores chat as the text sent', async () => {
    const { ivan, cara, interviewId } = await cast();
    const interviewer = await joined(ivan, interviewId);
    const candidate = await joined(cara, interviewId);

    const answers = await Promise.all(Array.from({ length: 12 }, (_, i) => candidate.room.request('chat:send', { text: `<b>message ${i}</b>` })));
    const accepted = answers.filter((answer) => answer.ok);
    const refused = answers.filter((answer) => !answer.ok);
    expect(accepted).toHaveLength(5);
    expect(refused).toHaveLength(7);
    expect(refused[0]).toMatchObject({ ok: false, error: { code: 'TOO_MANY_REQUESTS', details: { retryAfterMs: expect.any(Number) } } });
    // Another socket has its own allowance.
    await interviewer.room.ok('chat:send', { text: 'unaffected' });

    await delay(300);
    expect(interviewer.room.count('chat:message')).toBe(6);
    const rows = await prisma.chatMessage.findMany({ where: { interviewId, authorId: cara.id } });
    expect(rows).toHaveLength(5);
    expect(rows.every((row) => /^<b>message \d+<\/b>$/.test(row.body))).toBe(true);

    const metrics = await api.http.get('/metrics').expect(200);
    expect(metrics.text).toMatch(/^rooms_events_rejected_total\{event="chat:send",reason="TOO_MANY_REQUESTS"\} [1-9]/m);
    expect(metrics.text).toMatch(/^rooms_events_total\{event="chat:send"\} [1-9]/m);
    expect(metrics.text).toMatch(/^rooms_connections [1-9]/m);

    const later = await joined(ivan, interviewId);
    expect(later.state.chat).toHaveLength(6);
    expect(later.state.chat[0]).toMatchObject({ authorId: cara.id, authorName: 'Cara', text: expect.stringMatching(/^<b>message/) });
  });

  it('shares the candidate’s requirements checklist with the room', async () => {
    const { ivan, cara, interviewId } = await cast();
    const interviewer = await joined(ivan, interviewId);
    const candidate = await joined(cara, interviewId);

    const { item } = await candidate.room.ok('requirement:add', { kind: 'functional', text: 'Users can shorten a URL' });
    await candidate.room.ok('requirement:add', { kind: 'nonFunctional', text: 'Redirects under 100 ms' });
    await candidate.room.ok('requirement:update', { itemId: item.id, checked: true });
    const state = await interviewer.room.next<{ items: { text: string; checked: boolean; kind: string }[] }>('requirements:state', (event) => event.items.some((entry) => entry.checked));
    expect(state.items.map(({ kind, text, checked }) => ({ kind, text, checked }))).toEqual([
      { kind: 'functional', text: 'Users can shorten a URL', checked: true },
      { kind: 'nonFunctional', text: 'Redirects under 100 ms', checked: false },
    ]);
    expect(await interviewer.room.request('requirement:add', { kind: 'functional', text: 'mine' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await candidate.room.request('requirement:update', { itemId: 'nope', text: 'x' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await candidate.room.request('requirement:update', { itemId: item.id })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    await candidate.room.ok('requirement:remove', { itemId: item.id });
    const later = await joined(ivan, interviewId);
    expect(later.state.requirements.map((entry) => entry.text)).toEqual(['Redirects under 100 ms']);
  });

  it('tracks presence and relays the presenter’s viewport to followers only', async () => {
    const { ivan, cara, olga, interviewId } = await cast();
    const interviewer = await joined(ivan, interviewId);
    const candidate = await joined(cara, interviewId);
    const observer = await joined(olga, interviewId);
    await interviewer.room.next<Presence>('presence', (presence) => presence.participants.length === 3);
    expect(observer.state.presence.participants.map((entry) => [entry.role, entry.connections])).toEqual([
      ['interviewer', 1],
      ['candidate', 1],
      ['observer', 1],
    ]);

    await candidate.room.ok('time:sync', { clientSentAt: Date.now(), rttMs: 900 });
    await interviewer.room.next<Presence>('presence', (presence) => presence.participants.some((entry) => entry.userId === cara.id && entry.quality === 'poor'));

    await interviewer.room.ok('present:start', {});
    await observer.room.next<Presence>('presence', (presence) => presence.presenterId === ivan.id);
    await candidate.room.ok('follow:start', { userId: ivan.id });
    expect(await candidate.room.request('follow:start', { userId: cara.id })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    interviewer.room.socket.emit('viewport:update', { scrollX: 120, scrollY: -40, zoom: 1.5 });
    expect(await candidate.room.next('viewport')).toEqual({ userId: ivan.id, scrollX: 120, scrollY: -40, zoom: 1.5 });

    await candidate.room.ok('present:start', {});
    await interviewer.room.next<Presence>('presence', (presence) => presence.presenterId === cara.id);
    await candidate.room.ok('follow:stop', {});
    interviewer.room.socket.emit('viewport:update', { scrollX: 1, scrollY: 1, zoom: 1 });
    await delay(200);
    expect(candidate.room.count('viewport')).toBe(1);
    expect(observer.room.count('viewport')).toBe(0);

    candidate.room.close();
    const after = await interviewer.room.next<Presence>('presence', (presence) => presence.participants.length === 2);
    expect(after.presenterId).toBeNull();
  });
});
