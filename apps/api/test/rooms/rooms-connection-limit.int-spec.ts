import Redis from 'ioredis';
import { connectionsKey } from '../../src/core/rooms/room-connection-limit';
import { flushRedis, resetDatabase, startTestApp, TestApp } from '../support/test-app';
import { delay, listen, RoomClient, signUp, TestUser } from './support/room-clients';

const LIMIT = 3;

/** Two API instances sharing one Redis: the per-user limit holds across both. */
describe('room connections per user', () => {
  let a: TestApp;
  let b: TestApp;
  let portA: number;
  let portB: number;
  let redis: Redis;
  const clients: RoomClient[] = [];

  beforeAll(async () => {
    await resetDatabase();
    await flushRedis();
    redis = new Redis(process.env.REDIS_URL as string);
    const config = { ROOMS_MAX_CONNECTIONS_PER_USER: String(LIMIT), ROOMS_CONNECTION_LEASE_SECONDS: '3' };
    a = await startTestApp(config);
    b = await startTestApp(config);
    portA = await listen(a.app);
    portB = await listen(b.app);
  });
  afterEach(() => {
    for (const client of clients.splice(0)) client.close();
  });
  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
    redis.disconnect();
  });

  function client(port: number, user: TestUser, connectionId?: string): RoomClient {
    const room = new RoomClient(port, user.token, connectionId === undefined ? {} : { connectionId });
    clients.push(room);
    return room;
  }

  async function connected(port: number, user: TestUser, connectionId?: string): Promise<RoomClient> {
    const room = client(port, user, connectionId);
    await room.connected();
    return room;
  }

  async function refused(port: number, user: TestUser, connectionId?: string): Promise<void> {
    const error = await client(port, user, connectionId).connectError();
    expect(error.message).toBe('TOO_MANY_CONNECTIONS');
    expect(error.data).toEqual({ code: 'TOO_MANY_CONNECTIONS', message: expect.any(String) });
  }

  /** Until the server has seen the disconnects and released the leases. */
  async function leasesOf(user: TestUser, expected: number): Promise<void> {
    for (let i = 0; i < 50 && (await redis.zcard(connectionsKey(user.id))) !== expected; i += 1) await delay(20);
    expect(await redis.zcard(connectionsKey(user.id))).toBe(expected);
  }

  it('refuses the connection over the limit on either instance, and leaves other people alone', async () => {
    const [ivan, cara] = await Promise.all([signUp(a, 'Ivan'), signUp(a, 'Cara')]);
    const held = [await connected(portA, ivan), await connected(portB, ivan), await connected(portA, ivan)];
    await refused(portB, ivan);
    await refused(portA, ivan);

    // The refused attempts took nothing, and the connections already open still work.
    await leasesOf(ivan, LIMIT);
    for (const room of held) expect((await room.request('time:sync', { clientSentAt: Date.now() })).ok).toBe(true);
    // Someone else's connections are counted separately.
    await Promise.all([connected(portA, cara), connected(portB, cara), connected(portB, cara)]);

    // Closing one frees one place, wherever the next connection lands.
    held[1].close();
    await leasesOf(ivan, LIMIT - 1);
    await connected(portA, ivan);
    await refused(portB, ivan);
  });

  it('counts reconnections right: closing everything and coming back admits the full allowance again', async () => {
    const ivan = await signUp(a, 'Ivan');
    for (let round = 0; round < 3; round += 1) {
      const rooms = await Promise.all(Array.from({ length: LIMIT }, (_, i) => connected(i % 2 === 0 ? portA : portB, ivan)));
      await refused(portA, ivan);
      for (const room of rooms) room.close();
      await leasesOf(ivan, 0);
    }
  });

  it('lets a tab that reconnects before its old connection is noticed gone take its own place over', async () => {
    const ivan = await signUp(a, 'Ivan');
    const tabs = ['tab-aaaaaaaa', 'tab-bbbbbbbb', 'tab-cccccccc'];
    const [first] = await Promise.all(tabs.map((tab, i) => connected(i === 1 ? portB : portA, ivan, tab)));
    await refused(portA, ivan, 'tab-dddddddd');

    // The first tab comes back on the other instance while its old connection still looks alive.
    const again = await connected(portB, ivan, tabs[0]);
    await leasesOf(ivan, LIMIT);
    // When the old connection finally goes, the place stays with the new one.
    first.close();
    await delay(200);
    await leasesOf(ivan, LIMIT);
    await refused(portA, ivan, 'tab-dddddddd');
    expect((await again.request('time:sync', { clientSentAt: Date.now() })).ok).toBe(true);

    again.close();
    await leasesOf(ivan, LIMIT - 1);
    await connected(portA, ivan, 'tab-dddddddd');
    // A connection id that does not fit the handshake schema is ignored: that connection counts on its own.
    await refused(portB, ivan, 'no');
  });

  it('stops counting connections whose instance vanished once their lease runs out', async () => {
    const ivan = await signUp(a, 'Ivan');
    // Leases left by an instance that died: nobody renews or releases them.
    const key = connectionsKey(ivan.id);
    const [seconds] = await redis.time();
    const nowMs = Number(seconds) * 1000;
    await redis.zadd(key, nowMs + 1500, 'dead-instance:1', nowMs + 1500, 'dead-instance:2', nowMs + 1500, 'dead-instance:3');
    await refused(portA, ivan);
    await delay(1600);
    await Promise.all(Array.from({ length: LIMIT }, () => connected(portB, ivan)));
    await refused(portA, ivan);
  });

  it('keeps the leases of live connections renewed past the lease period', async () => {
    const ivan = await signUp(a, 'Ivan');
    await Promise.all(Array.from({ length: LIMIT }, (_, i) => connected(i === 0 ? portA : portB, ivan)));
    await delay(4000); // longer than the 3 s lease: only renewal keeps them counted
    await refused(portA, ivan);
    await refused(portB, ivan);
  });
});
