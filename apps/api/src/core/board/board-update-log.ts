import type { BoardStorage, NewBoardUpdate } from '@pairboard/board-protocol';

/** Whoever waits for an update to be stored (a room); told once per batch, in append order. */
export interface LogSink {
  onStored(entries: LogEntry[]): void;
}

export interface LogEntry {
  readonly row: NewBoardUpdate;
  readonly sink: LogSink;
  /** set once the row is stored */
  id?: bigint;
}

export interface BoardUpdateLogOptions {
  maxBatchRows?: number;
  maxBatchBytes?: number;
  retryInitialMs?: number;
  retryMaxMs?: number;
  /** after every successful write: rows in it and how long it took */
  onWrite?: (rows: number, seconds: number) => void;
  onWriteFailed?: (error: unknown, rows: number, retryInMs: number) => void;
  /** a sink threw while handling stored rows; the log goes on with the others */
  onSinkError?: (error: unknown) => void;
}

/**
 * Group commit for the update log of every room in the process: one multi-row INSERT at a time,
 * and whatever arrives while it runs goes into the next one. One writer for all rooms keeps the
 * statement rate bounded by write latency instead of growing with the number of rooms, and keeps
 * each room's updates in arrival order. A failed write is retried, with backoff, until it succeeds;
 * nothing is dropped and nothing is reported stored before it is.
 */
export class BoardUpdateLog {
  private queue: LogEntry[] = [];
  private writing = false;
  private scheduled = false;
  private retryTimer: NodeJS.Timeout | null = null;
  private retryDelay: number;
  private idleWaiters: (() => void)[] = [];
  private readonly maxBatchRows: number;
  private readonly maxBatchBytes: number;

  constructor(
    private readonly storage: Pick<BoardStorage, 'appendUpdates'>,
    private readonly options: BoardUpdateLogOptions = {},
  ) {
    // PostgreSQL allows 65535 bind parameters per statement; a row uses four.
    this.maxBatchRows = options.maxBatchRows ?? 1000;
    this.maxBatchBytes = options.maxBatchBytes ?? 32 * 1024 * 1024;
    this.retryDelay = options.retryInitialMs ?? 100;
  }

  /** Rows appended but not yet stored, including the write in flight. */
  get pending(): number {
    return this.queue.length;
  }

  get writeInFlight(): boolean {
    return this.writing;
  }

  append(entry: LogEntry): void {
    this.queue.push(entry);
    this.schedule();
  }

  /** Resolves once everything appended so far (and since) is stored. */
  idle(): Promise<void> {
    if (this.queue.length === 0 && !this.writing) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private schedule(): void {
    if (this.writing || this.scheduled || this.retryTimer) return;
    this.scheduled = true;
    // Wait for the rest of this turn of the event loop: messages read from other sockets in the
    // same turn join the batch at no cost in latency.
    setImmediate(() => {
      this.scheduled = false;
      void this.write();
    });
  }

  private takeBatch(): LogEntry[] {
    let bytes = 0;
    let count = 0;
    while (count < this.queue.length && count < this.maxBatchRows) {
      bytes += this.queue[count].row.data.length;
      if (count > 0 && bytes > this.maxBatchBytes) break;
      count++;
    }
    return this.queue.slice(0, count);
  }

  private async write(): Promise<void> {
    if (this.writing || this.queue.length === 0) return this.settle();
    this.writing = true;
    const batch = this.takeBatch();
    const started = performance.now();
    let ids: bigint[];
    try {
      ids = await this.storage.appendUpdates(batch.map((entry) => entry.row));
      if (ids.length !== batch.length) throw new Error(`stored ${ids.length} rows of ${batch.length}`);
    } catch (error) {
      this.writing = false;
      const delay = this.retryDelay;
      this.retryDelay = Math.min(delay * 2, this.options.retryMaxMs ?? 5000);
      this.options.onWriteFailed?.(error, batch.length, delay);
      this.retryTimer = setTimeout(() => {
        this.retryTimer = null;
        void this.write();
      }, delay);
      return;
    }
    this.retryDelay = this.options.retryInitialMs ?? 100;
    this.queue.splice(0, batch.length);
    this.writing = false;
    this.options.onWrite?.(batch.length, (performance.now() - started) / 1000);
    this.deliver(batch, ids);
    if (this.queue.length > 0) void this.write();
    else this.settle();
  }

  private deliver(batch: LogEntry[], ids: bigint[]): void {
    const bySink = new Map<LogSink, LogEntry[]>();
    batch.forEach((entry, index) => {
      entry.id = ids[index];
      const entries = bySink.get(entry.sink);
      if (entries) entries.push(entry);
      else bySink.set(entry.sink, [entry]);
    });
    for (const [sink, entries] of bySink) {
      try {
        sink.onStored(entries);
      } catch (error) {
        this.options.onSinkError?.(error);
      }
    }
  }

  private settle(): void {
    if (this.queue.length > 0 || this.writing) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }

  /** Stops retrying (shutdown gave up waiting); returns how many rows were never stored. */
  abandon(): number {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    const lost = this.queue.length;
    this.queue = [];
    return lost;
  }
}
