/** A document update to append to the board's log (the recording). */
export interface NewBoardUpdate {
  interviewId: string;
  authorId: string | null;
  data: Uint8Array;
  /** Y.encodeStateVector of the clocks the update reaches; left out by writers that do not know them */
  endClocks?: Uint8Array;
  receivedAt: Date;
}

export interface BoardCheckpoint {
  interviewId: string;
  /** the checkpoint holds every update of the interview with an id up to this one */
  lastUpdateId: bigint;
  state: Uint8Array;
  /** Y.encodeStateVector of `state`, so a room can send step 1 before decoding `state` */
  stateVector: Uint8Array;
  /** how many updates of the interview the checkpoint holds, from the first */
  updateCount: number;
  takenAt: Date;
}

export interface StoredBoard {
  /** `stateVector` is null for checkpoints written before it was stored */
  checkpoint: (Pick<BoardCheckpoint, 'lastUpdateId' | 'state' | 'updateCount'> & { stateVector: Uint8Array | null }) | null;
  /** updates after the checkpoint, in id order (`endClocks` null where none were stored) */
  updates: { id: bigint; data: Uint8Array; endClocks: Uint8Array | null }[];
}

/** What the board needs from a database; the room and the log get it injected, tests use a fake. */
export interface BoardStorage {
  /** Appends the rows in one statement; returns their ids in the same order. */
  appendUpdates(rows: readonly NewBoardUpdate[]): Promise<bigint[]>;
  /** The latest checkpoint and every update after it. */
  load(interviewId: string): Promise<StoredBoard>;
  saveCheckpoint(checkpoint: BoardCheckpoint): Promise<void>;
  /** The newest committed update id of the interview, 0 when it has none. */
  latestUpdateId(interviewId: string): Promise<bigint>;
  /** Updates with afterId < id <= upToId, in id order, leaving out the ids in `except`. */
  updatesBetween(interviewId: string, afterId: bigint, upToId: bigint, except: readonly bigint[]): Promise<{ id: bigint; data: Uint8Array }[]>;
}
