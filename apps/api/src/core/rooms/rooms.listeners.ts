import { Injectable } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { DomainEvent, DomainEventPayloads } from '../events';
import { RoomEvents } from './room-events';
import { RoomsRepository } from './rooms.repository';

/** What the room does about things that happened elsewhere. */
@Injectable()
export class RoomsListeners {
  constructor(
    private readonly rooms: RoomsRepository,
    private readonly events: RoomEvents,
  ) {}

  /**
   * An interview closed by the scheduler (nobody pressed "end") still reaches the people in the
   * room at once, as the same clock update an interviewer's "end" sends.
   */
  @OnEvent(DomainEvent.interviewEnded)
  async broadcastAutomaticEnd({ interviewId, byUserId }: DomainEventPayloads['interview.ended']): Promise<void> {
    if (byUserId !== null) return;
    const record = await this.rooms.findClock(interviewId);
    if (!record || record.clock.status !== 'ended') return;
    const { clock } = record;
    this.events.clock(interviewId, {
      clock,
      change: { kind: 'ended', phaseIndex: clock.phaseIndex, at: clock.endedAt ?? Date.now(), byUserId: null, payload: {} },
    });
  }
}
