import { Module } from '@nestjs/common';
import { JobsModule } from '../../base/jobs';
import { AuthModule } from '../auth';
import { BoardRepository } from '../board';
import { BoardFilesModule } from '../board-files';
import { InterviewsModule } from '../interviews';
import { BoardTimelines } from './board-timelines';
import { ReplayJobs } from './replay.jobs';
import { ReplayRepository } from './replay.repository';
import { ReplayService } from './replay.service';
import { ReviewAccess } from './review-access';
import { ReviewController } from './review.controller';
import { SeekIndex } from './seek-index';
import { SharedReplayController } from './shared-replay.controller';
import { ShareLinksService } from './share-links.service';

/** Recording and review: timeline, board at any instant, the update log for playback, share links. */
@Module({
  imports: [AuthModule, BoardFilesModule, InterviewsModule, JobsModule],
  controllers: [ReviewController, SharedReplayController],
  // The board's storage for seek points: the board server itself is not loaded in the worker, where they are written.
  providers: [BoardRepository, ReplayRepository, ReviewAccess, SeekIndex, BoardTimelines, ReplayService, ShareLinksService, ReplayJobs],
  exports: [SeekIndex],
})
export class ReviewModule {}
