import { Module } from '@nestjs/common';
import { JobsModule } from '../../base/jobs';
import { InterviewsModule } from '../interviews';
import { NotificationsModule } from '../notifications';
import { RoomsModule } from '../rooms';
import { UsersModule } from '../users';
import { CalendarMailer } from './calendar-mail';
import { SchedulingController } from './scheduling.controller';
import { SchedulingListeners } from './scheduling.listeners';
import { SchedulingRepository } from './scheduling.repository';
import { SchedulingService } from './scheduling.service';
import { SessionLifecycle } from './session-lifecycle';

/** Invitations, reschedules and cancellations, and the jobs around every scheduled session. */
@Module({
  imports: [InterviewsModule, NotificationsModule, RoomsModule, UsersModule, JobsModule],
  controllers: [SchedulingController],
  providers: [SchedulingRepository, SchedulingService, SessionLifecycle, CalendarMailer, SchedulingListeners],
  exports: [SessionLifecycle],
})
export class SchedulingModule {}
