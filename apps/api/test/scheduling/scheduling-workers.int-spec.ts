import type { NotificationNewEvent } from '@pairboard/contracts';
import { io, Socket } from 'socket.io-client';
import { PrismaService } from '../../src/base/prisma';
import { ContentService } from '../../src/core/content';
import { delay, listen, signUp } from '../rooms/support/room-clients';
import { flushRedis, resetDatabase, startTestApp, TestApp } from '../support/test-app';
import { SmtpInbox } from './support/smtp-inbox';
import { startWorker, WorkerProcess } from './support/worker-process';

/**
 * `npm run worker` beside an API that runs no workers (JOBS_WORKER=false): two worker processes
 * share the queues, every reminder is sent once, and notifications created in a worker reach the
 * user's socket on the API through the Redis adapter.
 */
describe('separate worker processes', () => {
  const inbox = new SmtpInbox();
  let api: TestApp;
  let port: number;
  const workers: WorkerProcess[] = [];
  let socket: Socket | undefined;

  beforeAll(async () => {
    await resetDatabase();
    await flushRedis();
    const smtpUrl = await inbox.start();
    const shared = {
      SMTP_URL: smtpUrl,
      SCHEDULE_REMINDER_DAY_SECONDS: '6',
      SCHEDULE_REMINDER_SOON_SECONDS: '2',
      SCHEDULE_ROOM_OPENS_SECONDS: '1',
      SCHEDULE_NO_SHOW_SECONDS: '600',
      JOBS_RECONCILE_INTERVAL_SECONDS: '0',
    };
    api = await startTestApp({ ...shared, JOBS_WORKER: 'false' });
    await api.app.get(ContentService).seedBuiltIns();
    port = await listen(api.app);
    workers.push(...(await Promise.all([startWorker(shared), startWorker(shared)])));
  }, 120_000);
  afterAll(async () => {
    socket?.disconnect();
    await Promise.all(workers.map((worker) => worker.stop()));
    await api?.close();
    await inbox.stop();
  });

  it('sends each reminder once and delivers the in-app one live through the API', async () => {
    const [ivan, cara] = await Promise.all([signUp(api, 'Ivan'), signUp(api, 'Cara')]);
    socket = io(`http://127.0.0.1:${port}/notifications`, { auth: { token: cara.token }, transports: ['websocket'], reconnection: false });
    await new Promise<void>((resolve, reject) => {
      socket?.on('connect', () => resolve());
      socket?.on('connect_error', reject);
    });
    const received: NotificationNewEvent[] = [];
    socket.on('notification:new', (event: NotificationNewEvent) => received.push(event));

    const startsAt = new Date(Date.now() + 8000);
    const response = await api.http
      .post('/api/invitations')
      .set('Authorization', `Bearer ${ivan.token}`)
      .send({ email: cara.email, scheduledAt: startsAt.toISOString() })
      .expect(201);
    const interviewId = response.body.interviewId as string;

    await inbox.waitFor((messages) => messages.filter((mail) => mail.subject.includes('starts')).length === 4, 20_000);
    await delay(Math.max(0, startsAt.getTime() + 1500 - Date.now()));
    const reminders = inbox.messages.filter((mail) => mail.subject.includes('starts'));
    expect(reminders.filter((mail) => mail.to.includes(cara.email))).toHaveLength(2);
    expect(reminders.filter((mail) => mail.to.includes(ivan.email))).toHaveLength(2);
    // The invitation email was sent by a worker too, once.
    expect(inbox.to(cara.email).filter((mail) => mail.subject === 'Ivan invited you to practise')).toHaveLength(1);

    const kinds = received.map((event) => event.notification.kind);
    expect(kinds).toEqual(expect.arrayContaining(['invitation.received', 'reminder.day', 'reminder.soon', 'room.open']));
    expect(kinds.filter((kind) => kind === 'reminder.soon')).toHaveLength(1);
    const deliveries = await api.app.get(PrismaService).notificationDelivery.count({ where: { interviewId, channel: 'email', kind: { startsWith: 'reminder' } } });
    expect(deliveries).toBe(4);
  });
});
