import { isDeepStrictEqual } from 'node:util';
import * as Y from 'yjs';
import { resetDatabase } from '../support/test-app';
import { createInterview, ProviderClient, RawClient, registerUser, replayStored, storedRows, waitFor } from './support/board-clients';
import { excalidrawElement } from './support/board-fixtures';
import { ChildServer, startChildServer } from './support/child-server';

/** Servers here run in child processes so they can be killed with SIGKILL mid-write. */
describe('board durability across a killed server', () => {
  const servers: ChildServer[] = [];
  const clients: { destroy(): void }[] = [];

  async function start(): Promise<ChildServer> {
    const server = await startChildServer({ BOARD_UPDATES_PER_SECOND: '100000', BOARD_UPDATE_BURST: '100000' });
    servers.push(server);
    return server;
  }

  async function setUp(server: ChildServer) {
    const baseUrl = `http://127.0.0.1:${server.port}`;
    const alice = await registerUser(baseUrl, 'Alice');
    const interviewId = await createInterview(baseUrl, alice);
    return { alice, interviewId };
  }

  async function freshClient(server: ChildServer, interviewId: string, token: string): Promise<ProviderClient> {
    const client = new ProviderClient(server.port, interviewId, token);
    clients.push(client);
    await client.synced(20_000);
    return client;
  }

  beforeAll(() => resetDatabase());
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    await Promise.all(servers.splice(0).map((server) => server.kill('SIGKILL')));
  });

  it('keeps every acknowledged update when the server is killed with SIGKILL', async () => {
    const first = await start();
    const { alice, interviewId } = await setUp(first);
    const writer = RawClient.forInterview(first.port, interviewId, alice.token);
    clients.push({ destroy: () => writer.close() });
    await writer.opened;
    await waitFor(() => writer.received.length >= 2, 10_000, 'the handshake');
    const total = 300;
    for (let i = 0; i < total; i++) writer.setElement(`k-${i}`, excalidrawElement(`k-${i}`, 1, i));
    await waitFor(() => writer.lastStored() === total, 20_000, 'every update to be acknowledged');

    await first.kill('SIGKILL');
    const second = await start();
    const reader = await freshClient(second, interviewId, alice.token);
    expect(reader.elements.size).toBe(total);
    for (let i = 0; i < total; i++) expect(reader.elements.has(`k-${i}`)).toBe(true);
  }, 90_000);

  it('after a kill during heavy writes, the log replays to what clients get, with every acknowledged update and no duplicate', async () => {
    const first = await start();
    const { alice, interviewId } = await setUp(first);
    const writers = [0, 1, 2, 3].map(() => RawClient.forInterview(first.port, interviewId, alice.token));
    await Promise.all(writers.map((writer) => writer.opened));
    await waitFor(() => writers.every((writer) => writer.received.length >= 2), 10_000, 'the handshakes');
    const sent = writers.map(() => 0);
    let writing = true;
    const loops = writers.map(async (writer, w) => {
      while (writing) {
        writer.setElement(`w${w}-${sent[w]}`, excalidrawElement(`w${w}-${sent[w]}`, 1, sent[w]));
        sent[w]++;
        await new Promise((resolve) => setImmediate(resolve));
      }
    });
    await waitFor(() => writers.every((writer) => writer.lastStored() > 50), 20_000, 'writes to be flowing');
    await new Promise((resolve) => setTimeout(resolve, 150));
    await first.kill('SIGKILL');
    writing = false;
    await Promise.all(loops);
    const acknowledged = writers.map((writer) => writer.lastStored());
    writers.forEach((writer) => writer.ws.terminate());

    const second = await start();
    const reader = await freshClient(second, interviewId, alice.token);
    const rows = await storedRows(interviewId);
    const replayed = await replayStored(interviewId);
    expect(isDeepStrictEqual(reader.elements.toJSON(), replayed.getMap('elements').toJSON())).toBe(true);
    acknowledged.forEach((count, w) => {
      for (let i = 0; i < count; i++) expect(reader.elements.has(`w${w}-${i}`)).toBe(true);
    });
    expect(new Set(rows.map((row) => row.data.toString('base64'))).size).toBe(rows.length);
    expect(rows.length).toBeGreaterThanOrEqual(acknowledged.reduce((sum, count) => sum + count, 0));
    expect(rows.length).toBeLessThanOrEqual(sent.reduce((sum, count) => sum + count, 0));
  }, 90_000);

  it('on SIGTERM stores everything it accepted and acknowledges it before closing with 1001', async () => {
    const server = await start();
    const { alice, interviewId } = await setUp(server);
    const writer = RawClient.forInterview(server.port, interviewId, alice.token);
    await writer.opened;
    await waitFor(() => writer.received.length >= 2, 10_000, 'the handshake');
    let sent = 0;
    let writing = true;
    const loop = (async () => {
      while (writing && writer.ws.readyState === writer.ws.OPEN) {
        writer.setElement(`t-${sent}`, excalidrawElement(`t-${sent}`, 1, sent));
        sent++;
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    await waitFor(() => writer.lastStored() > 100, 20_000, 'writes to be flowing');
    const exited = server.kill('SIGTERM');
    const closed = await writer.closed;
    writing = false;
    await loop;
    await exited;
    expect(closed.code).toBe(1001);
    const rows = await storedRows(interviewId);
    expect(writer.lastStored()).toBe(rows.length);
    const doc = new Y.Doc();
    for (const row of rows) Y.applyUpdate(doc, new Uint8Array(row.data));
    expect(doc.getMap('elements').size).toBe(rows.length);
  }, 90_000);
});
