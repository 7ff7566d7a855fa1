import { Injectable } from '@nestjs/common';
import { JobContext, JobHandler, JobPayload, JobReconciler } from '../../base/jobs';
import { RoomClockService } from './room-clock.service';
import { RoomEvents } from './room-events';

/** The room's background jobs: phase auto-advance, and its reconciler. */
@Injectable()
export class RoomsJobs {
  constructor(
    private readonly clock: RoomClockService,
    private readonly events: RoomEvents,
  ) {}

  @JobHandler('rooms.autoAdvance')
  async autoAdvance(payload: JobPayload<'rooms.autoAdvance'>, context: JobContext): Promise<void> {
    const update = await this.clock.autoAdvance(payload, context);
    if (update) this.events.clock(payload.interviewId, update);
  }

  @JobReconciler()
  reconcileAutoAdvance(): Promise<number> {
    return this.clock.reconcileAutoAdvance();
  }
}
