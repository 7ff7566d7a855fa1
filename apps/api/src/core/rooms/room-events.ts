import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import type { ChatMessage, Note, Presence, RequirementItem, RevealedHint, ServerToClientEvents, ViewportEvent } from '@pairboard/contracts';
import type { Namespace, Socket } from 'socket.io';
import type { DefaultEventsMap } from 'socket.io/dist/typed-events';
import type { ClockUpdate } from './room-clock.service';
import { RoomSocketData, summarizePresence } from './room-presence';

export type RoomsNamespace = Namespace<DefaultEventsMap, ServerToClientEvents, DefaultEventsMap, RoomSocketData>;

/** socket.io rooms of one interview. Notes go only to the interviewers' room. */
export const roomChannels = {
  everyone: (interviewId: string) => `interview:${interviewId}`,
  interviewers: (interviewId: string) => `interview:${interviewId}:interviewers`,
  presenter: (interviewId: string) => `interview:${interviewId}:presenter`,
  followersOf: (interviewId: string, userId: string) => `interview:${interviewId}:followers:${userId}`,
};

/**
 * Emits room events to every instance's sockets through the Redis adapter. Used by the gateway and
 * by job handlers (an auto-advance may run on an instance none of the room's sockets is on).
 */
@Injectable()
export class RoomEvents implements OnModuleDestroy {
  private readonly logger = new Logger('RoomEvents');
  private namespace: RoomsNamespace | null = null;
  private readonly presenceRuns = new Map<string, { again: boolean; done: Promise<void> }>();

  attach(namespace: RoomsNamespace): void {
    this.namespace = namespace;
  }

  /**
   * Shutting down: nothing more is broadcast (clients rejoin elsewhere and get the whole state),
   * so no publish reaches the adapter's Redis connection after it closed.
   */
  async onModuleDestroy(): Promise<void> {
    this.namespace = null;
    await Promise.allSettled([...this.presenceRuns.values()].map((run) => run.done));
  }

  clock(interviewId: string, update: ClockUpdate): void {
    this.room(interviewId)?.emit('clock:state', { clock: update.clock, change: update.change, serverTime: Date.now() });
  }

  hintRevealed(interviewId: string, hint: RevealedHint): void {
    this.room(interviewId)?.emit('hint:revealed', { hint });
  }

  noteSaved(interviewId: string, note: Note): void {
    this.interviewers(interviewId)?.emit('note:saved', { note });
  }

  noteDeleted(interviewId: string, noteId: string): void {
    this.interviewers(interviewId)?.emit('note:deleted', { noteId });
  }

  requirements(interviewId: string, items: RequirementItem[]): void {
    this.room(interviewId)?.emit('requirements:state', { items });
  }

  chat(interviewId: string, message: ChatMessage): void {
    this.room(interviewId)?.emit('chat:message', { message });
  }

  /** Volatile: a follower that is behind gets the next position, not a backlog. */
  viewport(socket: Socket, interviewId: string, viewport: ViewportEvent): void {
    if (this.namespace) socket.volatile.to(roomChannels.followersOf(interviewId, viewport.userId)).emit('viewport', viewport);
  }

  /**
   * Who is in the room across all instances, from the sockets' own data; only this instance's
   * sockets when the others cannot be asked (Redis away).
   */
  async presence(interviewId: string): Promise<Presence> {
    if (!this.namespace) return { participants: [], presenterId: null };
    const room = roomChannels.everyone(interviewId);
    const sockets = await this.namespace
      .in(room)
      .fetchSockets()
      .catch((error: unknown) => {
        this.logger.warn(`presence of ${interviewId} from this instance only: ${error instanceof Error ? error.message : String(error)}`);
        return this.namespace?.local.in(room).fetchSockets() ?? [];
      });
    return summarizePresence(sockets, roomChannels.presenter(interviewId));
  }

  /**
   * Sends the room its presence. Runs for one interview are serialised on this instance, and a
   * change during a run triggers one more, so the last presence sent is never older than the last
   * change made here.
   */
  publishPresence(interviewId: string): Promise<void> {
    const running = this.presenceRuns.get(interviewId);
    if (running) {
      running.again = true;
      return running.done;
    }
    const run = { again: false, done: Promise.resolve() };
    run.done = (async () => {
      try {
        do {
          run.again = false;
          const presence = await this.presence(interviewId);
          this.room(interviewId)?.emit('presence', presence);
        } while (run.again);
      } finally {
        this.presenceRuns.delete(interviewId);
      }
    })();
    this.presenceRuns.set(interviewId, run);
    return run.done;
  }

  /**
   * Stops everyone but `socketId` presenting, on every instance. This instance's sockets leave at
   * once (the adapter applies its own broadcast later, after presence may have been read).
   */
  releasePresenter(interviewId: string, socketId: string): void {
    if (!this.namespace) return;
    const room = roomChannels.presenter(interviewId);
    this.namespace.local.in(room).except(socketId).socketsLeave(room);
    this.namespace.in(room).except(socketId).socketsLeave(room);
  }

  private room(interviewId: string) {
    if (!this.namespace) this.logger.debug(`no socket server here; event for ${interviewId} not sent`);
    return this.namespace?.to(roomChannels.everyone(interviewId));
  }

  private interviewers(interviewId: string) {
    return this.namespace?.to(roomChannels.interviewers(interviewId));
  }
}
