import { EventEmitter2 } from '@nestjs/event-emitter';
import type { ClockStateEvent, Invitation, InterviewSchedule, NotificationList, NotificationNewEvent } from '@pairboard/contracts';
import { io, Socket } from 'socket.io-client';
import { JobsService } from '../../src/base/jobs';
import { PrismaService } from '../../src/base/prisma';
import { ContentService } from '../../src/core/content';
import { lifecycleJobId } from '../../src/core/scheduling/session-lifecycle';
import { delay, listen, RoomClient, signUp, TestUser } from '../rooms/support/room-clients';
import { acceptInvitations, markEmailVerified } from '../support/accounts';
import { flushRedis, resetDatabase, startTestApp, TestApp } from '../support/test-app';
import { icsField, SmtpInbox } from './support/smtp-inbox';

/**
 * Scheduling and notifications against the real stack: PostgreSQL, Redis (BullMQ), socket.io and
 * a real SMTP server. The lifecycle offsets are shrunk to seconds so reminders fire during the test.
 */
describe('scheduling, reminders and notifications', () => {
  const inbox = new SmtpInbox();
  let api: TestApp;
  let port: number;
  let prisma: PrismaService;
  let jobs: JobsService;
  const sockets: Socket[] = [];
  const rooms: RoomClient[] = [];
  let admin: TestUser;

  beforeAll(async () => {
    await resetDatabase();
    await flushRedis();
    const smtpUrl = await inbox.start();
    api = await startTestApp({
      SMTP_URL: smtpUrl,
      ADMIN_EMAILS: 'ops@example.test',
      SCHEDULE_REMINDER_DAY_SECONDS: '6',
      SCHEDULE_REMINDER_SOON_SECONDS: '2',
      SCHEDULE_ROOM_OPENS_SECONDS: '1',
      SCHEDULE_NO_SHOW_SECONDS: '1',
      SCHEDULE_CLOSE_GRACE_SECONDS: '1',
      JOBS_RECONCILE_INTERVAL_SECONDS: '0',
    });
    await api.app.get(ContentService).seedBuiltIns();
    prisma = api.app.get(PrismaService);
    jobs = api.app.get(JobsService);
    port = await listen(api.app);
    const response = await api.http.post('/api/auth/register').send({ email: 'ops@example.test', password: 'correct horse battery staple', name: 'Ops' }).expect(201);
    admin = { id: response.body.user.id, name: 'Ops', email: 'ops@example.test', token: response.body.accessToken };
    await markEmailVerified(admin.id);
  });
  afterEach(() => {
    for (const socket of sockets.splice(0)) socket.disconnect();
    for (const room of rooms.splice(0)) room.close();
  });
  afterAll(async () => {
    await api.close();
    await inbox.stop();
  });

  const auth = (user: TestUser) => ({ Authorization: `Bearer ${user.token}` });
  // Every sign-up also gets a verification email; these tests are about the others.
  const mailTo = (email: string) => inbox.to(email).filter((mail) => !mail.subject.startsWith('Verify your email'));
  const inSeconds = (seconds: number) => new Date(Date.now() + seconds * 1000).toISOString();

  async function invite(from: TestUser, to: TestUser, scheduledAt: string): Promise<Invitation> {
    const response = await api.http.post('/api/invitations').set(auth(from)).send({ email: to.email, scheduledAt, message: 'Shall we?' }).expect(201);
    return response.body as Invitation;
  }

  async function notifications(user: TestUser): Promise<NotificationList> {
    return (await api.http.get('/api/notifications').set(auth(user)).expect(200)).body as NotificationList;
  }

  function notificationSocket(token: string | undefined): Socket {
    const socket = io(`http://127.0.0.1:${port}/notifications`, { auth: token === undefined ? {} : { token }, transports: ['websocket'], reconnection: false });
    sockets.push(socket);
    return socket;
  }

  async function jobExists(name: Parameters<JobsService['remove']>[0], id: string): Promise<boolean> {
    const queue = jobs.allQueues().find((candidate) => candidate.name === name.split('.')[0]);
    return Boolean(await queue?.getJob(id));
  }

  async function eventually(check: () => Promise<boolean> | boolean, timeoutMs = 10_000): Promise<void> {
    const until = Date.now() + timeoutMs;
    while (!(await check())) {
      if (Date.now() > until) throw new Error('condition not reached in time');
      await delay(100);
    }
  }

  it('invites by email with a calendar request; the invitee accepts and the inviter is told', async () => {
    const [ivan, cara] = await Promise.all([signUp(api, 'Ivan'), signUp(api, 'Cara')]);
    const live = notificationSocket(cara.token);
    await new Promise<void>((resolve, reject) => {
      live.on('connect', () => resolve());
      live.on('connect_error', reject);
    });
    const arrived = new Promise<NotificationNewEvent>((resolve) => live.on('notification:new', resolve));

    const at = new Date(Date.now() + 2 * 24 * 3600_000);
    at.setUTCMilliseconds(0);
    const invitation = await invite(ivan, cara, at.toISOString());
    // Until Cara answers, Ivan is not told whether her address has an account.
    expect(invitation).toMatchObject({ status: 'pending', direction: 'outgoing', awaitingMe: false, invitee: { email: cara.email, userId: null, name: null } });

    const live1 = await arrived;
    expect(live1).toMatchObject({ unreadCount: 1, notification: { kind: 'invitation.received', title: 'Ivan invited you to practise', link: `/interviews/${invitation.interviewId}` } });

    await inbox.waitFor(() => mailTo(cara.email).length === 1);
    const [mail] = mailTo(cara.email);
    expect(mail.subject).toBe('Ivan invited you to practise');
    expect(mail.text).toContain(`/interviews/${invitation.interviewId}`);
    expect(mail.ics).not.toBeNull();
    const ics = mail.ics as string;
    expect(icsField(ics, 'METHOD')).toBe('REQUEST');
    expect(icsField(ics, 'UID')).toBe(`interview-${invitation.interviewId}@pairboard.local`);
    expect(icsField(ics, 'SEQUENCE')).toBe('0');
    expect(icsField(ics, 'DTSTART')).toBe(at.toISOString().replace(/[-:]/g, '').replace('.000', ''));
    expect(mailTo(ivan.email)).toHaveLength(0);

    // The invitee's list shows it as theirs to answer; the inviter cannot answer it.
    const list = (await api.http.get('/api/invitations').set(auth(cara)).expect(200)).body as { items: Invitation[] };
    expect(list.items).toEqual([expect.objectContaining({ id: invitation.id, direction: 'incoming', awaitingMe: true })]);
    await api.http.post(`/api/invitations/${invitation.id}/accept`).set(auth(ivan)).expect(403);
    const stranger = await signUp(api, 'Sam');
    await api.http.post(`/api/invitations/${invitation.id}/accept`).set(auth(stranger)).expect(404);
    await api.http.post('/api/invitations/not-a-uuid/accept').set(auth(cara)).expect(404);

    const accepted = await api.http.post(`/api/invitations/${invitation.id}/accept`).set(auth(cara)).expect(200);
    expect(accepted.body).toMatchObject({ status: 'accepted', awaitingMe: false });
    await api.http.post(`/api/invitations/${invitation.id}/accept`).set(auth(cara)).expect(409);
    expect((await notifications(ivan)).items[0]).toMatchObject({ kind: 'invitation.accepted', title: 'Cara accepted your invitation' });

    // Every lifecycle job of the session is waiting in Redis under its deterministic id.
    const startsAt = at.getTime();
    for (const step of ['reminderDay', 'reminderSoon', 'roomOpen', 'noShowCheck', 'autoClose'] as const) {
      const name = step.startsWith('reminder') ? 'notifications.reminder' : step === 'roomOpen' ? 'rooms.open' : step === 'noShowCheck' ? 'rooms.noShowCheck' : 'rooms.autoClose';
      expect(await jobExists(name, lifecycleJobId(invitation.interviewId, step, startsAt))).toBe(true);
    }
  });

  it("gives every time a person reads in their own zone, named; the calendar file stays in UTC", async () => {
    const [ivan, cara] = await Promise.all([signUp(api, 'Ivan'), signUp(api, 'Cara')]);
    await api.http.patch('/api/auth/me').set(auth(ivan)).send({ timeZone: 'America/New_York' }).expect(200);
    const profile = await api.http.patch('/api/auth/me').set(auth(cara)).send({ timeZone: 'Asia/Tokyo' }).expect(200);
    expect(profile.body).toMatchObject({ name: 'Cara', timeZone: 'Asia/Tokyo' });
    expect((await api.http.patch('/api/auth/me').set(auth(cara)).send({ timeZone: 'Mars/Olympus' })).status).toBe(400);

    const at = new Date(Date.now() + 3 * 24 * 3600_000);
    at.setUTCHours(14, 0, 0, 0);
    const inZone = (zone: string) =>
      new Intl.DateTimeFormat('en-GB', { timeZone: zone, weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false }).format(at);
    const invitation = await invite(ivan, cara, at.toISOString());

    const received = (await notifications(cara)).items[0];
    expect(received.body).toContain(`on ${inZone('Asia/Tokyo')} Asia/Tokyo. Accept, decline or suggest another time.`);
    await inbox.waitFor(() => mailTo(cara.email).length === 1);
    const [mail] = mailTo(cara.email);
    expect(mail.text).toContain(`${inZone('Asia/Tokyo')} Asia/Tokyo`);
    expect(mail.text).not.toContain('UTC');
    expect(icsField(mail.ics as string, 'DTSTART')).toBe(at.toISOString().replace(/[-:]/g, '').replace('.000', ''));

    await api.http.post(`/api/invitations/${invitation.id}/accept`).set(auth(cara)).expect(200);
    const accepted = (await notifications(ivan)).items[0];
    expect(accepted.body).toContain(`is on for ${inZone('America/New_York')} America/New York.`);
  });

  it('refuses malformed, past, oversized and self invitations', async () => {
    const ivan = await signUp(api, 'Ivan');
    const bad = [
      { email: 'not-an-email', scheduledAt: inSeconds(3600) },
      { email: 'x@example.test', scheduledAt: new Date(Date.now() - 60_000).toISOString() },
      { email: 'x@example.test', scheduledAt: 'tomorrow' },
      { email: 'x@example.test', scheduledAt: inSeconds(3600), unexpected: true },
      { email: 'x@example.test', scheduledAt: inSeconds(3600), message: 'x'.repeat(501) },
    ];
    for (const body of bad) {
      const response = await api.http.post('/api/invitations').set(auth(ivan)).send(body).expect(400);
      expect(response.body.error.code).toBe('VALIDATION_FAILED');
    }
    await api.http.post('/api/invitations').set(auth(ivan)).send({ email: ivan.email, scheduledAt: inSeconds(3600) }).expect(400);
    await api.http.post('/api/invitations').set(auth(ivan)).set('Content-Type', 'application/json').send(JSON.stringify({ email: 'x@example.test', scheduledAt: inSeconds(3600), message: 'x'.repeat(200_000) })).expect(413);
    await api.http.post('/api/invitations').send({ email: 'x@example.test', scheduledAt: inSeconds(3600) }).expect(401);
  });

  it('lets the invitee propose another time, which the inviter accepts: the session moves', async () => {
    const [ivan, cara] = await Promise.all([signUp(api, 'Ivan'), signUp(api, 'Cara')]);
    const invitation = await invite(ivan, cara, inSeconds(3 * 24 * 3600));
    const proposed = new Date(Date.now() + 4 * 24 * 3600_000);
    await api.http.post(`/api/invitations/${invitation.id}/propose`).set(auth(ivan)).send({ scheduledAt: proposed.toISOString() }).expect(403);
    const response = await api.http.post(`/api/invitations/${invitation.id}/propose`).set(auth(cara)).send({ scheduledAt: proposed.toISOString(), note: 'Thursday suits me better' }).expect(200);
    expect(response.body).toMatchObject({ status: 'proposed', awaitingMe: false, proposalNote: 'Thursday suits me better' });
    expect((await notifications(ivan)).items[0]).toMatchObject({ kind: 'invitation.proposed', title: 'Cara suggested another time' });
    await api.http.post(`/api/invitations/${invitation.id}/accept`).set(auth(cara)).expect(403);

    await api.http.post(`/api/invitations/${invitation.id}/accept`).set(auth(ivan)).expect(200);
    const schedule = (await api.http.get(`/api/interviews/${invitation.interviewId}/schedule`).set(auth(cara)).expect(200)).body as InterviewSchedule;
    expect(schedule).toMatchObject({ scheduledAt: proposed.toISOString(), sequence: 1, invitation: { status: 'accepted' } });
    await inbox.waitFor(() => mailTo(cara.email).some((mail) => icsField(mail.ics ?? '', 'SEQUENCE') === '1'));
  });

  it('reschedule moves the jobs and updates the calendar; cancel removes them and cancels the event', async () => {
    const [ivan, cara, olga] = await Promise.all([signUp(api, 'Ivan'), signUp(api, 'Cara'), signUp(api, 'Olga')]);
    const first = new Date(Date.now() + 2 * 24 * 3600_000);
    first.setUTCMilliseconds(0);
    const invitation = await invite(ivan, cara, first.toISOString());
    const id = invitation.interviewId;
    await api.http.post(`/api/interviews/${id}/participants`).set(auth(ivan)).send({ email: olga.email, role: 'observer' }).expect(201);
    await acceptInvitations(api.http, id, [olga.token]);
    await api.http.post(`/api/invitations/${invitation.id}/accept`).set(auth(cara)).expect(200);

    const second = new Date(first.getTime() + 3600_000);
    await api.http.post(`/api/interviews/${id}/reschedule`).set(auth(olga)).send({ scheduledAt: second.toISOString() }).expect(403);
    await api.http.post(`/api/interviews/${id}/reschedule`).set(auth(await signUp(api, 'Eve'))).send({ scheduledAt: second.toISOString() }).expect(404);
    await api.http.post(`/api/interviews/${id}/reschedule`).set(auth(cara)).send({ scheduledAt: 'soon' }).expect(400);
    const moved = await api.http.post(`/api/interviews/${id}/reschedule`).set(auth(cara)).send({ scheduledAt: second.toISOString(), reason: 'Clash with a meeting' }).expect(200);
    expect(moved.body).toMatchObject({ scheduledAt: second.toISOString(), sequence: 1, canChange: true });

    expect(await jobExists('notifications.reminder', lifecycleJobId(id, 'reminderSoon', first.getTime()))).toBe(false);
    expect(await jobExists('rooms.noShowCheck', lifecycleJobId(id, 'noShowCheck', first.getTime()))).toBe(false);
    expect(await jobExists('notifications.reminder', lifecycleJobId(id, 'reminderSoon', second.getTime()))).toBe(true);
    expect(await jobExists('rooms.autoClose', lifecycleJobId(id, 'autoClose', second.getTime()))).toBe(true);

    await inbox.waitFor(() => mailTo(ivan.email).some((mail) => icsField(mail.ics ?? '', 'SEQUENCE') === '1'));
    const update = mailTo(ivan.email).find((mail) => icsField(mail.ics ?? '', 'SEQUENCE') === '1');
    expect(update?.subject).toBe('Cara moved "URL shortener"'.replace('URL shortener', invitation.title));
    expect(icsField(update?.ics ?? '', 'METHOD')).toBe('REQUEST');
    expect(icsField(update?.ics ?? '', 'DTSTART')).toBe(second.toISOString().replace(/[-:]/g, '').replace('.000', ''));
    expect(icsField(update?.ics ?? '', 'UID')).toBe(`interview-${id}@pairboard.local`);
    expect(update?.text).toContain('Clash with a meeting');
    expect(mailTo(cara.email).filter((mail) => icsField(mail.ics ?? '', 'SEQUENCE') === '1')).toHaveLength(0);
    expect((await notifications(ivan)).items[0]).toMatchObject({ kind: 'interview.rescheduled' });

    await api.http.post(`/api/interviews/${id}/cancel`).set(auth(ivan)).send({}).expect(400);
    await api.http.post(`/api/interviews/${id}/cancel`).set(auth(olga)).send({ reason: 'no' }).expect(403);
    const cancelled = await api.http.post(`/api/interviews/${id}/cancel`).set(auth(ivan)).send({ reason: 'Unwell today' }).expect(200);
    expect(cancelled.body).toMatchObject({ status: 'cancelled', sequence: 2, canChange: false, cancellation: { byUserId: ivan.id, reason: 'Unwell today', late: false } });
    await api.http.post(`/api/interviews/${id}/cancel`).set(auth(ivan)).send({ reason: 'again' }).expect(409);
    for (const step of ['reminderDay', 'reminderSoon', 'roomOpen', 'noShowCheck', 'autoClose'] as const) {
      const name = step.startsWith('reminder') ? 'notifications.reminder' : step === 'roomOpen' ? 'rooms.open' : step === 'noShowCheck' ? 'rooms.noShowCheck' : 'rooms.autoClose';
      expect(await jobExists(name, lifecycleJobId(id, step, second.getTime()))).toBe(false);
    }
    await inbox.waitFor(() => mailTo(cara.email).some((mail) => icsField(mail.ics ?? '', 'METHOD') === 'CANCEL'));
    const cancel = mailTo(cara.email).find((mail) => icsField(mail.ics ?? '', 'METHOD') === 'CANCEL');
    expect(icsField(cancel?.ics ?? '', 'SEQUENCE')).toBe('2');
    expect(icsField(cancel?.ics ?? '', 'STATUS')).toBe('CANCELLED');
    expect(icsField(cancel?.ics ?? '', 'UID')).toBe(`interview-${id}@pairboard.local`);
    expect((await notifications(cara)).items[0]).toMatchObject({ kind: 'interview.cancelled', body: expect.stringContaining('Unwell today') });
    const row = await prisma.interview.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: 'cancelled', cancelledById: ivan.id, cancelReason: 'Unwell today' });
  });

  it('schedules the lifecycle of an interview created by hand with a time, at once', async () => {
    const [ivan, cara] = await Promise.all([signUp(api, 'Ivan'), signUp(api, 'Cara')]);
    const at = new Date(Date.now() + 2 * 24 * 3600_000);
    at.setUTCMilliseconds(0);
    const created = await api.http
      .post('/api/interviews')
      .set(auth(ivan))
      .send({ myRole: 'interviewer', scheduledAt: at.toISOString(), invite: [{ email: cara.email, role: 'candidate' }] })
      .expect(201);
    const id = created.body.id as string;
    expect(await jobExists('notifications.reminder', lifecycleJobId(id, 'reminderSoon', at.getTime()))).toBe(true);
    expect(await jobExists('rooms.noShowCheck', lifecycleJobId(id, 'noShowCheck', at.getTime()))).toBe(true);

    const unscheduled = await api.http.post('/api/interviews').set(auth(ivan)).send({ myRole: 'interviewer', invite: [] }).expect(201);
    expect(await jobExists('rooms.noShowCheck', lifecycleJobId(unscheduled.body.id as string, 'noShowCheck', at.getTime()))).toBe(false);
  });

  it('sends each reminder once to each person, even after Redis is flushed and reconciled', async () => {
    const [ivan, cara] = await Promise.all([signUp(api, 'Ivan'), signUp(api, 'Cara')]);
    // Day reminder due in ~2 s, the second one in ~6 s (offsets 6 s and 2 s before a start in 8 s).
    const startsAt = new Date(Date.now() + 8000);
    const invitation = await invite(ivan, cara, startsAt.toISOString());
    const reminders = (email: string) => mailTo(email).filter((mail) => mail.subject.startsWith(`"${invitation.title}" starts`));

    await inbox.waitFor(() => reminders(ivan.email).length === 2 && reminders(cara.email).length === 2, 20_000);
    // Redis loses everything (FLUSHDB on the test's own database: the server is shared, so not
    // FLUSHALL); the reconciler rebuilds the jobs from PostgreSQL. The second reminder, already
    // sent, is still due (the session has not started) and must be skipped by its recorded delivery.
    await flushRedis();
    const queue = jobs.allQueues().find((candidate) => candidate.name === 'notifications');
    await queue?.pause(); // hold the rebuilt jobs a moment to see them
    await jobs.reconcile();
    expect(await jobExists('notifications.reminder', lifecycleJobId(invitation.interviewId, 'reminderSoon', startsAt.getTime()))).toBe(true);
    expect(await jobExists('rooms.noShowCheck', lifecycleJobId(invitation.interviewId, 'noShowCheck', startsAt.getTime()))).toBe(true);
    await queue?.resume();

    await delay(Math.max(0, startsAt.getTime() + 1500 - Date.now()));
    await jobs.reconcile();
    await delay(500);
    expect(reminders(ivan.email)).toHaveLength(2);
    expect(reminders(cara.email)).toHaveLength(2);
    const sent = await prisma.notificationDelivery.findMany({ where: { interviewId: invitation.interviewId, kind: { startsWith: 'reminder' } } });
    expect(sent.filter((row) => row.channel === 'email')).toHaveLength(4);
    expect(sent.filter((row) => row.channel === 'in_app')).toHaveLength(4);
    const kinds = (await notifications(cara)).items.map((item) => item.kind);
    expect(kinds.filter((kind) => kind === 'reminder.day')).toHaveLength(1);
    expect(kinds.filter((kind) => kind === 'reminder.soon')).toHaveLength(1);
    expect(kinds).toContain('room.open');
  });

  it('re-sends, once, a calendar email whose job Redis lost before it ran', async () => {
    const [ivan, cara] = await Promise.all([signUp(api, 'Ivan'), signUp(api, 'Cara')]);
    const queue = jobs.allQueues().find((candidate) => candidate.name === 'notifications');
    // Held back so the job is still waiting when Redis loses it (the pause goes with the flush).
    await queue?.pause();
    const invitation = await invite(ivan, cara, inSeconds(2 * 24 * 3600));
    await flushRedis();
    expect(mailTo(cara.email)).toHaveLength(0);

    await jobs.reconcile();
    await inbox.waitFor(() => mailTo(cara.email).length === 1);
    await jobs.reconcile();
    await delay(1000);
    expect(mailTo(cara.email)).toHaveLength(1);
    expect(icsField(mailTo(cara.email)[0].ics ?? '', 'UID')).toBe(`interview-${invitation.interviewId}@pairboard.local`);
  });

  it('records a no-show, tells the person who came and announces it; auto-closes an abandoned session', async () => {
    const [ivan, cara] = await Promise.all([signUp(api, 'Ivan'), signUp(api, 'Cara')]);
    const heard: unknown[] = [];
    const bus = api.app.get(EventEmitter2);
    const onNoShow = (payload: unknown) => heard.push(['no_show', payload]);
    const onEnded = (payload: unknown) => heard.push(['ended', payload]);
    bus.on('interview.no_show', onNoShow);
    bus.on('interview.ended', onEnded);
    try {
      const startsAt = new Date(Date.now() + 2500);
      const invitation = await invite(ivan, cara, startsAt.toISOString());
      const room = new RoomClient(port, ivan.token);
      rooms.push(room);
      await room.connected();
      await room.ok('room:join', { interviewId: invitation.interviewId });

      await eventually(async () => (await prisma.participant.count({ where: { interviewId: invitation.interviewId, noShowAt: { not: null } } })) > 0);
      const participants = await prisma.participant.findMany({ where: { interviewId: invitation.interviewId } });
      expect(participants.find((row) => row.userId === cara.id)?.noShowAt).toEqual(expect.any(Date));
      expect(participants.find((row) => row.userId === ivan.id)?.noShowAt).toBeNull();
      await eventually(() => heard.length > 0);
      expect(heard).toEqual([['no_show', { interviewId: invitation.interviewId, absentUserIds: [cara.id], presentUserIds: [ivan.id] }]]);
      expect((await notifications(ivan)).items[0]).toMatchObject({ kind: 'no_show.partner_absent', title: 'Cara has not joined yet' });
      expect((await notifications(cara)).items[0]).toMatchObject({ kind: 'no_show.recorded' });

      // A session whose planned end is long past is closed and announced as ended.
      heard.length = 0;
      const old = await prisma.interview.create({
        data: { title: 'Forgotten', status: 'live', scheduledAt: new Date(Date.now() - 3 * 3600_000), startedAt: new Date(Date.now() - 3 * 3600_000), createdById: ivan.id, participants: { create: [{ email: ivan.email, userId: ivan.id, role: 'interviewer', joinedAt: new Date() }, { email: cara.email, userId: cara.id, role: 'candidate', joinedAt: new Date() }] } },
      });
      const stillInRoom = new RoomClient(port, ivan.token);
      rooms.push(stillInRoom);
      await stillInRoom.connected();
      await stillInRoom.ok('room:join', { interviewId: old.id });
      await jobs.reconcile();
      await eventually(async () => (await prisma.interview.findUniqueOrThrow({ where: { id: old.id } })).status === 'ended');
      // Whoever is still in the room sees it end, as when an interviewer ends it.
      const closed = await stillInRoom.next<ClockStateEvent>('clock:state', (event) => event.clock.status === 'ended', 10_000);
      expect(closed.change).toMatchObject({ kind: 'ended', byUserId: null });
      await eventually(() => heard.some((entry) => (entry as unknown[])[0] === 'ended'));
      expect(heard).toContainEqual(['ended', { interviewId: old.id, byUserId: null }]);
      const events = await prisma.phaseEvent.findMany({ where: { interviewId: old.id } });
      expect(events.map((event) => event.kind)).toEqual(['ended']);
      // Both sides are asked for feedback, each on their own page.
      await eventually(async () => (await notifications(cara)).items[0]?.kind === 'feedback.requested');
      expect((await notifications(cara)).items[0].link).toBe(`/interviews/${old.id}/feedback`);
      expect((await notifications(ivan)).items[0]).toMatchObject({ kind: 'feedback.requested', link: `/interviews/${old.id}/scorecard` });
    } finally {
      bus.off('interview.no_show', onNoShow);
      bus.off('interview.ended', onEnded);
    }
  });

  it('pages notifications newest first, marks them read, and keeps them to their owner', async () => {
    const [ivan, cara] = await Promise.all([signUp(api, 'Ivan'), signUp(api, 'Cara')]);
    for (let index = 0; index < 3; index++) await invite(ivan, cara, inSeconds(24 * 3600 + index * 3600));
    const first = (await api.http.get('/api/notifications?limit=2').set(auth(cara)).expect(200)).body as NotificationList;
    expect(first.items).toHaveLength(2);
    expect(first.unreadCount).toBe(3);
    expect(first.nextCursor).not.toBeNull();
    const second = (await api.http.get(`/api/notifications?limit=2&cursor=${first.nextCursor}`).set(auth(cara)).expect(200)).body as NotificationList;
    expect(second.items).toHaveLength(1);
    expect(second.nextCursor).toBeNull();
    const all = [...first.items, ...second.items];
    expect(new Set(all.map((item) => item.id)).size).toBe(3);
    expect(all.map((item) => item.createdAt)).toEqual([...all.map((item) => item.createdAt)].sort().reverse());

    await api.http.get('/api/notifications?limit=500').set(auth(cara)).expect(400);
    await api.http.get('/api/notifications?cursor=garbage').set(auth(cara)).expect(400);
    await api.http.post(`/api/notifications/${all[0].id}/read`).set(auth(ivan)).expect(404);
    await api.http.post('/api/notifications/nope/read').set(auth(cara)).expect(404);

    const live = notificationSocket(cara.token);
    await new Promise<void>((resolve) => live.on('connect', () => resolve()));
    const readEvent = new Promise((resolve) => live.on('notifications:read', resolve));
    expect((await api.http.post(`/api/notifications/${all[0].id}/read`).set(auth(cara)).expect(200)).body).toEqual({ unreadCount: 2 });
    expect(await readEvent).toEqual({ ids: [all[0].id], unreadCount: 2 });
    expect((await api.http.post('/api/notifications/read-all').set(auth(cara)).expect(200)).body).toEqual({ unreadCount: 0 });
    expect((await notifications(cara)).unreadCount).toBe(0);
  });

  it('refuses a notifications socket without a valid token', async () => {
    for (const token of [undefined, 'not-a-jwt']) {
      const socket = notificationSocket(token);
      const error = await new Promise<Error>((resolve) => socket.on('connect_error', resolve));
      expect(error.message).toBe('UNAUTHORIZED');
    }
  });

  it('opens the job dashboard and the dead letters to operators only', async () => {
    const ivan = await signUp(api, 'Ivan');
    await api.http.post('/api/admin/session').set(auth(ivan)).expect(403);
    await api.http.get('/api/admin/jobs/failed').set(auth(ivan)).expect(403);
    await api.http.get('/admin/queues').expect(401);

    const session = await api.http.post('/api/admin/session').set(auth(admin)).expect(200);
    const cookie = (session.headers['set-cookie'] as unknown as string[]).find((value) => value.startsWith('pb_admin='));
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect(cookie).toMatch(/Path=\/admin/);
    const dashboard = await api.http.get('/admin/queues').set('Cookie', (cookie as string).split(';')[0]).expect(200);
    expect(dashboard.text).toContain('<html');
    const queues = await api.http.get('/admin/queues/api/queues').set('Cookie', (cookie as string).split(';')[0]).expect(200);
    expect(JSON.stringify(queues.body)).toContain('notifications');

    // A job with a payload no handler accepts fails for good and shows up as a dead letter.
    const queue = jobs.allQueues().find((candidate) => candidate.name === 'notifications');
    await queue?.add('notifications.reminder', { interviewId: 'broken' }, { jobId: 'dead-letter-probe', attempts: 1, removeOnFail: false });
    await eventually(async () => {
      const failed = (await api.http.get('/api/admin/jobs/failed').set(auth(admin)).expect(200)).body as { items: { id: string }[] };
      return failed.items.some((item) => item.id === 'dead-letter-probe');
    });
  });
});
