/** A document update to append to the board's log (the recording). */
export interface NewBoardUpdate {
  interviewId: string;
  authorId: string | null;
  data: Uint8Array;
  receivedAt: Date;
}

export interface BoardCheckpoint {
  interviewId: string;
  /** the checkpoint holds every update of the interview with an id up to this one */
  lastUpdateId: bigint;
  state: Uint8Array;
  /** how many updates of the interview the checkpoint holds, from the first */
  updateCount: number;
  takenAt: Date;
}

export interface StoredBoard {
  checkpoint: Pick<BoardCheckpoint, 'lastUpdateId' | 'state' | 'updateCount'> | null;
  /** updates after the checkpoint, in id order */
  updates: { id: bigint; data: Uint8Array }[];
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
