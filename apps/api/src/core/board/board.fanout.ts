import { randomBytes } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import type Redis from 'ioredis';
import { RedisService } from '../../base/redis';
import { DomainEvent, DomainEventPayloads } from '../events';

const CHANNEL_PREFIX = 'pairboard:board:';
const INSTANCE_ID_BYTES = 16;
/** Another instance counts as present on a board until this long after its last sign of life. */
const PRESENCE_TTL_MS = 30_000;
const SUBSCRIBE_WAIT_MS = 1_000;

const enum Kind {
  Update = 1,
  Awareness = 2,
  Hello = 3,
  Here = 4,
  Bye = 5,
  Ended = 6,
}

export interface FanoutListener {
  /** another instance stored and applied this update */
  update(interviewId: string, id: bigint, relay: Uint8Array): void;
  awareness(interviewId: string, message: Uint8Array, userId: string): void;
  /** an instance not seen on this board before announced itself */
  instanceJoined(interviewId: string): void;
  /** the interview ended on another instance: the board is read-only from now on */
  ended(interviewId: string): void;
}

/**
 * Tells the API instances that an interview ended, from a process without the board server (the
 * worker, where the scheduler closes sessions at their planned end): they make its board read-only.
 */
@Injectable()
export class BoardEndedRelay {
  private readonly instanceId = randomBytes(INSTANCE_ID_BYTES);

  constructor(private readonly redis: RedisService) {}

  @OnEvent(DomainEvent.interviewEnded)
  async interviewEnded({ interviewId }: DomainEventPayloads['interview.ended']): Promise<void> {
    await this.redis.client.publish(CHANNEL_PREFIX + interviewId, Buffer.concat([Buffer.of(Kind.Ended), this.instanceId]));
  }
}

/**
 * Board traffic between API instances over Redis pub/sub: one channel per interview, this
 * instance's id on every message so it ignores its own. Publishes updates and awareness only while
 * another instance has the board loaded (instances say hello on load, here every few seconds,
 * bye on unload), so a single instance pays nothing. Best effort by design: with Redis away each
 * instance still stores everything, and rooms catch up from PostgreSQL at their next checkpoint.
 */
@Injectable()
export class BoardFanout {
  private readonly logger = new Logger('BoardFanout');
  private readonly instanceId = randomBytes(INSTANCE_ID_BYTES);
  private readonly remotes = new Map<string, Map<string, number>>();
  private subscriber: Redis | null = null;
  private listener: FanoutListener | null = null;
  private heartbeat: NodeJS.Timeout | null = null;
  private warned = false;

  constructor(private readonly redis: RedisService) {}

  start(listener: FanoutListener, boards: () => Iterable<string>): void {
    this.listener = listener;
    this.heartbeat = setInterval(() => {
      for (const interviewId of boards()) this.publish(interviewId, Kind.Here);
    }, PRESENCE_TTL_MS / 3);
    this.heartbeat.unref();
  }

  /** Subscribes to the board's channel (waiting at most a second) and announces this instance. */
  async open(interviewId: string): Promise<void> {
    const subscriber = this.connectSubscriber();
    let timer: NodeJS.Timeout | undefined;
    const wait = new Promise<void>((resolve) => (timer = setTimeout(resolve, SUBSCRIBE_WAIT_MS)));
    await Promise.race([subscriber.subscribe(CHANNEL_PREFIX + interviewId).catch((error: unknown) => this.warn(error)), wait]);
    clearTimeout(timer);
    this.publish(interviewId, Kind.Hello);
  }

  close(interviewId: string): void {
    this.publish(interviewId, Kind.Bye);
    this.remotes.delete(interviewId);
    this.subscriber?.unsubscribe(CHANNEL_PREFIX + interviewId).catch(() => undefined);
  }

  /** Whether another instance has this board loaded. */
  shared(interviewId: string): boolean {
    const instances = this.remotes.get(interviewId);
    if (!instances) return false;
    const now = Date.now();
    for (const [instance, seenAt] of instances) if (now - seenAt > PRESENCE_TTL_MS) instances.delete(instance);
    return instances.size > 0;
  }

  publishUpdate(interviewId: string, id: bigint, relay: Uint8Array): void {
    const header = Buffer.alloc(8);
    header.writeBigUInt64BE(id);
    this.publish(interviewId, Kind.Update, header, relay);
  }

  publishAwareness(interviewId: string, message: Uint8Array, userId: string): void {
    const user = Buffer.from(userId, 'utf8');
    this.publish(interviewId, Kind.Awareness, Buffer.of(user.length), user, message);
  }

  /**
   * Sent whether or not another instance is known to have the board: an instance that loaded it
   * a moment ago may not have said hello yet, and missing this would leave its board writable.
   */
  publishEnded(interviewId: string): void {
    this.publish(interviewId, Kind.Ended);
  }

  async stop(): Promise<void> {
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = null;
    this.subscriber?.disconnect();
    this.subscriber = null;
  }

  private connectSubscriber(): Redis {
    if (!this.subscriber) {
      this.subscriber = this.redis.client.duplicate();
      this.subscriber.on('error', (error: unknown) => this.warn(error));
      this.subscriber.on('ready', () => (this.warned = false));
      this.subscriber.on('messageBuffer', (channel: Buffer, message: Buffer) => this.receive(channel.toString().slice(CHANNEL_PREFIX.length), message));
    }
    return this.subscriber;
  }

  private publish(interviewId: string, kind: Kind, ...parts: Uint8Array[]): void {
    const message = Buffer.concat([Buffer.of(kind), this.instanceId, ...parts]);
    this.redis.client.publish(CHANNEL_PREFIX + interviewId, message).catch((error: unknown) => this.warn(error));
  }

  private receive(interviewId: string, message: Buffer): void {
    if (message.length < 1 + INSTANCE_ID_BYTES || !this.listener) return;
    const instance = message.subarray(1, 1 + INSTANCE_ID_BYTES);
    if (instance.equals(this.instanceId)) return;
    const body = message.subarray(1 + INSTANCE_ID_BYTES);
    switch (message[0] as Kind) {
      case Kind.Hello:
      case Kind.Here: {
        const known = this.seen(interviewId, instance.toString('hex'));
        // Tell a newcomer this instance has the board too.
        if (message[0] === Kind.Hello) this.publish(interviewId, Kind.Here);
        if (!known) this.listener.instanceJoined(interviewId);
        return;
      }
      case Kind.Ended:
        this.listener.ended(interviewId);
        return;
      case Kind.Bye:
        this.remotes.get(interviewId)?.delete(instance.toString('hex'));
        return;
      case Kind.Update:
        if (body.length < 8) return;
        this.seen(interviewId, instance.toString('hex'));
        this.listener.update(interviewId, body.readBigUInt64BE(0), body.subarray(8));
        return;
      case Kind.Awareness: {
        const length = body[0] ?? 0;
        if (body.length < 1 + length) return;
        this.seen(interviewId, instance.toString('hex'));
        this.listener.awareness(interviewId, body.subarray(1 + length), body.subarray(1, 1 + length).toString('utf8'));
        return;
      }
    }
  }

  /** Records a sign of life; true when the instance was already known on this board. */
  private seen(interviewId: string, instance: string): boolean {
    let instances = this.remotes.get(interviewId);
    if (!instances) this.remotes.set(interviewId, (instances = new Map()));
    const known = instances.has(instance);
    instances.set(instance, Date.now());
    return known;
  }

  private warn(error: unknown): void {
    // Redis being away is reported by health; say it once here, not per message.
    if (this.warned) return;
    this.warned = true;
    this.logger.warn(`board fan-out through Redis failed (live sync between instances paused): ${error instanceof Error ? error.message : String(error)}`);
  }
}
