import { awarenessStatesMessage, queryAwarenessMessage, syncStep1Message, syncStep2Message, updateMessage } from '@pairboard/board-protocol';
import { BOARD_CLOSE } from '@pairboard/contracts';
import * as Y from 'yjs';
import { FakePeer, MemoryBoardStorage, settle } from '../../../test/board/support/board-fakes';
import { captureUpdate, excalidrawElement } from '../../../test/board/support/board-fixtures';
import { BoardRoom, BoardRoomOptions } from './board-room';
import { BoardUpdateLog } from './board-update-log';

const INTERVIEW = '6f1c1d2e-0000-4000-8000-000000000001';
const OPTIONS: BoardRoomOptions = {
  maxMessageBytes: 256 * 1024,
  updatesPerSecond: 10,
  updateBurst: 20,
  maxConnectionsPerUser: 2,
  checkpointEveryUpdates: 1000,
  checkpointEverySeconds: 3600,
  checkpointSettleMs: 0,
  awarenessIntervalMs: 0,
};

function setup(options: Partial<BoardRoomOptions> = {}, storage = new MemoryBoardStorage()) {
  const log = new BoardUpdateLog(storage, { retryInitialMs: 5, retryMaxMs: 20 });
  const clock = { now: 0 };
  const onIdle = jest.fn();
  const refused: { userId: string; code: number; reason: string }[] = [];
  const deps = {
    log,
    storage,
    options: { ...OPTIONS, ...options },
    observer: {
      onIdle,
      onRefused: (_room: BoardRoom, peer: { userId: string }, code: number, reason: string) => refused.push({ userId: peer.userId, code, reason }),
    },
    now: () => clock.now,
  };
  const room = new BoardRoom(INTERVIEW, deps);
  return { room, storage, log, clock, onIdle, refused, deps };
}

/** A client-side doc making element changes and returning the update messages they produce. */
class Editor {
  readonly doc = new Y.Doc();
  private version = 0;

  set(id: string): Uint8Array {
    this.version++;
    return updateMessage(captureUpdate(this.doc, () => this.doc.getMap('elements').set(id, excalidrawElement(id, this.version))));
  }

  remove(id: string): Uint8Array {
    return updateMessage(captureUpdate(this.doc, () => this.doc.getMap('elements').delete(id)));
  }
}

function docFromHandshake(peer: FakePeer): Y.Doc {
  const doc = new Y.Doc();
  for (const message of peer.messages()) {
    if (message.type === 'sync' && message.step !== 0) Y.applyUpdate(doc, message.payload);
  }
  return doc;
}

describe('BoardRoom', () => {
  describe('handshake', () => {
    it('sends sync step 1 then step 2 with the whole document on join, and answers a step 1 with a step 2', async () => {
      const { room } = setup();
      const alice = new FakePeer('alice');
      const editor = new Editor();
      room.join(alice);
      room.receive(alice, editor.set('rect-1'));
      await settle();

      const bob = new FakePeer('bob');
      room.join(bob);
      const [first, second] = bob.messages();
      expect(first).toMatchObject({ type: 'sync', step: 0 });
      expect(second).toMatchObject({ type: 'sync', step: 1 });
      expect(docFromHandshake(bob).getMap('elements').toJSON()).toEqual(editor.doc.getMap('elements').toJSON());

      bob.clear();
      room.receive(bob, syncStep1Message(new Y.Doc()));
      expect(bob.messages()).toEqual([expect.objectContaining({ type: 'sync', step: 1 })]);
    });

    it('tells a joiner who is already here and answers awareness queries', () => {
      const { room } = setup();
      const alice = new FakePeer('alice');
      room.join(alice);
      room.receive(alice, awarenessStatesMessage([{ clientId: 11, clock: 1, state: { user: { name: 'Alice', color: '#f00' } } }]));

      const bob = new FakePeer('bob');
      room.join(bob);
      expect(bob.messages().find((message) => message.type === 'awareness')).toEqual({
        type: 'awareness',
        clients: [{ clientId: 11, clock: 1, state: { user: { name: 'Alice', color: '#f00' } } }],
      });
      bob.clear();
      room.receive(bob, queryAwarenessMessage());
      expect(bob.messages()).toEqual([{ type: 'awareness', clients: [expect.objectContaining({ clientId: 11 })] }]);
    });
  });

  describe('relay', () => {
    it('relays a stored update to everyone but its author, as received, and never before it is stored', async () => {
      const { room, storage } = setup();
      const [alice, bob, carol] = [new FakePeer('alice'), new FakePeer('bob'), new FakePeer('carol')];
      [alice, bob, carol].forEach((peer) => room.join(peer));
      [alice, bob, carol].forEach((peer) => peer.clear());

      storage.hold();
      const message = new Editor().set('rect-1');
      room.receive(alice, message);
      await settle();
      expect(bob.sent).toEqual([]);
      expect(storage.rows).toHaveLength(0);

      storage.release();
      await settle();
      expect(storage.rows).toHaveLength(1);
      expect(storage.rows[0]).toMatchObject({ interviewId: INTERVIEW, authorId: 'alice' });
      expect(bob.sent).toEqual([message]);
      expect(carol.sent).toEqual([message]);
      expect(alice.messages()).toEqual([{ type: 'stored', n: 1 }]);
    });

    it('relays awareness to the others only, and tells them when a connection leaves', () => {
      const { room } = setup();
      const [alice, bob] = [new FakePeer('alice'), new FakePeer('bob')];
      room.join(alice);
      room.join(bob);
      alice.clear();
      bob.clear();

      const cursor = awarenessStatesMessage([{ clientId: 7, clock: 3, state: { cursor: { x: 1, y: 2 } } }]);
      room.receive(alice, cursor);
      expect(bob.sent).toEqual([cursor]);
      expect(alice.sent).toEqual([]);

      // Bob's client re-sends what it learnt about Alice: nobody needs it back.
      room.receive(bob, cursor);
      expect(alice.sent).toEqual([]);

      room.leave(alice);
      expect(bob.messages().at(-1)).toEqual({ type: 'awareness', clients: [{ clientId: 7, clock: 4, state: null }] });
    });

    it('gathers awareness arriving within the interval into one message per connection, latest state per client', async () => {
      const { room } = setup({ awarenessIntervalMs: 40 });
      const [alice, bob, carol] = [new FakePeer('alice'), new FakePeer('bob'), new FakePeer('carol')];
      [alice, bob, carol].forEach((peer) => room.join(peer));
      [alice, bob, carol].forEach((peer) => peer.clear());
      const cursor = (clientId: number, clock: number) => awarenessStatesMessage([{ clientId, clock, state: { cursor: { x: clock, y: 0 } } }]);

      room.receive(alice, cursor(1, 1));
      expect(bob.messages()).toEqual([{ type: 'awareness', clients: [expect.objectContaining({ clientId: 1, clock: 1 })] }]);
      bob.clear();
      carol.clear();

      room.receive(alice, cursor(1, 2));
      room.receive(alice, cursor(1, 3));
      room.receive(carol, cursor(3, 1));
      expect(bob.sent).toEqual([]);

      await new Promise((resolve) => setTimeout(resolve, 60));
      const clientsIn = (peer: FakePeer) => peer.messages().map((message) => (message.type === 'awareness' ? message.clients.map((c) => [c.clientId, c.clock]) : []));
      expect(clientsIn(bob)).toEqual([
        [
          [1, 3],
          [3, 1],
        ],
      ]);
      expect(clientsIn(carol)).toEqual([[[1, 3]]]);
      expect(clientsIn(alice)).toEqual([[[3, 1]]]);
    });
  });

  describe('stored acknowledgements', () => {
    it('counts only updates with content, per connection, and only grows', async () => {
      const { room } = setup();
      const [alice, bob] = [new FakePeer('alice'), new FakePeer('bob')];
      room.join(alice);
      room.join(bob);
      const editor = new Editor();

      room.receive(alice, syncStep2Message(Y.encodeStateAsUpdate(new Y.Doc())));
      await settle();
      expect(alice.lastStored()).toBe(0);

      room.receive(alice, editor.set('a'));
      await settle();
      expect(alice.lastStored()).toBe(1);
      room.receive(alice, editor.set('b'));
      room.receive(alice, editor.remove('a'));
      room.receive(bob, new Editor().set('c'));
      await settle();

      const acks = alice.messages().filter((message) => message.type === 'stored').map((message) => (message as { n: number }).n);
      expect(acks.at(-1)).toBe(3);
      expect([...acks].sort((x, y) => x - y)).toEqual(acks);
      expect(bob.lastStored()).toBe(1);
    });

    it('stores a handshake step 2 that carries offline edits and counts it', async () => {
      const { room, storage } = setup();
      const alice = new FakePeer('alice');
      room.join(alice);
      const offline = new Editor();
      offline.set('drawn-offline');
      room.receive(alice, syncStep2Message(Y.encodeStateAsUpdate(offline.doc)));
      await settle();
      expect(storage.rows).toHaveLength(1);
      expect(alice.lastStored()).toBe(1);
      expect(room.doc.getMap('elements').has('drawn-offline')).toBe(true);
    });
  });

  describe('observers', () => {
    it('refuses a document update from an observer without storing or relaying it', async () => {
      const { room, storage, refused } = setup();
      const [alice, observer] = [new FakePeer('alice'), new FakePeer('olga', false)];
      room.join(alice);
      room.join(observer);
      alice.clear();

      room.receive(observer, syncStep2Message(Y.encodeStateAsUpdate(new Y.Doc())));
      room.receive(observer, awarenessStatesMessage([{ clientId: 5, clock: 1, state: { user: { name: 'Olga' } } }]));
      expect(observer.closed).toBeNull();
      expect(alice.messages()).toEqual([{ type: 'awareness', clients: [expect.objectContaining({ clientId: 5 })] }]);

      alice.clear();
      room.receive(observer, new Editor().set('sneaky'));
      await settle();
      expect(observer.closed?.code).toBe(BOARD_CLOSE.forbidden);
      expect(refused).toEqual([expect.objectContaining({ userId: 'olga', code: BOARD_CLOSE.forbidden })]);
      expect(storage.rows).toHaveLength(0);
      expect(alice.sent).toEqual([]);
      expect(room.doc.getMap('elements').size).toBe(0);
    });
  });

  describe('limits', () => {
    it('closes only the offending connection for malformed and oversized messages', async () => {
      const { room, storage } = setup({ maxMessageBytes: 4096 });
      const [alice, bob, mallory] = [new FakePeer('alice'), new FakePeer('bob'), new FakePeer('mallory')];
      [alice, bob, mallory].forEach((peer) => room.join(peer));

      room.receive(mallory, Uint8Array.of(0, 2, 200, 1, 2));
      expect(mallory.closed?.code).toBe(BOARD_CLOSE.malformed);

      const trent = new FakePeer('trent');
      room.join(trent);
      room.receive(trent, new Uint8Array(5000));
      expect(trent.closed?.code).toBe(BOARD_CLOSE.tooLarge);

      const broken = new FakePeer('broken');
      room.join(broken);
      const garbage = new Editor().set('x');
      garbage[garbage.length - 3] ^= 0xff;
      room.receive(broken, garbage);
      room.receive(broken, new Editor().set('y'));
      await settle();
      expect(broken.closed?.code).toBe(BOARD_CLOSE.malformed);

      bob.clear();
      room.receive(alice, new Editor().set('fine'));
      await settle();
      expect(alice.closed).toBeNull();
      expect(bob.sent).toHaveLength(1);
      expect(storage.rows).toHaveLength(1);
    });

    it('refuses a files entry that is not an image record, without storing it, and keeps valid ones', async () => {
      const { room, storage } = setup();
      const [alice, bob, mallory] = [new FakePeer('alice'), new FakePeer('bob'), new FakePeer('mallory')];
      [alice, bob, mallory].forEach((peer) => room.join(peer));
      const record = { id: 'img', mimeType: 'image/png', size: 68, created: 1 };
      const writer = new Y.Doc();
      room.receive(alice, updateMessage(captureUpdate(writer, () => writer.getMap('files').set('img', record))));
      await settle();
      expect(storage.rows).toHaveLength(1);
      expect(room.doc.getMap('files').get('img')).toEqual(record);

      // Overwriting the stored record: the update names no parent, only the record it replaces.
      const forger = new Y.Doc();
      Y.applyUpdate(forger, Y.encodeStateAsUpdate(room.doc));
      room.receive(mallory, updateMessage(captureUpdate(forger, () => forger.getMap('files').set('img', { ...record, url: 'javascript:alert(1)' }))));
      await settle();
      expect(mallory.closed?.code).toBe(BOARD_CLOSE.malformed);
      expect(storage.rows).toHaveLength(1);
      expect(room.doc.getMap('files').get('img')).toEqual(record);
      expect(alice.closed).toBeNull();
      expect(bob.closed).toBeNull();
    });

    it('rate-limits document updates per connection with a token bucket', async () => {
      const { room, clock } = setup({ updatesPerSecond: 2, updateBurst: 3 });
      const alice = new FakePeer('alice');
      room.join(alice);
      const editor = new Editor();
      for (let i = 0; i < 3; i++) room.receive(alice, editor.set(`e${i}`));
      clock.now += 500;
      room.receive(alice, editor.set('refilled'));
      expect(alice.closed).toBeNull();
      room.receive(alice, editor.set('one too many'));
      expect(alice.closed?.code).toBe(BOARD_CLOSE.rateLimited);
    });

    it('closes the newest connection of a user over the limit', () => {
      const { room } = setup({ maxConnectionsPerUser: 2 });
      const tabs = [new FakePeer('alice'), new FakePeer('alice'), new FakePeer('alice')];
      expect(tabs.map((tab) => room.join(tab))).toEqual([true, true, false]);
      expect(tabs.map((tab) => tab.closed?.code ?? null)).toEqual([null, null, BOARD_CLOSE.tooManyConnections]);
      expect(tabs[2].sent).toEqual([]);
    });
  });

  describe('group commit', () => {
    it('puts updates that arrive while a write is in flight into the next batch', async () => {
      const { room, storage } = setup();
      const [alice, bob] = [new FakePeer('alice'), new FakePeer('bob')];
      room.join(alice);
      room.join(bob);
      const editor = new Editor();

      storage.hold();
      room.receive(alice, editor.set('first'));
      await settle();
      expect(storage.batches).toEqual([1]);

      room.receive(alice, editor.set('second'));
      room.receive(bob, new Editor().set('third'));
      room.receive(alice, editor.set('fourth'));
      await settle();
      expect(storage.batches).toEqual([1]);

      storage.release();
      await settle();
      expect(storage.batches).toEqual([1, 3]);
      expect(storage.rows.map((row) => row.authorId)).toEqual(['alice', 'alice', 'bob', 'alice']);
      expect(alice.lastStored()).toBe(3);
      expect(bob.lastStored()).toBe(1);
    });

    it('keeps retrying a failed write and reports nothing stored until it succeeds', async () => {
      const { room, storage } = setup();
      const [alice, bob] = [new FakePeer('alice'), new FakePeer('bob')];
      room.join(alice);
      room.join(bob);
      bob.clear();
      storage.failures = 2;
      room.receive(alice, new Editor().set('a'));
      await settle();
      expect(alice.lastStored()).toBe(0);
      expect(bob.sent).toEqual([]);
      await new Promise((resolve) => setTimeout(resolve, 60));
      await settle();
      expect(storage.batches).toEqual([1, 1, 1]);
      expect(alice.lastStored()).toBe(1);
      expect(bob.sent).toHaveLength(1);
    });
  });

  describe('unloading', () => {
    it('becomes idle only when the last connection left and every update is stored', async () => {
      const { room, storage, onIdle } = setup();
      const alice = new FakePeer('alice');
      room.join(alice);
      storage.hold();
      storage.failures = 1;
      room.receive(alice, new Editor().set('a'));
      room.leave(alice);
      await settle();
      expect(room.idle).toBe(false);
      expect(onIdle).not.toHaveBeenCalled();

      storage.release();
      await settle();
      // The first write failed: still not idle while it is retried.
      expect(storage.rows).toHaveLength(0);
      expect(onIdle).not.toHaveBeenCalled();
      await new Promise((resolve) => setTimeout(resolve, 30));
      await settle();
      expect(storage.rows).toHaveLength(1);
      expect(onIdle).toHaveBeenCalledTimes(1);
      expect(room.idle).toBe(true);

      await room.unload({ checkpoint: true });
      expect(storage.checkpoints).toEqual([expect.objectContaining({ interviewId: INTERVIEW, lastUpdateId: 1n, updateCount: 1 })]);
    });
  });

  describe('other instances', () => {
    it('relays an update stored by another instance once, however often it arrives', () => {
      const { room } = setup();
      const bob = new FakePeer('bob');
      room.join(bob);
      bob.clear();
      const doc = new Y.Doc();
      const update = captureUpdate(doc, () => doc.getMap('elements').set('remote', excalidrawElement('remote')));
      const message = updateMessage(update);
      room.applyRemoteUpdate(41n, update, message);
      room.applyRemoteUpdate(41n, update, message);
      expect(bob.sent).toEqual([message]);
      expect(room.doc.getMap('elements').has('remote')).toBe(true);
    });

    it('reads updates another instance stored that never reached it before writing a checkpoint', async () => {
      const storage = new MemoryBoardStorage();
      const { room } = setup({ checkpointEveryUpdates: 3 }, storage);
      const [alice, bob] = [new FakePeer('alice'), new FakePeer('bob')];
      room.join(alice);
      room.join(bob);
      const editor = new Editor();
      room.receive(alice, editor.set('mine-1'));
      await settle();
      const elsewhere = new Y.Doc();
      const data = captureUpdate(elsewhere, () => elsewhere.getMap('elements').set('stored-elsewhere', excalidrawElement('stored-elsewhere')));
      storage.insertDirectly({ interviewId: INTERVIEW, authorId: 'carol', data, receivedAt: new Date() });
      bob.clear();
      room.receive(alice, editor.set('mine-2'));
      room.receive(alice, editor.set('mine-3'));
      await settle(10);

      expect(storage.checkpoints).toEqual([expect.objectContaining({ lastUpdateId: 4n, updateCount: 4 })]);
      const checkpointed = new Y.Doc();
      Y.applyUpdate(checkpointed, storage.checkpoints[0].state);
      expect(Object.keys(checkpointed.getMap('elements').toJSON()).sort()).toEqual(['mine-1', 'mine-2', 'mine-3', 'stored-elsewhere']);
      expect(docFromHandshake(bob).getMap('elements').has('stored-elsewhere')).toBe(true);
    });
  });

  describe('checkpoints and loading', () => {
    it('checkpoints every N updates and loads from the latest checkpoint plus later updates', async () => {
      const storage = new MemoryBoardStorage();
      const { room } = setup({ checkpointEveryUpdates: 3 }, storage);
      const alice = new FakePeer('alice');
      room.join(alice);
      const editor = new Editor();
      for (let i = 0; i < 4; i++) {
        room.receive(alice, editor.set(`e${i}`));
        await settle();
      }
      await settle();
      expect(storage.checkpoints).toEqual([expect.objectContaining({ lastUpdateId: 3n, updateCount: 3 })]);
      const fromCheckpoint = new Y.Doc();
      Y.applyUpdate(fromCheckpoint, storage.checkpoints[0].state);
      expect(Object.keys(fromCheckpoint.getMap('elements').toJSON()).sort()).toEqual(['e0', 'e1', 'e2']);

      const { deps } = setup({ checkpointEveryUpdates: 3 }, storage);
      const loaded = await BoardRoom.load(INTERVIEW, deps);
      expect(loaded.doc.getMap('elements').toJSON()).toEqual(editor.doc.getMap('elements').toJSON());
      const joiner = new FakePeer('bob');
      loaded.join(joiner);
      expect(docFromHandshake(joiner).getMap('elements').toJSON()).toEqual(editor.doc.getMap('elements').toJSON());
    });

    /**
     * A stored board too large to build before the first join: a checkpoint of `elements` elements
     * (with its state vector, unless written before those were stored), and one later update.
     */
    function storedLargeBoard(storage: MemoryBoardStorage, elements = 700, { withStateVector = true } = {}) {
      const author = new Y.Doc();
      author.transact(() => {
        for (let i = 0; i < elements; i++) author.getMap('elements').set(`big-${i}`, excalidrawElement(`big-${i}`, 1, i));
      });
      const state = Y.encodeStateAsUpdate(author);
      expect(state.length).toBeGreaterThan(256 * 1024);
      const checkpointId = storage.insertDirectly({ interviewId: INTERVIEW, authorId: 'alice', data: state, receivedAt: new Date() });
      const stateVector = withStateVector ? Y.encodeStateVector(author) : null;
      storage.checkpoints.push({ interviewId: INTERVIEW, lastUpdateId: checkpointId, state, stateVector, updateCount: 1, takenAt: new Date() });
      const later = captureUpdate(author, () => author.getMap('elements').set('after-checkpoint', excalidrawElement('after-checkpoint', 1)));
      storage.insertDirectly({ interviewId: INTERVIEW, authorId: 'alice', data: later, receivedAt: new Date() });
      return author;
    }

    // Built 150 ms after loading here, so a busy test machine cannot build it before the checks that
    // need it unbuilt.
    const BUILD_AFTER_MS = 150;
    const waitForBuild = () => new Promise((resolve) => setTimeout(resolve, BUILD_AFTER_MS + 50));

    const stateVectors = (peer: FakePeer) =>
      peer
        .messages()
        .filter((message) => message.type === 'sync' && message.step === 0)
        .map((message) => Y.decodeStateVector((message as { payload: Uint8Array }).payload));

    it.each([
      ['a checkpoint with its state vector', true],
      ['a checkpoint written before state vectors were stored', false],
    ])('serves the first joins of a large stored board (%s) step 1 first, from the stored bytes, then the exact step 1 once built', async (_, withStateVector) => {
      const storage = new MemoryBoardStorage();
      const author = storedLargeBoard(storage, 700, { withStateVector });
      const { deps } = setup({ materialiseAfterMs: BUILD_AFTER_MS }, storage);
      const room = await BoardRoom.load(INTERVIEW, deps);
      expect(room.materialised).toBe(false);
      expect(room.doc.getMap('elements').size).toBe(0);

      const [bob, carol] = [new FakePeer('bob'), new FakePeer('carol')];
      room.join(bob);
      room.join(carol);
      // Step 1 with the clocks the stored bytes reach (the later update's too), then the whole board
      // (checkpoint as step 2, the later update after it), all before the document is built.
      expect(bob.messages().map((message) => message.type === 'sync' && message.step)).toEqual([0, 1, 2]);
      expect(stateVectors(bob)).toEqual([Y.decodeStateVector(Y.encodeStateVector(author))]);
      expect(docFromHandshake(bob).getMap('elements').toJSON()).toEqual(author.getMap('elements').toJSON());
      expect(room.materialised).toBe(false);

      await waitForBuild();
      expect(room.materialised).toBe(true);
      expect(room.doc.getMap('elements').toJSON()).toEqual(author.getMap('elements').toJSON());
      for (const peer of [bob, carol]) expect(stateVectors(peer)).toEqual(Array(2).fill(Y.decodeStateVector(Y.encodeStateVector(author))));
      // A late joiner gets the ordinary handshake.
      const dave = new FakePeer('dave');
      room.join(dave);
      expect((dave.messages()[0] as { step: number }).step).toBe(0);
      expect(stateVectors(dave)).toHaveLength(1);
    });

    it('stores, relays once and acknowledges updates that arrive while the board is being built, and loses none of them', async () => {
      const storage = new MemoryBoardStorage();
      const author = storedLargeBoard(storage);
      const { deps } = setup({ materialiseAfterMs: BUILD_AFTER_MS }, storage);
      const room = await BoardRoom.load(INTERVIEW, deps);
      const [bob, carol, observer] = [new FakePeer('bob'), new FakePeer('carol'), new FakePeer('olga', false)];
      [bob, carol, observer].forEach((peer) => room.join(peer));
      [bob, carol, observer].forEach((peer) => peer.clear());

      const editor = new Editor();
      storage.hold();
      const first = editor.set('during-load');
      room.receive(bob, first);
      await settle();
      // Not stored yet: nothing relayed or acknowledged, even while the room is loading.
      expect(carol.sent).toEqual([]);
      expect(bob.lastStored()).toBe(0);
      storage.release();
      await settle();
      expect(room.materialised).toBe(false);
      expect(carol.sent).toEqual([first]);
      expect(bob.lastStored()).toBe(1);
      // Someone joining now learns from step 1 that the room has that update too.
      const erin = new FakePeer('erin');
      room.join(erin);
      expect(stateVectors(erin)[0].get(editor.doc.clientID)).toBeGreaterThan(0);

      // Still validated while loading: malformed updates and observers' edits are refused.
      room.receive(observer, new Editor().set('not-allowed'));
      expect(observer.closed?.code).toBe(BOARD_CLOSE.forbidden);
      room.receive(carol, Uint8Array.of(0, 2, 5, 1, 2));
      expect(carol.closed?.code).toBe(BOARD_CLOSE.malformed);

      await waitForBuild();
      const second = editor.set('after-load');
      room.receive(bob, second);
      await settle();
      expect(room.materialised).toBe(true);
      const expected = { ...author.getMap('elements').toJSON(), ...editor.doc.getMap('elements').toJSON() };
      expect(room.doc.getMap('elements').toJSON()).toEqual(expected);
      expect(bob.lastStored()).toBe(2);
      // Relayed once each, and the step 1 sent after building knows the update stored meanwhile.
      const relayed = bob.sent.filter((message) => message === first || message === second);
      expect(relayed).toEqual([]);
      expect(storage.rows.filter((row) => row.authorId === 'bob')).toHaveLength(2);
      expect(stateVectors(bob).at(-1)?.get(editor.doc.clientID)).toBeGreaterThan(0);

      // A joiner after all this gets exactly the stored board.
      const dave = new FakePeer('dave');
      room.join(dave);
      expect(docFromHandshake(dave).getMap('elements').toJSON()).toEqual(expected);
      expect(storage.replay(INTERVIEW).getMap('elements').toJSON()).toEqual(expected);
    });

    it('writes no checkpoint on unload when nothing changed while it was loaded, leaving the stored updates to the next change', async () => {
      const storage = new MemoryBoardStorage();
      storedLargeBoard(storage);
      const { deps } = setup({}, storage);
      for (let visit = 0; visit < 3; visit++) {
        const room = await BoardRoom.load(INTERVIEW, deps);
        const bob = new FakePeer('bob');
        room.join(bob);
        room.leave(bob);
        await room.unload({ checkpoint: true });
      }
      expect(storage.checkpoints).toHaveLength(1);

      const room = await BoardRoom.load(INTERVIEW, deps);
      const bob = new FakePeer('bob');
      room.join(bob);
      room.receive(bob, new Editor().set('a-change'));
      await settle();
      room.leave(bob);
      await room.unload({ checkpoint: true });
      expect(storage.checkpoints).toHaveLength(2);
      expect(storage.checkpoints[1]).toMatchObject({ lastUpdateId: 3n, updateCount: 3 });
    });

    it('builds the whole document for a checkpoint when unloaded before it was built', async () => {
      const storage = new MemoryBoardStorage();
      const author = storedLargeBoard(storage);
      const { deps } = setup({}, storage);
      const room = await BoardRoom.load(INTERVIEW, deps);
      const bob = new FakePeer('bob');
      room.join(bob);
      const editor = new Editor();
      room.receive(bob, editor.set('during-load'));
      await settle();
      expect(bob.lastStored()).toBe(1);
      room.leave(bob);
      await room.unload({ checkpoint: true });

      const latest = storage.checkpoints[storage.checkpoints.length - 1];
      expect(latest).toMatchObject({ lastUpdateId: 3n, updateCount: 3 });
      const checkpointed = new Y.Doc();
      Y.applyUpdate(checkpointed, latest.state);
      expect(checkpointed.getMap('elements').toJSON()).toEqual({ ...author.getMap('elements').toJSON(), ...editor.doc.getMap('elements').toJSON() });
    });
  });
});
