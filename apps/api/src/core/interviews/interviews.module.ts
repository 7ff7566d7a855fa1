import { Module } from '@nestjs/common';
import { ContentModule } from '../content';
import { HourlyQuota } from '../users';
import { InterviewsController } from './interviews.controller';
import { InterviewsRepository } from './interviews.repository';
import { InterviewsService } from './interviews.service';

@Module({
  imports: [ContentModule],
  controllers: [InterviewsController],
  providers: [InterviewsService, InterviewsRepository, HourlyQuota],
  exports: [InterviewsService],
})
export class InterviewsModule {}
