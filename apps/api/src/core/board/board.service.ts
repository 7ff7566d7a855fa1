import { Inject, Injectable, Logger } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { copyBytes, parseClientMessage } from '@pairboard/board-protocol';
import type { Interview } from '@pairboard/contracts';
import { participantColor, participantLabel } from '@pairboard/interview-domain';
import { APP_CONFIG, AppConfig } from '../../base/config';
import { DomainEvent, DomainEventPayloads } from '../events';
import { InterviewsService } from '../interviews';
import { BoardIdentity, BoardPeer } from './board-peer';
import { BoardRoom, BoardRoomDeps, BoardRoomObserver, BoardRoomOptions } from './board-room';
import { BoardUpdateLog } from './board-update-log';
import { BoardFanout, FanoutListener } from './board.fanout';
import { BoardMetrics } from './board.metrics';
import { BOARD_WRITE_TIMEOUT_MS, BoardRepository } from './board.repository';

export function boardRoomOptions(config: AppConfig): BoardRoomOptions {
  return {
    maxMessageBytes: config.BOARD_MAX_MESSAGE_BYTES,
    updatesPerSecond: config.BOARD_UPDATES_PER_SECOND,
    updateBurst: config.BOARD_UPDATE_BURST,
    maxConnectionsPerUser: config.BOARD_MAX_CONNECTIONS_PER_USER,
    checkpointEveryUpdates: config.BOARD_CHECKPOINT_EVERY_UPDATES,
    checkpointEverySeconds: config.BOARD_CHECKPOINT_EVERY_SECONDS,
    checkpointSettleMs: BOARD_WRITE_TIMEOUT_MS + 1000,
    awarenessIntervalMs: config.BOARD_AWARENESS_INTERVAL_MS,
  };
}

/** Fan-out messages for a board still loading wait for it, up to this many. */
const MAX_WAITING_REMOTE = 1000;

/**
 * The live boards of this instance: loads a room on its first connection, unloads it once nobody
 * is connected and everything it accepted is stored, owns the shared group-commit log, and links
 * rooms to the same boards on other instances.
 */
@Injectable()
export class BoardService {
  private readonly logger = new Logger('Board');
  private readonly rooms = new Map<string, BoardRoom>();
  private readonly loading = new Map<string, Promise<BoardRoom>>();
  private readonly waitingRemote = new Map<string, ((room: BoardRoom) => void)[]>();
  private readonly unloading = new Map<BoardRoom, Promise<void>>();
  private readonly log: BoardUpdateLog;
  private readonly deps: BoardRoomDeps;

  constructor(
    private readonly repository: BoardRepository,
    private readonly fanout: BoardFanout,
    private readonly metrics: BoardMetrics,
    private readonly interviews: InterviewsService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.log = new BoardUpdateLog(repository, {
      onWrite: (rows, seconds) => {
        metrics.batchSize.observe(rows);
        metrics.writeSeconds.observe(seconds);
      },
      onWriteFailed: (error, rows, retryInMs) =>
        this.logger.error(`storing ${rows} board updates failed, retrying in ${retryInMs} ms: ${describe(error)}`),
      onSinkError: (error) => this.logger.error(`handling stored board updates failed: ${describe(error)}`),
    });
    const observer: BoardRoomObserver = {
      onRefused: (room, peer, code, reason) =>
        this.logger.warn(`board ${room.interviewId}: closed a connection of user ${peer.userId} with ${code}: ${reason}`),
      onApplied: (room, updates) => {
        metrics.updates.inc(updates.length);
        if (this.fanout.shared(room.interviewId)) {
          for (const update of updates) this.fanout.publishUpdate(room.interviewId, update.id, update.relay);
        }
      },
      onAwareness: (room, message, userId) => {
        if (this.fanout.shared(room.interviewId)) this.fanout.publishAwareness(room.interviewId, message, userId);
      },
      onIdle: (room) => this.unload(room, { checkpoint: true }),
      onError: (room, what, error) => this.logger.error(`board ${room.interviewId}: ${what} failed: ${describe(error)}`),
    };
    this.deps = { log: this.log, storage: repository, options: boardRoomOptions(config), observer };
    this.fanout.start(this.remoteListener(), () => this.rooms.keys());
  }

  /**
   * Puts an authorised connection into its interview's room, loading the room first if needed.
   * Null when the room refused it (and closed it).
   */
  async join(interviewId: string, peer: BoardPeer): Promise<BoardRoom | null> {
    const interview = await this.interviews.getForParticipant(interviewId, peer.userId);
    const identity = identityOf(interview, peer.userId);
    for (;;) {
      const room = this.rooms.get(interviewId) ?? (await this.load(interviewId));
      // It may have been unloaded while this connection waited for it to load.
      if (room.isUnloaded) continue;
      // A room loaded before the end learns it from the event; one loaded after, from the row.
      if (interview.status === 'ended') room.end();
      return room.join(peer, identity) ? room : null;
    }
  }

  /**
   * The room clock ended the interview (an interviewer, or the scheduler at the planned end): the
   * board becomes read-only here and on every other instance that has it loaded.
   */
  @OnEvent(DomainEvent.interviewEnded)
  interviewEnded({ interviewId }: DomainEventPayloads['interview.ended']): void {
    this.endRoom(interviewId);
    this.fanout.publishEnded(interviewId);
  }

  /** Ends the board's room if it is loaded or loading here; a later load reads the ended row. */
  private endRoom(interviewId: string): void {
    this.rooms.get(interviewId)?.end();
    void this.loading.get(interviewId)?.then(
      (room) => room.end(),
      () => undefined,
    );
  }

  /** Resolves once every update accepted so far is stored, or after `timeoutMs`; false on timeout. */
  async drain(timeoutMs: number): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)));
    try {
      return await Promise.race([this.log.idle().then(() => true), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Shutdown: gives up on unstored updates (logged) and unloads every room without waiting for checkpoints. */
  async close(): Promise<void> {
    const lost = this.log.abandon();
    if (lost > 0) this.logger.error(`shutting down with ${lost} board updates not stored`);
    for (const room of this.rooms.values()) this.unload(room, { checkpoint: false });
    for (const room of this.unloading.keys()) room.abandon();
    await Promise.allSettled([...this.unloading.values()]);
    await this.fanout.stop();
    await this.repository.close();
  }

  private load(interviewId: string): Promise<BoardRoom> {
    let loading = this.loading.get(interviewId);
    if (!loading) {
      loading = this.fanout
        .open(interviewId)
        .then(() => BoardRoom.load(interviewId, this.deps))
        .then((room) => {
          this.rooms.set(interviewId, room);
          this.metrics.rooms.set(this.rooms.size);
          for (const deliver of this.waitingRemote.get(interviewId) ?? []) deliver(room);
          return room;
        })
        .finally(() => {
          this.loading.delete(interviewId);
          this.waitingRemote.delete(interviewId);
        });
      this.loading.set(interviewId, loading);
    }
    return loading;
  }

  private unload(room: BoardRoom, { checkpoint }: { checkpoint: boolean }): void {
    if (this.rooms.get(room.interviewId) !== room || (checkpoint && !room.idle)) return;
    this.rooms.delete(room.interviewId);
    this.metrics.rooms.set(this.rooms.size);
    this.fanout.close(room.interviewId);
    const unloading = room
      .unload({ checkpoint })
      .catch((error: unknown) => this.logger.error(`board ${room.interviewId}: unloading failed: ${describe(error)}`))
      .finally(() => this.unloading.delete(room));
    this.unloading.set(room, unloading);
  }

  private remoteListener(): FanoutListener {
    const withRoom = (interviewId: string, deliver: (room: BoardRoom) => void) => {
      const room = this.rooms.get(interviewId);
      if (room) return deliver(room);
      if (!this.loading.has(interviewId)) return;
      const waiting = this.waitingRemote.get(interviewId) ?? [];
      if (waiting.length < MAX_WAITING_REMOTE) this.waitingRemote.set(interviewId, [...waiting, deliver]);
    };
    return {
      update: (interviewId, id, relay) => {
        const message = copyBytes(relay);
        const parsed = safeParse(message);
        if (parsed?.kind === 'update') withRoom(interviewId, (room) => room.applyRemoteUpdate(id, parsed.update, message));
      },
      awareness: (interviewId, relay, userId) => {
        const message = copyBytes(relay);
        const parsed = safeParse(message);
        if (parsed?.kind === 'awareness') withRoom(interviewId, (room) => room.applyRemoteAwareness(message, parsed.update, userId));
      },
      // Whatever it stored before either side knew of the other reaches this room from the log.
      instanceJoined: (interviewId) => withRoom(interviewId, (room) => room.catchUpSoon()),
      ended: (interviewId) => this.endRoom(interviewId),
    };
  }
}

/** What others see of a connection in awareness, from the account and the participant list. */
function identityOf(interview: Interview, userId: string): BoardIdentity {
  const me = interview.participants.find((participant) => participant.userId === userId);
  // The transport admitted a participant; one removed meanwhile still never shows a chosen name.
  return {
    id: userId,
    name: participantLabel(userId, interview.participants) ?? 'Participant',
    color: participantColor(userId),
    role: me?.role ?? 'observer',
  };
}

function safeParse(message: Uint8Array): ReturnType<typeof parseClientMessage> | null {
  try {
    return parseClientMessage(message);
  } catch {
    return null;
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
