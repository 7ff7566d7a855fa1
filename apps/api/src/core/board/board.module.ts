import { Module } from '@nestjs/common';
import { AuthModule } from '../auth';
import { InterviewsModule } from '../interviews';
import { BoardEndedRelay, BoardFanout } from './board.fanout';
import { BoardGateway } from './board.gateway';
import { BoardMetrics, boardMetricProviders } from './board.metrics';
import { BoardRepository } from './board.repository';
import { BoardService } from './board.service';

/** Live board sync at /yjs/<interviewId> (y-websocket protocol), with the board's update log. */
@Module({
  imports: [AuthModule, InterviewsModule],
  providers: [...boardMetricProviders, BoardMetrics, BoardRepository, BoardFanout, BoardService, BoardGateway],
})
export class BoardModule {}

/** The worker's part of the board: telling the API instances which boards became read-only. */
@Module({ providers: [BoardEndedRelay] })
export class BoardEndedRelayModule {}
