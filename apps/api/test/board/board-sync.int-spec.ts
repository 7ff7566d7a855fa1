import type { AddressInfo } from 'node:net';
import { isDeepStrictEqual } from 'node:util';
import { syncStep2Message } from '@pairboard/board-protocol';
import { BOARD_CLOSE } from '@pairboard/contracts';
import * as Y from 'yjs';
import { resetDatabase, startTestApp, TestApp } from '../support/test-app';
import {
  createInterview,
  ProviderClient,
  RawClient,
  registerUser,
  replayStored,
  storedRows,
  TestUser,
  waitFor,
} from './support/board-clients';
import { excalidrawElement } from './support/board-fixtures';

/** Deterministic pseudo-random numbers, so a failure can be replayed. */
function random(seed: number): () => number {
  return () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
}

describe('board sync over /yjs', () => {
  let api: TestApp;
  let port: number;
  let baseUrl: string;
  const clients: { destroy(): void }[] = [];

  beforeAll(async () => {
    await resetDatabase();
    api = await startTestApp();
    await api.app.listen(0, '127.0.0.1');
    port = (api.app.getHttpServer().address() as AddressInfo).port;
    baseUrl = `http://127.0.0.1:${port}`;
  });
  afterEach(() => {
    for (const client of clients.splice(0)) client.destroy();
  });
  afterAll(() => api.close());

  function provider(interviewId: string, user: TestUser): ProviderClient {
    const client = new ProviderClient(port, interviewId, user.token);
    clients.push(client);
    return client;
  }

  function raw(interviewId: string, token?: string): RawClient {
    const client = RawClient.forInterview(port, interviewId, token);
    clients.push({ destroy: () => client.close() });
    return client;
  }

  async function pair() {
    const alice = await registerUser(baseUrl, 'Alice');
    const bob = await registerUser(baseUrl, 'Bob');
    const interviewId = await createInterview(baseUrl, alice, [{ user: bob, role: 'candidate' }]);
    return { alice, bob, interviewId };
  }

  it('two stock WebsocketProvider clients converge after 500 random edits, every edit stored and acknowledged', async () => {
    const { alice, bob, interviewId } = await pair();
    const a = provider(interviewId, alice);
    const b = provider(interviewId, bob);
    await Promise.all([a.synced(), b.synced()]);

    const sent = new Map<ProviderClient, number>([
      [a, 0],
      [b, 0],
    ]);
    for (const client of [a, b]) {
      client.doc.on('update', (_update: Uint8Array, origin: unknown) => {
        if (origin !== client.provider) sent.set(client, (sent.get(client) ?? 0) + 1);
      });
    }
    const next = random(42);
    for (let i = 0; i < 500; i++) {
      const client = next() < 0.5 ? a : b;
      const id = `el-${Math.floor(next() * 60)}`;
      if (next() < 0.15) client.elements.delete(id);
      else client.elements.set(id, excalidrawElement(id, i + 1, i));
      if (i % 20 === 0) await new Promise((resolve) => setTimeout(resolve, 2));
    }

    await waitFor(
      () => a.stored === sent.get(a) && b.stored === sent.get(b) && isDeepStrictEqual(a.elements.toJSON(), b.elements.toJSON()),
      20_000,
      'both clients to converge with every update acknowledged',
    );
    expect(a.elements.size).toBeGreaterThan(0);
    const rows = await storedRows(interviewId);
    expect(rows).toHaveLength((sent.get(a) ?? 0) + (sent.get(b) ?? 0));
    expect(new Set(rows.map((row) => row.author_id))).toEqual(new Set([alice.id, bob.id]));
    expect((await replayStored(interviewId)).getMap('elements').toJSON()).toEqual(a.elements.toJSON());
    // Later joiners get the same board.
    const late = provider(interviewId, alice);
    await late.synced();
    expect(late.elements.toJSON()).toEqual(a.elements.toJSON());
  }, 60_000);

  it('refuses after the upgrade with 4401 and 4404 (a foreign interview as a missing one), sending nothing first', async () => {
    const { alice, interviewId } = await pair();
    const outsider = await registerUser(baseUrl, 'Eve');
    const cases: [RawClient, number][] = [
      [raw(interviewId), BOARD_CLOSE.unauthorized],
      [raw(interviewId, 'not.a.token'), BOARD_CLOSE.unauthorized],
      [raw('6a4ee5bd-9c43-4b4b-9e0b-8cf4c1bb0c0e', alice.token), BOARD_CLOSE.notFound],
      [raw('not-a-uuid', alice.token), BOARD_CLOSE.notFound],
      [raw(interviewId, outsider.token), BOARD_CLOSE.notFound],
    ];
    for (const [client, code] of cases) {
      await client.opened;
      client.handshake();
      expect((await client.closed).code).toBe(code);
      expect(client.received).toEqual([]);
    }
  });

  it('accepts the token as a Sec-WebSocket-Protocol value and leaves other upgrade paths alone', async () => {
    const { alice, interviewId } = await pair();
    const client = new RawClient(port, `/yjs/${interviewId}`, ['pairboard', alice.token]);
    clients.push({ destroy: () => client.close() });
    await client.opened;
    expect(client.ws.protocol).toBe('pairboard');
    await waitFor(() => client.received.length >= 2, 5000, 'the handshake');
    expect([...client.received[0].subarray(0, 2)]).toEqual([0, 0]);
    expect([...client.received[1].subarray(0, 2)]).toEqual([0, 1]);

    // Another path's upgrade is not ours to answer (socket.io has its own listener).
    const elsewhere = new RawClient(port, '/not-yjs/whatever');
    const opened = await Promise.race([elsewhere.opened.then(() => true, () => true), new Promise((resolve) => setTimeout(() => resolve(false), 300))]);
    expect(opened).toBe(false);
    elsewhere.ws.terminate();
  });

  it("refuses an observer's document update with 4403 and never stores it; its awareness is fine", async () => {
    const alice = await registerUser(baseUrl, 'Alice');
    const olga = await registerUser(baseUrl, 'Olga');
    const interviewId = await createInterview(baseUrl, alice, [{ user: olga, role: 'observer' }]);
    const a = provider(interviewId, alice);
    const o = provider(interviewId, olga);
    await Promise.all([a.synced(), o.synced()]);
    a.elements.set('by-alice', excalidrawElement('by-alice'));
    await waitFor(() => o.elements.has('by-alice'), 5000, 'the observer to see the edit');

    o.provider.awareness.setLocalStateField('user', { name: 'Olga', color: '#0a0' });
    await waitFor(() => [...a.provider.awareness.getStates().values()].some((state) => state.user?.name === 'Olga'), 5000, 'awareness');

    o.elements.set('by-olga', excalidrawElement('by-olga'));
    await waitFor(() => o.closeCodes.includes(BOARD_CLOSE.forbidden), 5000, 'the observer to be closed');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(a.elements.has('by-olga')).toBe(false);
    const rows = await storedRows(interviewId);
    expect(rows).toHaveLength(1);
    expect(rows[0].author_id).toBe(alice.id);
  });

  it('closes a malformed frame with 4400 and an oversized one with 4413 while the others keep syncing; a 5,000-element first sync fits', async () => {
    const { alice, bob, interviewId } = await pair();
    const a = provider(interviewId, alice);
    const b = provider(interviewId, bob);
    await Promise.all([a.synced(), b.synced()]);

    const malformed = raw(interviewId, bob.token);
    await malformed.opened;
    malformed.send(Uint8Array.of(0, 2, 200, 1, 2, 3));
    expect((await malformed.closed).code).toBe(BOARD_CLOSE.malformed);

    const oversized = raw(interviewId, bob.token);
    await oversized.opened;
    await waitFor(() => oversized.received.length >= 2, 5000, 'the handshake');
    oversized.send(new Uint8Array(9 * 1024 * 1024));
    expect((await oversized.closed).code).toBe(BOARD_CLOSE.tooLarge);

    a.elements.set('after', excalidrawElement('after'));
    await waitFor(() => b.elements.has('after'), 5000, 'the others to keep syncing');
    expect(a.closeCodes).toEqual([]);
    expect(b.closeCodes).toEqual([]);

    // A client that drew 5,000 elements offline sends them all as its handshake reply.
    const big = new Y.Doc();
    big.transact(() => {
      for (let i = 0; i < 5000; i++) big.getMap('elements').set(`big-${i}`, excalidrawElement(`big-${i}`, 1, i));
    });
    const state = Y.encodeStateAsUpdate(big);
    expect(state.length).toBeGreaterThan(1_900_000);
    const bulk = raw(interviewId, alice.token);
    await bulk.opened;
    bulk.send(syncStep2Message(state));
    await waitFor(() => bulk.lastStored() === 1, 20_000, 'the big board to be stored');
    await waitFor(() => b.elements.size === 5001, 20_000, 'the big board to reach the others');
  }, 60_000);

  it('acknowledges stored updates with [4, n], not counting the empty handshake reply', async () => {
    const { alice, interviewId } = await pair();
    const client = raw(interviewId, alice.token);
    await client.opened;
    client.handshake();
    client.send(syncStep2Message(Y.encodeStateAsUpdate(new Y.Doc())));
    for (let i = 0; i < 3; i++) client.setElement(`e${i}`, excalidrawElement(`e${i}`));
    await waitFor(() => client.lastStored() === 3, 5000, 'three updates to be acknowledged');
    const acks = client.received.filter((message) => message[0] === 4).map((message) => message[1]);
    expect(acks).toEqual([...acks].sort());
    expect(acks.at(-1)).toBe(3);
    expect(await storedRows(interviewId)).toHaveLength(3);
  });

  it('closes the newest connection beyond the per-user limit with 4409', async () => {
    const { alice, interviewId } = await pair();
    const tabs = [1, 2, 3, 4].map(() => raw(interviewId, alice.token));
    await Promise.all(tabs.map((tab) => tab.opened));
    await waitFor(() => tabs.every((tab) => tab.received.length >= 2), 5000, 'four connections');
    const fifth = raw(interviewId, alice.token);
    expect((await fifth.closed).code).toBe(BOARD_CLOSE.tooManyConnections);
    expect(tabs.every((tab) => tab.ws.readyState === tab.ws.OPEN)).toBe(true);
  });

  it('exposes board metrics', async () => {
    const { alice, interviewId } = await pair();
    const client = raw(interviewId, alice.token);
    await client.opened;
    client.setElement('m', excalidrawElement('m'));
    await waitFor(() => client.lastStored() === 1, 5000, 'the update to be stored');
    const metrics = await fetch(`${baseUrl}/metrics`).then((response) => response.text());
    for (const name of [
      'board_rooms_live',
      'board_connections',
      'board_updates_stored_total',
      'board_write_batch_size_bucket',
      'board_write_duration_seconds_bucket',
      'board_connection_closes_total',
    ]) {
      expect(metrics).toContain(name);
    }
  });
});
