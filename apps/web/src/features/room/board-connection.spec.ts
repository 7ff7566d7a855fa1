import { updateHasContent } from '@pairboard/board-protocol';
import { waitFor } from '@testing-library/react';
import * as Y from 'yjs';
import { FakeBoardServer } from '../../test-support/fake-board-server';
import { BoardConnection, boardServerUrl, type TokenSource } from './board-connection';
import { describeSync, unsavedChanges } from './connection-state';

function tokens(initial = 'token-1', renewed: Array<string | null> = ['token-2']): TokenSource & { refreshes: number } {
  let current: string | null = initial;
  const listeners = new Set<(token: string | null) => void>();
  return {
    refreshes: 0,
    get accessToken() {
      return current;
    },
    async refresh() {
      this.refreshes += 1;
      current = renewed.shift() ?? null;
      for (const listener of listeners) listener(current);
      return current;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

function open(server: FakeBoardServer, session: TokenSource = tokens()) {
  const doc = new Y.Doc();
  const connection = new BoardConnection({
    interviewId: 'i1',
    doc,
    session,
    serverUrl: 'ws://board.test/yjs',
    WebSocketPolyfill: server.WebSocket,
  });
  const draw = (id: string) => doc.getMap('elements').set(id, { id, version: 1 });
  return { doc, connection, draw, state: () => connection.getState() };
}

describe('BoardConnection', () => {
  it('connects with the token, syncs and reports every local change saved once acknowledged', async () => {
    const server = new FakeBoardServer();
    server.doc.getMap('elements').set('existing', { id: 'existing', version: 3 });
    server.autoAcknowledge = false;
    const { doc, connection, draw, state } = open(server);

    await waitFor(() => expect(state().phase).toBe('live'));
    expect(server.last.url).toBe('ws://board.test/yjs/i1?token=token-1');
    expect(doc.getMap('elements').get('existing')).toEqual({ id: 'existing', version: 3 });
    expect(describeSync(state())).toMatchObject({ label: 'Live', saving: null });

    draw('a');
    draw('b');
    expect(unsavedChanges(state())).toBe(2);
    expect(describeSync(state()).saving).toBe('Saving…');

    server.last.acknowledge();
    await waitFor(() => expect(unsavedChanges(state())).toBe(0));
    expect(describeSync(state()).saving).toBe('Saved');
    expect(server.doc.getMap('elements').size).toBe(3);
    connection.destroy();
  });

  it('counts changes made offline and saves them with the handshake of the next connection', async () => {
    const server = new FakeBoardServer();
    const { connection, draw, state } = open(server);
    await waitFor(() => expect(state().phase).toBe('live'));
    draw('before');
    await waitFor(() => expect(describeSync(state()).saving).toBe('Saved'));

    server.autoAcknowledge = false;
    server.last.serverClose(1006);
    expect(state().phase).toBe('offline');
    draw('offline-1');
    draw('offline-2');
    expect(describeSync(state())).toMatchObject({ label: 'Offline', saving: '2 unsaved changes' });

    await waitFor(() => expect(state().phase).toBe('live'));
    expect(unsavedChanges(state())).toBe(2);
    expect(server.doc.getMap('elements').has('offline-2')).toBe(true);
    server.last.acknowledge();
    await waitFor(() => expect(unsavedChanges(state())).toBe(0));
    connection.destroy();
  });

  it('knows everything is saved when the reconnect handshake has nothing to send', async () => {
    const server = new FakeBoardServer();
    server.autoAcknowledge = false;
    const { connection, draw, state } = open(server);
    await waitFor(() => expect(state().phase).toBe('live'));
    draw('a');
    // Stored on the server, but the connection drops before the acknowledgement arrives.
    server.last.serverClose(1006);
    expect(unsavedChanges(state())).toBe(1);

    await waitFor(() => expect(state().phase).toBe('live'));
    expect(unsavedChanges(state())).toBe(0);
    connection.destroy();
  });

  it('renews a refused token once and reconnects with the new one', async () => {
    const server = new FakeBoardServer();
    server.refuseWith = (socket) => (socket.token === 'token-1' ? 4401 : null);
    const session = tokens('token-1', ['token-2']);
    const { connection, state } = open(server, session);

    await waitFor(() => expect(state().phase).toBe('live'));
    expect(session.refreshes).toBe(1);
    expect(server.sockets.map((socket) => socket.token)).toEqual(['token-1', 'token-2']);
    connection.destroy();
  });

  it('asks to sign in again when the renewed token is refused too', async () => {
    const server = new FakeBoardServer();
    server.refuseWith = () => 4401;
    const session = tokens('token-1', ['token-2']);
    const { connection, state } = open(server, session);

    await waitFor(() => expect(state().stop).toBe('signIn'));
    expect(state().phase).toBe('stopped');
    expect(session.refreshes).toBe(1);
    expect(server.sockets).toHaveLength(2);
    connection.destroy();
  });

  it('asks to sign in again when the session cannot be renewed', async () => {
    const server = new FakeBoardServer();
    server.refuseWith = () => 4401;
    const { connection, state } = open(server, tokens('token-1', [null]));
    await waitFor(() => expect(state().stop).toBe('signIn'));
    expect(server.sockets).toHaveLength(1);
    connection.destroy();
  });

  it('stops for good on 4403 and 4404', async () => {
    for (const [code, reason] of [
      [4403, 'forbidden'],
      [4404, 'notFound'],
    ] as const) {
      const server = new FakeBoardServer();
      server.refuseWith = () => code;
      const { connection, state } = open(server);
      await waitFor(() => expect(state().stop).toBe(reason));
      expect(connection.provider.shouldConnect).toBe(false);
      await new Promise((resolve) => setTimeout(resolve, 400));
      expect(server.sockets).toHaveLength(1);
      connection.destroy();
    }
  });

  it('waits for the person to reconnect after 4413 or 4429', async () => {
    const server = new FakeBoardServer();
    let refusals = 1;
    server.refuseWith = () => (refusals-- > 0 ? 4429 : null);
    const { connection, state } = open(server);
    await waitFor(() => expect(state().stop).toBe('rateLimited'));
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(server.sockets).toHaveLength(1);

    connection.reconnect();
    await waitFor(() => expect(state().phase).toBe('live'));
    expect(state().stop).toBeNull();
    connection.destroy();
  });

  it('goes offline as soon as the browser says the network is gone', async () => {
    const server = new FakeBoardServer();
    const { connection, state } = open(server);
    await waitFor(() => expect(state().phase).toBe('live'));

    window.dispatchEvent(new Event('offline'));
    expect(state().phase).toBe('offline');
    await waitFor(() => expect(state().phase).toBe('live'));
    expect(server.sockets).toHaveLength(2);
    connection.destroy();
  });

  it('uses the newest token on every reconnect', async () => {
    const server = new FakeBoardServer();
    const session = tokens('token-1', ['token-2']);
    const { connection, state } = open(server, session);
    await waitFor(() => expect(state().phase).toBe('live'));

    await session.refresh();
    server.last.serverClose(1006);
    await waitFor(() => expect(state().phase).toBe('live'));
    expect(server.last.token).toBe('token-2');
    connection.destroy();
  });
});

describe('updateHasContent', () => {
  it('follows the server rule: items or deletions', () => {
    const doc = new Y.Doc();
    expect(updateHasContent(Y.encodeStateAsUpdate(doc))).toBe(false);
    doc.getMap('elements').set('a', { id: 'a' });
    const full = Y.encodeStateAsUpdate(doc);
    expect(updateHasContent(full)).toBe(true);
    expect(updateHasContent(Y.encodeStateAsUpdate(doc, Y.encodeStateVector(doc)))).toBe(false);
    // Replacing a value deletes the old item: a peer that has every item still lacks the deletion.
    const peer = new Y.Doc();
    Y.applyUpdate(peer, full);
    doc.getMap('elements').delete('a');
    expect(updateHasContent(Y.encodeStateAsUpdate(doc, Y.encodeStateVector(peer)))).toBe(true);
  });
});

describe('boardServerUrl', () => {
  it('uses wss on https pages', () => {
    expect(boardServerUrl({ protocol: 'https:', host: 'pairboard.example' })).toBe('wss://pairboard.example/yjs');
    expect(boardServerUrl({ protocol: 'http:', host: '127.0.0.1:3000' })).toBe('ws://127.0.0.1:3000/yjs');
  });
});
