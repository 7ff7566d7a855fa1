import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { BULL_BOARD_INSTANCE, BullBoardInstance, BullBoardModule, BullBoardModuleOptions } from '@bull-board/nestjs';
import { Inject, Injectable, Module, OnModuleInit } from '@nestjs/common';
import { JobsModule, JobsService } from '../../base/jobs';
import { AuthModule } from '../auth';
import { AdminAccess } from './admin-access';
import { AdminController } from './admin.controller';

export const JOB_DASHBOARD_ROUTE = '/admin/queues';

/** Puts every queue on the dashboard (the queues are JobsService's own, not @nestjs/bullmq's). */
@Injectable()
class JobDashboardQueues implements OnModuleInit {
  constructor(
    @Inject(BULL_BOARD_INSTANCE) private readonly board: BullBoardInstance,
    private readonly jobs: JobsService,
  ) {}

  onModuleInit(): void {
    for (const queue of this.jobs.allQueues()) this.board.addQueue(new BullMQAdapter(queue));
  }
}

@Module({ imports: [AuthModule], providers: [AdminAccess], exports: [AdminAccess] })
class AdminAccessModule {}

/** Operators' tools: Bull Board at /admin/queues and the dead-letter list. */
@Module({
  imports: [
    JobsModule,
    AdminAccessModule,
    BullBoardModule.forRootAsync({
      imports: [AdminAccessModule],
      inject: [AdminAccess],
      useFactory: (access: AdminAccess): BullBoardModuleOptions => ({
        route: JOB_DASHBOARD_ROUTE,
        // @bull-board/express 9.10.1 carries its own copy of @bull-board/api's types; the classes match at run time.
        adapter: ExpressAdapter as unknown as BullBoardModuleOptions['adapter'],
        middleware: access.middleware(),
      }),
    }),
  ],
  controllers: [AdminController],
  providers: [JobDashboardQueues],
})
export class AdminModule {}
