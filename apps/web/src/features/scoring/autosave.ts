/**
 * Saves a draft in the background: changes are debounced, one save is in flight at a time, and only
 * the latest value is ever sent next (each save replaces the whole draft, so skipping intermediate
 * values loses nothing and a retry cannot reorder edits). Failures that may pass (network, 5xx, 429)
 * are retried with backoff; a refusal (4xx) stops and is reported, keeping the unsaved value.
 */
export type AutosaveStatus =
  | { state: 'idle' }
  | { state: 'pending' }
  | { state: 'saving' }
  | { state: 'saved'; at: number }
  | { state: 'retrying'; attempt: number }
  | { state: 'failed'; error: unknown };

export interface AutosaveOptions<T> {
  save(value: T): Promise<void>;
  /** Whether a failed save is worth trying again. */
  isRetryable(error: unknown): boolean;
  onStatus(status: AutosaveStatus): void;
  debounceMs?: number;
  /** Delays between retries; the last one repeats. */
  backoffMs?: readonly number[];
  now?: () => number;
}

export class Autosave<T> {
  private latest: { value: T } | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private inFlight: Promise<void> | null = null;
  private attempt = 0;
  private stopped = false;

  constructor(private readonly options: AutosaveOptions<T>) {}

  /** A new value of the draft; it will be saved once edits pause. */
  change(value: T): void {
    if (this.stopped) return;
    this.latest = { value };
    this.attempt = 0;
    this.options.onStatus({ state: 'pending' });
    this.schedule(this.options.debounceMs ?? 800);
  }

  /** Saves what is pending now and resolves once nothing is left unsaved (or a save failed for good). */
  async flush(): Promise<void> {
    this.clearTimer();
    while (!this.stopped && (this.latest || this.inFlight)) {
      if (this.inFlight) await this.inFlight;
      else await this.run();
      if (this.timer) return; // waiting to retry: the caller learns through the status
    }
  }

  /** Stops saving (e.g. the page is leaving or the draft was submitted elsewhere). */
  stop(): void {
    this.stopped = true;
    this.clearTimer();
  }

  get hasUnsaved(): boolean {
    return this.latest !== null || this.inFlight !== null;
  }

  private schedule(delay: number): void {
    this.clearTimer();
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.run();
    }, delay);
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private run(): Promise<void> {
    if (this.inFlight) return this.inFlight;
    const pending = this.latest;
    if (!pending || this.stopped) return Promise.resolve();
    this.latest = null;
    this.options.onStatus({ state: 'saving' });
    this.inFlight = this.options
      .save(pending.value)
      .then(
        () => {
          this.attempt = 0;
          if (this.latest) this.schedule(0);
          else this.options.onStatus({ state: 'saved', at: (this.options.now ?? Date.now)() });
        },
        (error: unknown) => {
          // Keep the failed value unless a newer one arrived meanwhile.
          this.latest ??= pending;
          if (!this.options.isRetryable(error)) {
            this.options.onStatus({ state: 'failed', error });
            this.stopped = true;
            return;
          }
          const backoff = this.options.backoffMs ?? [1000, 2000, 5000, 10000];
          const delay = backoff[Math.min(this.attempt, backoff.length - 1)];
          this.attempt += 1;
          this.options.onStatus({ state: 'retrying', attempt: this.attempt });
          this.schedule(delay);
        },
      )
      .finally(() => {
        this.inFlight = null;
      });
    return this.inFlight;
  }
}
