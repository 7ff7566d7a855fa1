import { Module } from '@nestjs/common';
import { ContentModule } from '../content';
import { InterviewsModule } from '../interviews';
import { ProgressController, ScoringController } from './scoring.controller';
import { ScoringRepository } from './scoring.repository';
import { ScoringService } from './scoring.service';

@Module({
  imports: [ContentModule, InterviewsModule],
  controllers: [ScoringController, ProgressController],
  providers: [ScoringService, ScoringRepository],
  exports: [ScoringService],
})
export class ScoringModule {}
