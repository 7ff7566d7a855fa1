import type { FractionalIndex } from '@excalidraw/excalidraw/element/types' with { 'resolution-mode': 'import' };
import fc from 'fast-check';
import * as Y from 'yjs';
import { readElements } from './elements';
import { nonceSource, seededRandom } from './test-support/fake-scene';
import { createPeer, NETWORK, stamps, type Peer } from './test-support/peers';

const CLIENTS = 3;

type Op =
  | { kind: 'add'; client: number; index: string }
  | { kind: 'move'; client: number; pick: number; dx: number }
  | { kind: 'edit'; client: number; pick: number; color: string }
  | { kind: 'delete'; client: number; pick: number }
  | { kind: 'restack'; client: number; pick: number; index: string }
  | { kind: 'startTextEdit'; client: number; pick: number }
  | { kind: 'startDrag'; client: number; pick: number }
  | { kind: 'finishEditing'; client: number }
  | { kind: 'undo'; client: number }
  | { kind: 'redo'; client: number }
  | { kind: 'pauseHistory'; client: number }
  | { kind: 'deliver'; from: number; to: number; pick: number }
  | { kind: 'deliverAll'; from: number; to: number }
  | { kind: 'goOffline'; client: number }
  | { kind: 'goOnline'; client: number };

const client = fc.integer({ min: 0, max: CLIENTS - 1 });
const pick = fc.nat(50);
// few distinct indices, so concurrent inserts at the same position happen often
const index = fc.constantFrom('a0', 'a1', 'a2', 'a3', 'Zz', 'b0');

const op: fc.Arbitrary<Op> = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant('add' as const), client, index }), weight: 4 },
  { arbitrary: fc.record({ kind: fc.constant('move' as const), client, pick, dx: fc.integer({ min: -50, max: 50 }) }), weight: 4 },
  { arbitrary: fc.record({ kind: fc.constant('edit' as const), client, pick, color: fc.constantFrom('red', 'blue', 'green') }), weight: 3 },
  { arbitrary: fc.record({ kind: fc.constant('delete' as const), client, pick }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant('restack' as const), client, pick, index }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant('startTextEdit' as const), client, pick }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('startDrag' as const), client, pick }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('finishEditing' as const), client }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant('undo' as const), client }), weight: 3 },
  { arbitrary: fc.record({ kind: fc.constant('redo' as const), client }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant('pauseHistory' as const), client }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('deliver' as const), from: client, to: client, pick }), weight: 6 },
  { arbitrary: fc.record({ kind: fc.constant('deliverAll' as const), from: client, to: client }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant('goOffline' as const), client }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('goOnline' as const), client }), weight: 1 },
);

/** Three clients whose updates travel through per-pair queues that can be held back and reordered. */
class Network {
  readonly peers: Peer[];
  readonly online: boolean[];
  private readonly queues: Uint8Array[][][];

  constructor(seed: number, clientIds: number[], captureTimeout: number) {
    this.online = clientIds.map(() => true);
    this.queues = clientIds.map(() => clientIds.map(() => []));
    this.peers = clientIds.map((clientID, i) => {
      const random = seededRandom(seed + i * 7919);
      const peer = createPeer(`c${i}`, { clientID, captureTimeout, nonce: nonceSource(random), randomNonce: nonceSource(random) });
      peer.doc.on('update', (update: Uint8Array, origin: unknown) => {
        if (origin === NETWORK) return;
        for (let to = 0; to < clientIds.length; to += 1) {
          if (to !== i) this.queues[i][to].push(update);
        }
      });
      return peer;
    });
  }

  deliver(from: number, to: number, pick: number): void {
    if (!this.online[from] || !this.online[to]) return;
    const queue = this.queues[from][to];
    if (queue.length === 0) return;
    const [update] = queue.splice(pick % queue.length, 1);
    Y.applyUpdate(this.peers[to].doc, update, NETWORK);
  }

  deliverAll(from: number, to: number, random: () => number): void {
    while (this.online[from] && this.online[to] && this.queues[from][to].length > 0) {
      this.deliver(from, to, Math.floor(random() * 1000));
    }
  }

  pending(): number {
    return this.queues.flat().reduce((sum, queue) => sum + queue.length, 0);
  }

  /** Everyone back online, every edit finished, every update delivered in random order. */
  settle(random: () => number): void {
    this.online.fill(true);
    for (const peer of this.peers) peer.scene.setAppState({});
    for (let round = 0; this.pending() > 0; round += 1) {
      if (round > 10_000) throw new Error('updates keep flowing: the clients never settle');
      const from = Math.floor(random() * CLIENTS);
      const to = Math.floor(random() * CLIENTS);
      if (from !== to) this.deliver(from, to, Math.floor(random() * 1000));
    }
  }
}

function run(network: Network, step: Op): void {
  if (step.kind === 'deliver') return network.deliver(step.from, step.to, step.pick);
  if (step.kind === 'deliverAll') return network.deliverAll(step.from, step.to, seededRandom(step.from * 3 + step.to));
  if (step.kind === 'goOffline' || step.kind === 'goOnline') {
    network.online[step.client] = step.kind === 'goOnline';
    return;
  }
  const { scene, binding } = network.peers[step.client];
  if (step.kind === 'add') {
    scene.add({ index: step.index as FractionalIndex });
    return;
  }
  if (step.kind === 'undo') return void binding.undo();
  if (step.kind === 'redo') return void binding.redo();
  if (step.kind === 'pauseHistory') return binding.stopCapturing();
  if (step.kind === 'finishEditing') return scene.setAppState({});

  const live = scene.elements.filter((element) => !element.isDeleted);
  if (live.length === 0) return;
  const target = live[step.pick % live.length];
  switch (step.kind) {
    case 'move':
      return scene.mutate(target.id, { x: target.x + step.dx });
    case 'edit':
      return scene.mutate(target.id, { strokeColor: step.color });
    case 'delete':
      return scene.mutate(target.id, { isDeleted: true });
    case 'restack':
      return scene.mutate(target.id, { index: step.index as FractionalIndex });
    case 'startTextEdit':
      return scene.setAppState({ editingTextElement: { id: target.id } });
    case 'startDrag':
      return scene.setAppState({ selectedElementIds: { [target.id]: true }, selectedElementsAreBeingDragged: true });
  }
}

describe('three clients with delays, reordering and offline periods', () => {
  it('converge to the same scene', () => {
    fc.assert(
      fc.property(
        fc.array(op, { maxLength: 150, size: 'max' }),
        fc.integer(),
        fc.shuffledSubarray([11, 22, 33], { minLength: 3, maxLength: 3 }),
        fc.constantFrom(0, 500),
        (steps, seed, clientIds, captureTimeout) => {
          const network = new Network(seed, clientIds, captureTimeout);
          for (const step of steps) run(network, step);
          network.settle(seededRandom(seed));

          const [first, ...others] = network.peers;
          const expected = stamps(first.scene.elements);
          for (const peer of others) expect(stamps(peer.scene.elements)).toEqual(expected);
          for (const peer of network.peers) {
            expect(peer.scene.elements).toEqual(readElements(peer.doc));
            expect(readElements(peer.doc)).toEqual(readElements(first.doc));
          }
        },
      ),
      // A fixed seed, so a run of the test command fails only on a change, not on the draw.
      { numRuns: 100, seed: 20261208 },
    );
  });
});
