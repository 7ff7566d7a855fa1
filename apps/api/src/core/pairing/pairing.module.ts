import { Module } from '@nestjs/common';
import { JobsModule } from '../../base/jobs';
import { InterviewsModule } from '../interviews';
import { ScoringModule } from '../scoring';
import { PairingController, ShowUpRecordController } from './pairing.controller';
import { PairingJobs } from './pairing.jobs';
import { PairingRepository } from './pairing.repository';
import { PairingJobsScheduler } from './pairing.scheduler';
import { PairingService } from './pairing.service';

/** Pairing requests, the matchmaker and its jobs. */
@Module({
  imports: [InterviewsModule, JobsModule, ScoringModule],
  controllers: [PairingController, ShowUpRecordController],
  providers: [PairingRepository, PairingService, PairingJobsScheduler, PairingJobs],
  exports: [PairingService],
})
export class PairingModule {}
