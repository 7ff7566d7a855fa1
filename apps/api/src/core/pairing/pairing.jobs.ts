import { Injectable, Logger } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { JobHandler, JobPayload, JobReconciler } from '../../base/jobs';
import { DomainEvent, DomainEventPayloads } from '../events';
import { PairingJobsScheduler } from './pairing.scheduler';
import { PairingService } from './pairing.service';

/** The matchmaker's jobs and its reaction to no-shows. */
@Injectable()
export class PairingJobs {
  private readonly logger = new Logger('Pairing');

  constructor(
    private readonly pairing: PairingService,
    private readonly scheduler: PairingJobsScheduler,
  ) {}

  @JobHandler('pairing.match')
  async match(payload: JobPayload<'pairing.match'>): Promise<void> {
    await this.pairing.matchRequest(payload.requestId);
  }

  @JobHandler('pairing.sweep')
  async sweep(): Promise<void> {
    try {
      const result = await this.pairing.sweep();
      if (result.matched > 0 || result.expired > 0) this.logger.log(`sweep: ${result.matched} matched, ${result.expired} expired`);
    } finally {
      await this.scheduler.nextSweep();
    }
  }

  /** Keeps one sweep waiting at all times, also after Redis lost its data. */
  @JobReconciler()
  ensureSweep(): Promise<void> {
    return this.scheduler.nextSweep();
  }

  @OnEvent(DomainEvent.participantsNoShow)
  async onNoShow(event: DomainEventPayloads['interview.no_show']): Promise<void> {
    if (event.presentUserIds.length === 0) return;
    await this.pairing.offerRematch(event.interviewId, event.presentUserIds);
  }
}
