import { boardScene } from '@pairboard/board-binding';
import fc from 'fast-check';
import * as Y from 'yjs';
import { BoardRepository } from '../../src/core/board/board.repository';
import { BoardTimelines } from '../../src/core/review/board-timelines';
import { SeekIndex } from '../../src/core/review/seek-index';
import { createInterview, signUp, TestUser } from '../rooms/support/room-clients';
import { flushRedis, resetDatabase, startTestApp, TestApp } from '../support/test-app';
import { element, RecordingClient, storeUpdates } from './support/recording';

const T0 = Date.parse('2026-03-02T10:00:00.000Z');
const CLIENTS = 3;

type Step =
  | { kind: 'edit'; client: number; elementId: number; deleted: boolean; gapMs: number }
  | { kind: 'sync'; from: number; to: number }
  | { kind: 'checkpoint'; exact: boolean };

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('edit' as const), client: fc.nat(CLIENTS - 1), elementId: fc.nat(7), deleted: fc.boolean(), gapMs: fc.oneof(fc.constant(0), fc.nat(5_000)) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('sync' as const), from: fc.nat(CLIENTS - 1), to: fc.nat(CLIENTS - 1) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('checkpoint' as const), exact: fc.boolean() }) },
);

/**
 * Replay is exact: for random sessions of several clients editing (and seeing each other's edits at
 * random moments), stored with random server times and checkpoints at random points of the log, the
 * board at any instant equals a fresh document that applied exactly the updates stored up to then.
 */
describe('replay property: the board at t is the log up to t', () => {
  let api: TestApp;
  let owner: TestUser;

  beforeAll(async () => {
    await resetDatabase();
    await flushRedis();
    api = await startTestApp();
    owner = await signUp(api, 'Ivan');
  });
  afterAll(() => api.close());

  it('holds at update times, between them and at checkpoint boundaries', async () => {
    const seek = api.app.get(SeekIndex, { strict: false });
    const board = api.app.get(BoardRepository, { strict: false });
    const timelines = api.app.get(BoardTimelines, { strict: false });

    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 60 }), fc.array(fc.nat(400_000), { maxLength: 6 }), async (steps, probes) => {
        const interviewId = await createInterview(api, owner, [], {});
        const clients = Array.from({ length: CLIENTS }, () => new RecordingClient());
        const versions = new Map<number, number>();
        const log: { data: Uint8Array; at: number }[] = [];
        const checkpointsAt: { count: number; exact: boolean }[] = [];
        let clock = T0;

        for (const item of steps) {
          if (item.kind === 'edit') {
            const version = (versions.get(item.elementId) ?? 0) + 1;
            versions.set(item.elementId, version);
            clients[item.client].put(element(`el${item.elementId}`, version, { isDeleted: item.deleted }));
            clock += item.gapMs;
            for (const data of clients[item.client].take()) log.push({ data, at: clock });
          } else if (item.kind === 'sync') {
            clients[item.to].receive(Y.encodeStateAsUpdate(clients[item.from].doc));
          } else if (log.length > 0) {
            checkpointsAt.push({ count: log.length, exact: item.exact });
          }
        }
        const ids = await storeUpdates(api, interviewId, log.map((row) => ({ data: row.data, at: new Date(row.at) })));
        for (const checkpoint of checkpointsAt) {
          const doc = replayed(log.slice(0, checkpoint.count));
          const [state, stateVector] = [Y.encodeStateAsUpdate(doc), Y.encodeStateVector(doc)];
          const lastUpdateId = ids[checkpoint.count - 1];
          if (checkpoint.exact) await board.saveSeekPoint(interviewId, lastUpdateId, checkpoint.count, state, stateVector);
          else await board.saveCheckpoint({ interviewId, lastUpdateId, state, stateVector, updateCount: checkpoint.count, takenAt: new Date() });
        }

        const instants = new Set<number>([T0 - 1, T0, ...probes.map((probe) => T0 + probe)]);
        for (const row of log) for (const delta of [-1, 0, 1]) instants.add(row.at + delta);
        // Both ways of answering: the seek index (cold), and the warm timeline of the whole log.
        const timeline = await timelines.warm(interviewId);
        if (!timeline) throw new Error('the timeline was not built');
        for (const instant of instants) {
          const expected = boardScene(replayed(log.filter((row) => row.at <= instant)));
          const actual = await seek.at(interviewId, new Date(instant), boardScene);
          expect(actual).toEqual(expected);
          expect(JSON.parse(timeline.sceneJsonAt(timeline.countAt(instant)))).toEqual(JSON.parse(JSON.stringify(expected)));
        }
        const now = await seek.now(interviewId, boardScene);
        expect(now).toEqual(boardScene(replayed(log)));
        for (const client of clients) client.doc.destroy();
      }),
      { numRuns: 25 },
    );
  });
});

function replayed(rows: readonly { data: Uint8Array }[]): Y.Doc {
  const doc = new Y.Doc();
  for (const row of rows) Y.applyUpdate(doc, row.data);
  return doc;
}
