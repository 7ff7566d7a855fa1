import type { ClockStateEvent, Presence } from '@pairboard/contracts';
import { STANDARD_45 } from '@pairboard/interview-content';
import { Queue } from 'bullmq';
import Redis from 'ioredis';
import { JobsService } from '../../src/base/jobs';
import { Prisma, PrismaService } from '../../src/base/prisma';
import { ContentService } from '../../src/core/content';
import { RoomClockService } from '../../src/core/rooms';
import { flushRedis, resetDatabase, startTestApp, TestApp } from '../support/test-app';
import { createInterview, delay, listen, RoomClient, signUp, TestUser } from './support/room-clients';

const JOB_CONTEXT = { jobId: 'test', attemptsMade: 0, delayUntil: () => Promise.reject(new Error('not expected to be early')) };

/** Two API instances on one PostgreSQL database and one Redis, as behind a load balancer. */
describe('interview room across two API instances', () => {
  let a: TestApp;
  let b: TestApp;
  let portA: number;
  let portB: number;
  let prisma: PrismaService;
  let redis: Redis;
  let queueConnection: Redis;
  let jobs: Queue;
  const clients: RoomClient[] = [];

  beforeAll(async () => {
    await resetDatabase();
    await flushRedis();
    redis = new Redis(process.env.REDIS_URL as string);
    a = await startTestApp();
    b = await startTestApp();
    await a.app.get(ContentService).seedBuiltIns();
    prisma = a.app.get(PrismaService);
    portA = await listen(a.app);
    portB = await listen(b.app);
    queueConnection = redis.duplicate();
    jobs = new Queue('rooms', { connection: queueConnection, prefix: 'pairboard' });
  });
  afterEach(() => {
    for (const client of clients.splice(0)) client.close();
  });
  afterAll(async () => {
    await jobs.close();
    await Promise.all([a?.close(), b?.close()]);
    queueConnection.disconnect();
    redis.disconnect();
  });

  async function joined(port: number, user: TestUser, interviewId: string): Promise<RoomClient> {
    const room = new RoomClient(port, user.token);
    clients.push(room);
    await room.connected();
    await room.ok('room:join', { interviewId });
    return room;
  }

  /** A script whose phases last a minute each and advance by themselves. */
  async function autoAdvancingScript(): Promise<string> {
    const phases = STANDARD_45.phases.slice(0, 3).map((phase) => ({ ...phase, minutes: 1 }));
    const script = await prisma.frameworkScript.create({
      data: {
        slug: `auto-${Date.now()}`,
        version: 1,
        name: 'Three quick phases',
        description: 'Each phase lasts a minute and the room moves on by itself.',
        autoAdvance: true,
        phases: phases as unknown as Prisma.InputJsonValue,
      },
    });
    return script.id;
  }

  it('relays events between clients connected to different instances', async () => {
    const [ivan, cara] = await Promise.all([signUp(a, 'Ivan'), signUp(a, 'Cara')]);
    const interviewId = await createInterview(a, ivan, [{ user: cara, role: 'candidate' }]);
    const interviewer = await joined(portA, ivan, interviewId);
    const candidate = await joined(portB, cara, interviewId);

    // Presence spans both instances.
    await interviewer.next<Presence>('presence', (presence) => presence.participants.length === 2);

    const { message } = await interviewer.ok('chat:send', { text: 'hello from instance A' });
    await candidate.next('chat:message', (event: { message: { id: string } }) => event.message.id === message.id);
    await candidate.ok('chat:send', { text: 'and back from B' });
    await interviewer.next('chat:message', (event: { message: { text: string } }) => event.message.text === 'and back from B');

    await interviewer.ok('clock:command', { action: 'start' });
    await candidate.next<ClockStateEvent>('clock:state', (event) => event.clock.status === 'live');

    await interviewer.ok('note:create', { text: 'private, instance A' });
    await candidate.ok('present:start', {});
    await interviewer.ok('follow:start', { userId: cara.id });
    await interviewer.next<Presence>('presence', (presence) => presence.presenterId === cara.id);
    candidate.socket.emit('viewport:update', { scrollX: 5, scrollY: 6, zoom: 2 });
    expect(await interviewer.next('viewport')).toEqual({ userId: cara.id, scrollX: 5, scrollY: 6, zoom: 2 });
    await delay(200);
    expect(JSON.stringify(candidate.received)).not.toContain('private, instance A');
  });

  it('auto-advances once with two instances running workers, even after Redis lost its jobs', async () => {
    const [ivan, cara] = await Promise.all([signUp(a, 'Ivan'), signUp(a, 'Cara')]);
    const scriptId = await autoAdvancingScript();
    const interviewId = await createInterview(a, ivan, [{ user: cara, role: 'candidate' }], { questionId: 'url-shortener', scriptId });
    const interviewer = await joined(portA, ivan, interviewId);
    const candidate = await joined(portB, cara, interviewId);

    const { clock } = await interviewer.ok('clock:command', { action: 'start' });
    const firstJob = await jobs.getJob(`rooms.autoAdvance_${interviewId}_0_${clock.version}`);
    expect(firstJob).toBeDefined();
    expect(Math.abs((firstJob?.timestamp ?? 0) + (firstJob?.delay ?? 0) - ((clock.phaseStartedAt ?? 0) + 60_000))).toBeLessThan(1000);

    // The phase ran out a second ago, and Redis was flushed: the job is gone. Both instances
    // reconcile from PostgreSQL at once and schedule the same job id, due now.
    await prisma.interview.update({ where: { id: interviewId }, data: { phaseStartedAt: new Date(Date.now() - 61_000) } });
    await redis.flushdb();
    await Promise.all([a.app.get(JobsService).reconcile(), b.app.get(JobsService).reconcile()]);

    const advanced = await candidate.next<ClockStateEvent>('clock:state', (event) => event.change?.kind === 'auto_advanced', 10_000);
    expect(advanced.clock).toMatchObject({ phaseIndex: 1, version: clock.version + 1 });
    expect(advanced.change).toMatchObject({ byUserId: null, payload: { fromPhaseIndex: 0 } });
    await interviewer.next<ClockStateEvent>('clock:state', (event) => event.change?.kind === 'auto_advanced');
    await delay(1000);
    expect(await prisma.phaseEvent.count({ where: { interviewId, kind: 'auto_advanced' } })).toBe(1);
    expect(candidate.received.filter((entry) => entry.event === 'clock:state' && JSON.stringify(entry.payload).includes('auto_advanced'))).toHaveLength(1);
    // The next phase's job is waiting.
    expect(await jobs.getJob(`rooms.autoAdvance_${interviewId}_1_${clock.version + 1}`)).toBeDefined();

    // The same job running again, here or on the other instance, finds the clock moved on.
    const stale = { interviewId, phaseIndex: 0, clockVersion: clock.version };
    expect(await a.app.get(RoomClockService).autoAdvance(stale, JOB_CONTEXT)).toBeNull();

    // Two workers running the current job at the same instant: one advances.
    await prisma.interview.update({ where: { id: interviewId }, data: { phaseStartedAt: new Date(Date.now() - 61_000) } });
    const current = { interviewId, phaseIndex: 1, clockVersion: clock.version + 1 };
    const results = await Promise.all([a, b, a, b].map((app) => app.app.get(RoomClockService).autoAdvance(current, JOB_CONTEXT)));
    expect(results.filter((result) => result !== null)).toHaveLength(1);
    const row = await prisma.interview.findUniqueOrThrow({ where: { id: interviewId } });
    expect(row).toMatchObject({ phaseIndex: 2, clockVersion: clock.version + 2 });
    expect(await prisma.phaseEvent.count({ where: { interviewId, kind: 'auto_advanced' } })).toBe(2);
  });

  it('reschedules auto-advance when the clock is paused, resumed or extended', async () => {
    const [ivan, cara] = await Promise.all([signUp(a, 'Ivan'), signUp(a, 'Cara')]);
    const scriptId = await autoAdvancingScript();
    const interviewId = await createInterview(a, ivan, [{ user: cara, role: 'candidate' }], { scriptId });
    const interviewer = await joined(portA, ivan, interviewId);

    const started = await interviewer.ok('clock:command', { action: 'start' });
    const paused = await interviewer.ok('clock:command', { action: 'pause' });
    expect(await jobs.getJob(`rooms.autoAdvance_${interviewId}_0_${started.clock.version}`)).toBeUndefined();
    const resumed = await interviewer.ok('clock:command', { action: 'resume' });
    const extended = await interviewer.ok('clock:command', { action: 'extend', minutes: 2 });
    expect(paused.clock.version).toBeLessThan(resumed.clock.version);
    expect(await jobs.getJob(`rooms.autoAdvance_${interviewId}_0_${resumed.clock.version}`)).toBeUndefined();
    const job = await jobs.getJob(`rooms.autoAdvance_${interviewId}_0_${extended.clock.version}`);
    const dueAt = (extended.clock.phaseStartedAt ?? 0) + extended.clock.pausedMs + 3 * 60_000;
    expect(Math.abs((job?.timestamp ?? 0) + (job?.delay ?? 0) - dueAt)).toBeLessThan(1000);

    // A job that runs before its time (another instance's clock is ahead) waits instead of advancing.
    const delayedUntil: number[] = [];
    const early = { ...JOB_CONTEXT, delayUntil: (timestamp: number) => (delayedUntil.push(timestamp), Promise.reject(new Error('delayed'))) };
    const current = { interviewId, phaseIndex: 0, clockVersion: extended.clock.version };
    await expect(b.app.get(RoomClockService).autoAdvance(current, early)).rejects.toThrow('delayed');
    expect(delayedUntil).toEqual([dueAt]);
    expect(await prisma.interview.findUniqueOrThrow({ where: { id: interviewId } })).toMatchObject({ phaseIndex: 0, clockVersion: extended.clock.version });
  });

  it('closes every connection it opened when an instance shuts down', async () => {
    // Counted in this process only: other programs may use the same Redis server meanwhile.
    const before = openSockets();
    const c = await startTestApp();
    expect(openSockets()).toBeGreaterThan(before);
    await c.close();
    await delay(300);
    expect(openSockets()).toBeLessThanOrEqual(before);
  });
});

function openSockets(): number {
  return process.getActiveResourcesInfo().filter((resource) => resource === 'TCPSocketWrap').length;
}
