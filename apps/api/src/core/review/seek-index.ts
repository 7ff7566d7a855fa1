import { Injectable, Logger } from '@nestjs/common';
import { applyStoredUpdate } from '@pairboard/board-binding';
import * as Y from 'yjs';
import { jobId, JobsService } from '../../base/jobs';
import { BoardRepository } from '../board';
import { ReplayRepository } from './replay.repository';

/** Updates between two seek points: a seek applies at most this many after loading one checkpoint. */
export const SEEK_STRIDE = 500;
/**
 * Updates newer than this are left out of seek points: a write from another instance can still
 * commit a smaller id until its statement times out (10 s), and a seek point must hold exactly the
 * updates up to its id.
 */
export const SEEK_SETTLE_MS = 15_000;
const CACHED_DOCS = 4;

interface CachedDoc {
  doc: Y.Doc;
  state: Uint8Array;
  /** the last update id applied on top of the checkpoint */
  appliedUpTo: bigint;
}

/**
 * The board at any instant from the update log: the latest exact checkpoint ("seek point") at or
 * before the instant plus the updates after it up to the instant. Seek points are written every
 * `SEEK_STRIDE` updates by `extend()` (the `replay.indexBoard` job, queued when an interview ends and
 * whenever a seek finds a longer tail), so a seek is one checkpoint load and a bounded tail.
 * Recently used checkpoints stay decoded (small LRU): seeks near each other only apply updates.
 */
@Injectable()
export class SeekIndex {
  private readonly logger = new Logger('SeekIndex');
  private readonly cache = new Map<bigint, CachedDoc>();

  constructor(
    private readonly replay: ReplayRepository,
    private readonly board: BoardRepository,
    private readonly jobs: JobsService,
  ) {}

  /**
   * Calls `read` with the document holding exactly the updates received at or before `at`.
   * `read` must be synchronous: the document is shared with later seeks.
   */
  async at<T>(interviewId: string, at: Date, read: (doc: Y.Doc) => T): Promise<T> {
    const [point, next] = await Promise.all([this.replay.seekPointAtOrBefore(interviewId, at), this.replay.seekPointAfter(interviewId, at)]);
    const from = point?.lastUpdateId ?? 0n;
    // Ids follow receive order, so nothing received by `at` comes after the next seek point.
    const tail = await this.replay.updatesAfter(interviewId, from, { at, upToId: next?.lastUpdateId });
    if (tail.length > SEEK_STRIDE) this.requestIndex(interviewId);
    if (!point) {
      const doc = new Y.Doc();
      for (const update of tail) applyStoredUpdate(doc, update.data);
      try {
        return read(doc);
      } finally {
        doc.destroy();
      }
    }
    let cached = this.cache.get(point.id);
    if (cached) {
      this.cache.delete(point.id);
      this.cache.set(point.id, cached);
    } else {
      const state = await this.replay.seekPointState(point.id);
      cached = this.cache.get(point.id) ?? this.remember(point.id, state, from);
    }
    const lastWanted = tail.length > 0 ? tail[tail.length - 1].id : from;
    if (cached.appliedUpTo > lastWanted) {
      cached.doc.destroy();
      cached.doc = decode(cached.state);
      cached.appliedUpTo = from;
    }
    for (const update of tail) {
      if (update.id <= cached.appliedUpTo) continue;
      applyStoredUpdate(cached.doc, update.data);
      cached.appliedUpTo = update.id;
    }
    return read(cached.doc);
  }

  /** The board now: the newest checkpoint of any kind plus every later update. */
  async now<T>(interviewId: string, read: (doc: Y.Doc) => T): Promise<T> {
    const checkpoint = await this.replay.latestCheckpoint(interviewId);
    const tail = await this.replay.updatesAfter(interviewId, checkpoint?.lastUpdateId ?? 0n);
    const doc = checkpoint ? decode(checkpoint.state) : new Y.Doc();
    try {
      for (const update of tail) applyStoredUpdate(doc, update.data);
      return read(doc);
    } finally {
      doc.destroy();
    }
  }

  /** Writes the seek points the log is missing; returns how many. Safe to run again. */
  async extend(interviewId: string): Promise<number> {
    const latest = await this.replay.latestSeekPoint(interviewId);
    const doc = latest ? decode(await this.replay.seekPointState(latest.id)) : new Y.Doc();
    let after = latest?.lastUpdateId ?? 0n;
    let count = latest?.updateCount ?? 0;
    let written = 0;
    const settled = new Date(Date.now() - SEEK_SETTLE_MS);
    try {
      for (;;) {
        const stride = await this.replay.updatesAfter(interviewId, after, { at: settled, take: SEEK_STRIDE });
        // A last, shorter stride stays a tail: a seek applies it after the last seek point.
        if (stride.length < SEEK_STRIDE) break;
        for (const update of stride) applyStoredUpdate(doc, update.data);
        after = stride[stride.length - 1].id;
        count += stride.length;
        await this.board.saveSeekPoint(interviewId, after, count, Y.encodeStateAsUpdate(doc), Y.encodeStateVector(doc));
        written++;
      }
    } finally {
      doc.destroy();
    }
    return written;
  }

  /** Queues `replay.indexBoard` for the interview (one job per interview at a time). */
  requestIndex(interviewId: string): void {
    this.jobs
      .ensureDelayed('replay.indexBoard', { interviewId }, { jobId: jobId('replay.indexBoard', interviewId), runAt: Date.now() })
      .catch((error: unknown) => this.logger.warn(`could not queue the seek index of ${interviewId}: ${error instanceof Error ? error.message : String(error)}`));
  }

  private remember(id: bigint, state: Uint8Array, appliedUpTo: bigint): CachedDoc {
    const entry: CachedDoc = { doc: decode(state), state, appliedUpTo };
    this.cache.set(id, entry);
    while (this.cache.size > CACHED_DOCS) {
      const [oldest, evicted] = this.cache.entries().next().value as [bigint, CachedDoc];
      evicted.doc.destroy();
      this.cache.delete(oldest);
    }
    return entry;
  }
}

function decode(state: Uint8Array): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  return doc;
}
