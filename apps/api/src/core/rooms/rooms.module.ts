import { Module } from '@nestjs/common';
import { JobsModule } from '../../base/jobs';
import { AuthModule } from '../auth';
import { InterviewsModule } from '../interviews';
import { RoomClockService } from './room-clock.service';
import { RoomConnectionLimit } from './room-connection-limit';
import { RoomEvents } from './room-events';
import { RoomsRedisAdapter } from './rooms-redis-adapter';
import { RoomsController } from './rooms.controller';
import { RoomsGateway } from './rooms.gateway';
import { RoomsJobs } from './rooms.jobs';
import { RoomsListeners } from './rooms.listeners';
import { RoomsMetrics, roomsMetricProviders } from './rooms.metrics';
import { RoomsRepository } from './rooms.repository';
import { RoomsService } from './rooms.service';

/** The live interview room: socket.io `/rooms`, the phase clock, hints, notes, chat, checklist, presence. */
@Module({
  imports: [AuthModule, InterviewsModule, JobsModule],
  controllers: [RoomsController],
  providers: [
    ...roomsMetricProviders,
    RoomsMetrics,
    RoomsRepository,
    RoomsService,
    RoomClockService,
    RoomConnectionLimit,
    RoomEvents,
    RoomsRedisAdapter,
    RoomsGateway,
    RoomsJobs,
    RoomsListeners,
  ],
  exports: [RoomClockService],
})
export class RoomsModule {}
