import type { AddressInfo } from 'node:net';
import { syncStep2Message } from '@pairboard/board-protocol';
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import { resetDatabase, startTestApp, TestApp } from '../support/test-app';
import { createInterview, ProviderClient, RawClient, registerUser, replayStored, storedRows, waitFor } from './support/board-clients';
import { excalidrawElement } from './support/board-fixtures';

/** Large enough (about 470 KB of Yjs state, over 256 KB) that a loaded room is served from the stored bytes. */
const ELEMENTS = 1200;

describe('first join of a large board nobody has open', () => {
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

  function raw(interviewId: string, token: string): RawClient {
    const client = RawClient.forInterview(port, interviewId, token);
    clients.push({ destroy: () => client.close() });
    return client;
  }

  async function roomsLoaded(): Promise<number> {
    const text = await fetch(`${baseUrl}/metrics`).then((response) => response.text());
    return Number(/^board_rooms_live (\d+)/m.exec(text)?.[1] ?? NaN);
  }

  it('sends step 1 and the stored board at once, the exact step 1 once built; stores and relays an edit sent while the room loads, and loses nothing', async () => {
    const alice = await registerUser(baseUrl, 'Alice');
    const bob = await registerUser(baseUrl, 'Bob');
    const interviewId = await createInterview(baseUrl, alice, [{ user: bob, role: 'candidate' }]);

    const drawn = new Y.Doc();
    drawn.transact(() => {
      for (let i = 0; i < ELEMENTS; i++) drawn.getMap('elements').set(`big-${i}`, excalidrawElement(`big-${i}`, 1, i));
    });
    const state = Y.encodeStateAsUpdate(drawn);
    expect(state.length).toBeGreaterThan(256 * 1024);
    const author = raw(interviewId, alice.token);
    await author.opened;
    author.send(syncStep2Message(state));
    await waitFor(() => author.lastStored() === 1, 20_000, 'the board to be stored');
    author.close();
    await author.closed;
    // The room unloads once its last connection left (its checkpoint comes seconds later).
    let loaded = 1;
    const deadline = Date.now() + 10_000;
    while (loaded !== 0 && Date.now() < deadline) {
      loaded = await roomsLoaded();
      if (loaded !== 0) await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(loaded).toBe(0);

    // Bob's edit is on the wire before the room has even loaded: it waits for authorisation, then
    // reaches a room that is still building its document.
    const editor = raw(interviewId, bob.token);
    await editor.opened;
    editor.handshake();
    editor.setElement('bobs-edit', excalidrawElement('bobs-edit', 1, 7));
    // The watcher comes once Bob is in, so that Bob's join is the one that loads the room.
    await waitFor(() => editor.received.length > 0, 20_000, 'Bob to be let in');
    const watcher = new ProviderClient(port, interviewId, alice.token);
    clients.push(watcher);

    await waitFor(() => editor.lastStored() === 1, 20_000, "Bob's edit to be stored");
    await waitFor(() => watcher.elements.has('bobs-edit') && watcher.elements.size === ELEMENTS + 1, 20_000, 'the watcher to have everything');

    // Bob got step 1 and the whole stored board, and the room's exact step 1 once its document was built.
    const fromServer = new Y.Doc();
    const step1s = (): Map<number, number>[] =>
      editor.received.flatMap((message) => {
        const decoder = decoding.createDecoder(message);
        if (decoding.readVarUint(decoder) !== 0 || decoding.readVarUint(decoder) !== 0) return [];
        return [Y.decodeStateVector(decoding.readVarUint8Array(decoder))];
      });
    await waitFor(() => step1s().length === 2, 10_000, "the room's exact step 1");
    for (const message of editor.received) {
      const decoder = decoding.createDecoder(message);
      if (decoding.readVarUint(decoder) === 0 && decoding.readVarUint(decoder) !== 0) Y.applyUpdate(fromServer, decoding.readVarUint8Array(decoder));
    }
    expect(fromServer.getMap('elements').size).toBe(ELEMENTS);
    // Step 1 first, as the protocol has it, with clocks read from the stored bytes; then the exact
    // one, once the document was built.
    const kinds = editor.received.filter((message) => message[0] === 0).map((message) => message[1]);
    expect(kinds.slice(0, 2)).toEqual([0, 1]);
    const [early, exact] = step1s();
    expect(early.get(drawn.clientID)).toBe(ELEMENTS);
    expect(exact.get(drawn.clientID)).toBe(ELEMENTS);

    // Stored once each, with the clocks each reaches, and a replay of the log is what the watcher sees.
    const rows = await storedRows(interviewId);
    expect(rows).toHaveLength(2);
    expect(Y.decodeStateVector(rows[0].end_clocks as Buffer)).toEqual(new Map([[drawn.clientID, ELEMENTS]]));
    expect([...Y.decodeStateVector(rows[1].end_clocks as Buffer).values()]).toEqual([1]);
    expect((await replayStored(interviewId)).getMap('elements').toJSON()).toEqual(watcher.elements.toJSON());
  }, 60_000);
});
