import { Injectable } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { JobHandler, JobPayload } from '../../base/jobs';
import { DomainEvent, DomainEventPayloads } from '../events';
import { SeekIndex } from './seek-index';

/** Builds an interview's seek index once it ends (and whenever a seek found too long a tail). */
@Injectable()
export class ReplayJobs {
  constructor(private readonly seek: SeekIndex) {}

  @OnEvent(DomainEvent.interviewEnded)
  onInterviewEnded(payload: DomainEventPayloads['interview.ended']): void {
    this.seek.requestIndex(payload.interviewId);
  }

  @JobHandler('replay.indexBoard')
  async indexBoard(payload: JobPayload<'replay.indexBoard'>): Promise<void> {
    await this.seek.extend(payload.interviewId);
  }
}
