import { updateMessage, type BoardStorage } from '@pairboard/board-protocol';

export interface RoomCheckpointsDeps {
  interviewId: string;
  storage: Pick<BoardStorage, 'saveCheckpoint' | 'latestUpdateId' | 'updatesBetween'>;
  everyUpdates: number;
  everySeconds: number;
  /** `BoardRoomOptions.checkpointSettleMs` */
  settleMs: number;
  /** the checkpoint the room was loaded from, if any */
  saved: { lastUpdateId: bigint; updateCount: number } | null;
  isUnloaded: () => boolean;
  /** whether the updates since joiners' last full state outgrew it, so a new one is cheaper to send */
  joinStateOutgrown: () => boolean;
  /** encodes the room's full state, which also becomes what joiners get */
  refreshSnapshot: () => Uint8Array;
  stateVector: () => Uint8Array;
  /** applies and relays an update another instance stored (see `catchUpSoon`) */
  applyMissing: (id: bigint, data: Uint8Array, relay: Uint8Array) => void;
  onError: (what: string, error: unknown) => void;
}

/**
 * When a room writes its full state to storage, and what that checkpoint holds: every update up to
 * the newest stored id, whichever instance stored it. Checkpoints are taken every N updates or M
 * seconds, one at a time, after earlier writes had time to commit; the same wait lets a room catch
 * up with updates another instance stored that never reached it.
 */
export class RoomCheckpoints {
  /** ids applied in the room that the last saved checkpoint does not hold */
  private readonly appliedIds = new Set<bigint>();
  private savedCheckpointId: bigint;
  private savedUpdateCount: number;
  private timer: NodeJS.Timeout | null = null;
  private queued = false;
  private run: Promise<void> | null = null;
  private again = false;
  private abandoned = false;
  private endSettling: (() => void) | null = null;

  constructor(private readonly deps: RoomCheckpointsDeps) {
    this.savedCheckpointId = deps.saved?.lastUpdateId ?? 0n;
    this.savedUpdateCount = deps.saved?.updateCount ?? 0;
  }

  /** Whether the update is in the room already: in the last checkpoint, or applied since. */
  includes(id: bigint): boolean {
    return id <= this.savedCheckpointId || this.appliedIds.has(id);
  }

  recordApplied(id: bigint): void {
    this.appliedIds.add(id);
  }

  schedule(): void {
    if (this.deps.isUnloaded()) return;
    if (this.appliedIds.size >= this.deps.everyUpdates || this.deps.joinStateOutgrown()) {
      // After this turn's writes (acknowledgements, relays) have left: encoding a large board takes a while.
      if (!this.queued) {
        this.queued = true;
        setImmediate(() => {
          this.queued = false;
          if (!this.deps.isUnloaded()) this.take();
        });
      }
    } else if (!this.timer && this.appliedIds.size > 0) {
      this.timer = setTimeout(() => this.take(), this.deps.everySeconds * 1000);
      this.timer.unref();
    }
  }

  /** Soon, reads and applies whatever another instance stored that did not reach this room. */
  catchUpSoon(): void {
    if (this.run || this.deps.isUnloaded()) return;
    this.run = this.afterSettling(async (upTo) => this.catchUp(upTo))
      .catch((error: unknown) => this.deps.onError('catching up with stored updates', error))
      .finally(() => (this.run = null));
  }

  /** The room unloads: with `save`, stores a checkpoint if it holds anything new and waits for it; else abandons. */
  async finish({ save }: { save: boolean }): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (save) {
      if (this.appliedIds.size > 0) this.take();
      await this.run;
    } else {
      this.abandon();
    }
  }

  /** Shutdown: any checkpoint or catch-up in progress stops where it is (the log has everything). */
  abandon(): void {
    this.abandoned = true;
    this.endSettling?.();
  }

  private take(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.run) {
      this.again = true;
      return;
    }
    this.run = this.afterSettling((upTo) => this.write(upTo))
      .catch((error: unknown) => {
        this.deps.onError('saving a checkpoint', error);
        this.again = true;
      })
      .finally(() => {
        this.run = null;
        if (this.again && !this.deps.isUnloaded()) {
          this.again = false;
          this.schedule();
        }
      });
  }

  /**
   * Runs `work` with the newest id stored for the interview, once every write that could still
   * commit a smaller id has finished (writes have a statement timeout). Whatever the room holds
   * then, plus what it reads, is every update up to that id, whichever instance stored it.
   */
  private async afterSettling(work: (upTo: bigint) => Promise<void>): Promise<void> {
    const upTo = await this.deps.storage.latestUpdateId(this.deps.interviewId);
    const settleMs = this.deps.settleMs;
    if (settleMs > 0 && !this.abandoned) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, settleMs);
        timer.unref();
        this.endSettling = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.endSettling = null;
    }
    if (!this.abandoned) await work(upTo);
  }

  private async catchUp(upTo: bigint): Promise<void> {
    if (upTo <= this.savedCheckpointId) return;
    const missing = await this.deps.storage.updatesBetween(this.deps.interviewId, this.savedCheckpointId, upTo, [...this.appliedIds]);
    if (this.abandoned) return;
    for (const row of missing) this.deps.applyMissing(row.id, row.data, updateMessage(row.data));
  }

  /** Encodes the full state once: it becomes both the stored checkpoint and what joiners get. */
  private async write(upTo: bigint): Promise<void> {
    await this.catchUp(upTo);
    if (this.abandoned) return;
    const state = this.deps.refreshSnapshot();
    if (upTo <= this.savedCheckpointId) return;
    let included = 0;
    for (const id of this.appliedIds) if (id <= upTo) included++;
    const updateCount = this.savedUpdateCount + included;
    const stateVector = this.deps.stateVector();
    await this.deps.storage.saveCheckpoint({ interviewId: this.deps.interviewId, lastUpdateId: upTo, state, stateVector, updateCount, takenAt: new Date() });
    this.savedCheckpointId = upTo;
    this.savedUpdateCount = updateCount;
    for (const id of this.appliedIds) if (id <= upTo) this.appliedIds.delete(id);
  }
}
