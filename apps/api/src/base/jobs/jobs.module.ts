import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { makeCounterProvider } from '@willsoto/nestjs-prometheus';
import { JOBS_PROCESSED, JobsService } from './jobs.service';

/** Background jobs on BullMQ. Import it where jobs are scheduled; handlers anywhere are discovered. */
@Module({
  imports: [DiscoveryModule],
  providers: [
    JobsService,
    makeCounterProvider({ name: JOBS_PROCESSED, help: 'Jobs run by this instance, by job name and outcome', labelNames: ['name', 'outcome'] }),
  ],
  exports: [JobsService],
})
export class JobsModule {}
