import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { BoardTimeline } from '@pairboard/board-binding';
import { ReplayRepository } from './replay.repository';
import { SEEK_SETTLE_MS } from './seek-index';

/** Interviews whose timeline is kept in memory at once (a 20,000-update session takes ~40 MB). */
const CACHED_TIMELINES = 3;
/** Longer logs are replayed from the seek index only, to bound memory. */
export const MAX_TIMELINE_UPDATES = 50_000;
const BUILD_PAGE = 2_000;

interface Entry {
  timeline: BoardTimeline | null;
  lastId: bigint;
  ready: boolean;
  /** when the log was last read to its end (epoch ms) */
  readAt: number;
  /** serialises building and extending, so no update is appended twice */
  lock: Promise<void>;
}

/**
 * Warm replay: once an interview's recording is being watched, its whole log is turned into a
 * `BoardTimeline` in the background (in pages, yielding between them), after which any seek is a
 * binary search per element rather than a checkpoint decode. Until it is ready — and for logs too
 * large to hold — seeks go through the seek index. Updates stored since are appended on each use.
 */
@Injectable()
export class BoardTimelines implements OnModuleDestroy {
  private readonly logger = new Logger('BoardTimelines');
  private readonly cache = new Map<string, Entry>();
  private closed = false;

  constructor(private readonly replay: ReplayRepository) {}

  /**
   * The interview's timeline, up to date, or null while it is built (this call starts the build).
   * The log of an interview that ended before the last full read (and the settle time) is complete.
   */
  async ready(interviewId: string, endedAt: Date | null = null): Promise<BoardTimeline | null> {
    const entry = this.entry(interviewId);
    if (!entry.ready) return null;
    const complete = endedAt !== null && entry.readAt > endedAt.getTime() + SEEK_SETTLE_MS;
    if (!complete) await (entry.lock = entry.lock.then(() => this.extend(interviewId, entry)));
    return entry.timeline;
  }

  /** Waits for the interview's timeline to be built (tests and warm-up); null when it is too large. */
  async warm(interviewId: string): Promise<BoardTimeline | null> {
    const entry = this.entry(interviewId);
    await entry.lock;
    return this.ready(interviewId);
  }

  onModuleDestroy(): void {
    this.closed = true;
    for (const entry of this.cache.values()) entry.timeline?.destroy();
    this.cache.clear();
  }

  private entry(interviewId: string): Entry {
    const entry = this.cache.get(interviewId);
    if (entry) {
      this.cache.delete(interviewId);
      this.cache.set(interviewId, entry);
      return entry;
    }
    const created: Entry = { timeline: new BoardTimeline(), lastId: 0n, ready: false, readAt: 0, lock: Promise.resolve() };
    created.lock = this.extend(interviewId, created)
      .then(() => {
        created.ready = created.timeline !== null;
      })
      .catch((error: unknown) => {
        this.logger.warn(`could not build the replay timeline of ${interviewId}: ${error instanceof Error ? error.message : String(error)}`);
        this.cache.delete(interviewId);
      });
    this.cache.set(interviewId, created);
    while (this.cache.size > CACHED_TIMELINES) {
      const [oldest, evicted] = this.cache.entries().next().value as [string, Entry];
      evicted.timeline?.destroy();
      evicted.timeline = null;
      this.cache.delete(oldest);
    }
    return created;
  }

  /** Appends every update stored after the last one applied, a page at a time. */
  private async extend(interviewId: string, entry: Entry): Promise<void> {
    for (;;) {
      if (this.closed || !entry.timeline) return;
      const startedAt = Date.now();
      const page = await this.replay.updatesPage(interviewId, entry.lastId, BUILD_PAGE);
      if (!entry.timeline) return;
      for (const row of page) entry.timeline.append(row.data, row.receivedAt.getTime());
      if (page.length > 0) entry.lastId = page[page.length - 1].id;
      if (entry.timeline.length > MAX_TIMELINE_UPDATES) {
        entry.timeline.destroy();
        entry.timeline = null;
        return;
      }
      if (page.length < BUILD_PAGE) {
        entry.readAt = startedAt;
        return;
      }
      // Let requests in between pages: a long log builds over a few seconds without stalling the API.
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
}
