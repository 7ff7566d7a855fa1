import { syncStep1Message, updateMessage } from '@pairboard/board-protocol';
import fc from 'fast-check';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { MemoryBoardStorage, settle } from '../../../test/board/support/board-fakes';
import { excalidrawElement } from '../../../test/board/support/board-fixtures';
import type { BoardPeer } from './board-peer';
import { BoardRoom, BoardRoomDeps } from './board-room';
import { BoardUpdateLog } from './board-update-log';

const INTERVIEW = '6f1c1d2e-0000-4000-8000-000000000002';
const KEYS = ['a', 'b', 'c', 'd', 'e', 'f'];

/** The server side of the simulation: one room at a time, unloaded when idle and reloaded from storage. */
class Server {
  readonly storage = new MemoryBoardStorage();
  readonly deps: BoardRoomDeps;
  room: BoardRoom | null = null;
  private unloading: Promise<void>[] = [];

  constructor() {
    const log = new BoardUpdateLog(this.storage);
    this.deps = {
      log,
      storage: this.storage,
      options: {
        maxMessageBytes: 1 << 20,
        updatesPerSecond: 1e6,
        updateBurst: 1e6,
        maxConnectionsPerUser: 4,
        checkpointEveryUpdates: 4,
        checkpointEverySeconds: 3600,
        checkpointSettleMs: 0,
        awarenessIntervalMs: 0,
      },
      observer: {
        onIdle: (room) => {
          if (this.room !== room) return;
          this.room = null;
          this.unloading.push(room.unload({ checkpoint: true }));
        },
      },
    };
  }

  async currentRoom(): Promise<BoardRoom> {
    await Promise.all(this.unloading);
    this.room ??= await BoardRoom.load(INTERVIEW, this.deps);
    return this.room;
  }

  async quiet(): Promise<void> {
    await this.deps.log.idle();
    await Promise.all(this.unloading);
    await settle();
  }
}

/** A client that behaves like y-websocket's WebsocketProvider over an unreliable, delayable link. */
class Client implements BoardPeer {
  readonly doc = new Y.Doc();
  readonly canEdit = true;
  readonly inbox: Uint8Array[] = [];
  readonly outbox: Uint8Array[] = [];
  room: BoardRoom | null = null;
  private version = 0;

  constructor(readonly userId: string) {
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== this && this.room) this.outbox.push(updateMessage(update));
    });
  }

  send(message: Uint8Array): void {
    this.inbox.push(message);
  }

  close(code: number, reason: string): void {
    throw new Error(`the room closed ${this.userId} with ${code}: ${reason}`);
  }

  async connect(server: Server): Promise<void> {
    const room = await server.currentRoom();
    this.room = room;
    room.join(this);
    this.outbox.push(syncStep1Message(this.doc));
  }

  disconnect(): void {
    // Whatever was still on the wire is lost; the next handshake repairs it.
    this.room?.leave(this);
    this.room = null;
    this.inbox.length = 0;
    this.outbox.length = 0;
  }

  edit(key: string, remove: boolean): void {
    this.version++;
    const elements = this.doc.getMap('elements');
    if (remove) elements.delete(key);
    else elements.set(key, excalidrawElement(key, this.version, this.userId.length * 100 + this.version));
  }

  deliverIn(count: number): void {
    for (const message of this.inbox.splice(0, count)) {
      const decoder = decoding.createDecoder(message);
      if (decoding.readVarUint(decoder) !== 0) continue;
      const reply = encoding.createEncoder();
      encoding.writeVarUint(reply, 0);
      syncProtocol.readSyncMessage(decoder, reply, this.doc, this);
      if (encoding.length(reply) > 1) this.outbox.push(encoding.toUint8Array(reply));
    }
  }

  deliverOut(count: number): void {
    for (const message of this.outbox.splice(0, count)) this.room?.receive(this, message);
  }
}

type Step =
  | { kind: 'edit'; client: number; key: number; remove: boolean }
  | { kind: 'toggle'; client: number }
  | { kind: 'deliver'; client: number; count: number; inbound: boolean }
  | { kind: 'store' };

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('edit' as const), client: fc.nat(2), key: fc.nat(KEYS.length - 1), remove: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('toggle' as const), client: fc.nat(2) }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('deliver' as const), client: fc.nat(2), count: fc.integer({ min: 1, max: 4 }), inbound: fc.boolean() }) },
  { weight: 2, arbitrary: fc.constant({ kind: 'store' as const }) },
);

async function run(steps: Step[]): Promise<{ server: Server; clients: Client[] }> {
  const server = new Server();
  const clients = ['ann', 'bob', 'cyd'].map((name) => new Client(name));
  for (const client of clients) await client.connect(server);
  for (const next of steps) {
    if (next.kind === 'edit') clients[next.client].edit(KEYS[next.key], next.remove);
    else if (next.kind === 'toggle') {
      const client = clients[next.client];
      if (client.room) client.disconnect();
      else await client.connect(server);
    } else if (next.kind === 'deliver') {
      const client = clients[next.client];
      if (next.inbound) client.deliverIn(next.count);
      else client.deliverOut(next.count);
    } else await server.quiet();
  }
  for (const client of clients) if (!client.room) await client.connect(server);
  for (let round = 0; round < 50; round++) {
    const moving = clients.some((client) => client.inbox.length > 0 || client.outbox.length > 0) || server.deps.log.pending > 0;
    if (!moving) break;
    for (const client of clients) {
      client.deliverOut(Infinity);
      client.deliverIn(Infinity);
    }
    await server.quiet();
  }
  return { server, clients };
}

describe('board convergence', () => {
  it('three clients with random concurrent edits and offline periods end with the same elements everywhere', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 60 }), async (steps) => {
        const { server, clients } = await run(steps);
        const expected = clients[0].doc.getMap('elements').toJSON();
        for (const client of clients) expect(client.doc.getMap('elements').toJSON()).toEqual(expected);
        const room = await server.currentRoom();
        expect(room.doc.getMap('elements').toJSON()).toEqual(expected);
        expect(server.storage.replay(INTERVIEW).getMap('elements').toJSON()).toEqual(expected);
        const reloaded = await BoardRoom.load(INTERVIEW, server.deps);
        expect(reloaded.doc.getMap('elements').toJSON()).toEqual(expected);
      }),
      { numRuns: 150 },
    );
  });
});
