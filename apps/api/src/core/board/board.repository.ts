import { Inject, Injectable } from '@nestjs/common';
import { Pool } from 'pg';
import { APP_CONFIG, AppConfig } from '../../base/config';
import { PrismaService } from '../../base/prisma';
import type { BoardCheckpoint, BoardStorage, NewBoardUpdate, StoredBoard } from '@pairboard/board-protocol';

/** No board write runs longer than this (server-side statement timeout). */
export const BOARD_WRITE_TIMEOUT_MS = 10_000;

/**
 * The board's update log and checkpoints in PostgreSQL. Writes go through a small pg pool of
 * their own: appends are the hot path (hundreds of statements a second), and a multi-row INSERT
 * through pg costs about 0.2 ms of CPU against 1–2 ms through Prisma's raw query (measured here).
 * Reads of stored bytes (loading a board, catching up) go through pg too, on a second small pool
 * so that loads never hold up the group commit: Prisma's pg adapter turns every bytea into an
 * array of numbers, about 70 ms for a 2 MB checkpoint on the path of a cold join (profiled).
 */
@Injectable()
export class BoardRepository implements BoardStorage {
  private readonly pool: Pool;
  private readonly readPool: Pool;

  constructor(
    private readonly prisma: PrismaService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.pool = new Pool({
      connectionString: config.DATABASE_URL,
      max: 2,
      connectionTimeoutMillis: 3000,
      // Bounds how long a write can still commit after it started; checkpoints rely on it.
      statement_timeout: BOARD_WRITE_TIMEOUT_MS,
    });
    this.readPool = new Pool({ connectionString: config.DATABASE_URL, max: 2, connectionTimeoutMillis: 3000, statement_timeout: 30_000 });
    // A dropped idle connection is replaced on next use; failing writes are retried by the log.
    this.pool.on('error', () => undefined);
    this.readPool.on('error', () => undefined);
  }

  async appendUpdates(rows: readonly NewBoardUpdate[]): Promise<bigint[]> {
    const values: string[] = [];
    const params: unknown[] = [];
    rows.forEach((row, index) => {
      const at = index * 5;
      values.push(`($${at + 1}::uuid, $${at + 2}::uuid, $${at + 3}::bytea, $${at + 4}::bytea, $${at + 5}::timestamptz)`);
      params.push(row.interviewId, row.authorId, asBuffer(row.data), row.endClocks ? asBuffer(row.endClocks) : null, row.receivedAt);
    });
    // Ids come from the sequence in VALUES order and RETURNING lists rows in that order.
    const result = await this.pool.query<{ id: string }>(
      `INSERT INTO board_updates (interview_id, author_id, data, end_clocks, received_at) VALUES ${values.join(', ')} RETURNING id`,
      params,
    );
    return result.rows.map((row) => BigInt(row.id));
  }

  async load(interviewId: string): Promise<StoredBoard> {
    const checkpoints = await this.readPool.query<{ last_update_id: string; state: Buffer; state_vector: Buffer | null; update_count: number }>(
      'SELECT last_update_id, state, state_vector, update_count FROM board_snapshots WHERE interview_id = $1::uuid ORDER BY last_update_id DESC LIMIT 1',
      [interviewId],
    );
    const row = checkpoints.rows[0];
    const checkpoint = row
      ? { lastUpdateId: BigInt(row.last_update_id), state: row.state, stateVector: row.state_vector, updateCount: row.update_count }
      : null;
    const updates = await this.readPool.query<{ id: string; data: Buffer; end_clocks: Buffer | null }>(
      'SELECT id, data, end_clocks FROM board_updates WHERE interview_id = $1::uuid AND id > $2 ORDER BY id',
      [interviewId, (checkpoint?.lastUpdateId ?? 0n).toString()],
    );
    return {
      checkpoint,
      updates: updates.rows.map((update) => ({ id: BigInt(update.id), data: update.data, endClocks: update.end_clocks })),
    };
  }

  async saveCheckpoint(checkpoint: BoardCheckpoint): Promise<void> {
    // Through pg too: the state goes as a binary parameter, where Prisma would hex-encode megabytes
    // on the event loop of a live room.
    await this.pool.query(
      // The time of the last update it holds lets replay pick checkpoints by time.
      `INSERT INTO board_snapshots (interview_id, last_update_id, state, state_vector, update_count, taken_at, last_update_at)
       VALUES ($1::uuid, $2, $3::bytea, $4::bytea, $5, $6::timestamptz, (SELECT received_at FROM board_updates WHERE id = $2))`,
      [
        checkpoint.interviewId,
        checkpoint.lastUpdateId.toString(),
        asBuffer(checkpoint.state),
        asBuffer(checkpoint.stateVector),
        checkpoint.updateCount,
        checkpoint.takenAt,
      ],
    );
  }

  /**
   * A seek point for replay: a checkpoint with `exact`, whose state holds exactly the updates up to
   * `lastUpdateId`, kept with that update's receive time so replay can pick it by time.
   */
  async saveSeekPoint(interviewId: string, lastUpdateId: bigint, updateCount: number, state: Uint8Array, stateVector: Uint8Array): Promise<void> {
    const last = await this.prisma.boardUpdate.findUnique({ where: { id: lastUpdateId }, select: { receivedAt: true } });
    await this.prisma.boardSnapshot.create({
      data: {
        interviewId,
        lastUpdateId,
        updateCount,
        state: state as Uint8Array<ArrayBuffer>,
        stateVector: stateVector as Uint8Array<ArrayBuffer>,
        takenAt: new Date(),
        lastUpdateAt: last?.receivedAt ?? null,
        exact: true,
      },
    });
  }

  async latestUpdateId(interviewId: string): Promise<bigint> {
    const latest = await this.prisma.boardUpdate.findFirst({ where: { interviewId }, orderBy: { id: 'desc' }, select: { id: true } });
    return latest?.id ?? 0n;
  }

  async updatesBetween(interviewId: string, afterId: bigint, upToId: bigint, except: readonly bigint[]): Promise<{ id: bigint; data: Uint8Array }[]> {
    const rows = await this.readPool.query<{ id: string; data: Buffer }>(
      'SELECT id, data FROM board_updates WHERE interview_id = $1::uuid AND id > $2 AND id <= $3 AND NOT (id = ANY($4::bigint[])) ORDER BY id',
      [interviewId, afterId.toString(), upToId.toString(), except.map(String)],
    );
    return rows.rows.map((row) => ({ id: BigInt(row.id), data: row.data }));
  }

  async close(): Promise<void> {
    await Promise.all([this.pool.end(), this.readPool.end()]);
  }
}

/** pg sends Buffers as binary parameters; a Uint8Array view becomes one without copying. */
function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
