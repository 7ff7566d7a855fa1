import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig, ConfigModule } from './base/config';
import { HealthModule } from './base/health/health.module';
import { LoggingModule } from './base/logging';
import { MetricsModule } from './base/metrics/metrics.module';
import { PrismaModule } from './base/prisma';
import { RedisModule } from './base/redis';
import { WebAppModule } from './base/web/web-app.module';
import { AuthModule } from './core/auth';
import { ContentModule } from './core/content';
import { BoardEndedRelayModule, BoardModule } from './core/board';
import { BoardFilesModule } from './core/board-files';
import { EventsModule } from './core/events';
import { InterviewsModule } from './core/interviews';
import { PairingModule } from './core/pairing';
import { ReviewModule } from './core/review';
import { RoomsModule } from './core/rooms';
import { ScoringModule } from './core/scoring';
import { AdminModule } from './core/admin';
import { NotificationsModule } from './core/notifications';
import { SchedulingModule } from './core/scheduling';

import { ScriptsModule } from './core/scripts';

/** `worker`: the job workers only (`npm run worker`), without the web app and the admin dashboard. */
export type ProcessRole = 'api' | 'worker';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, role: ProcessRole = 'api'): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule,
        PrismaModule,
        RedisModule,
        MetricsModule,
        HealthModule,
        EventsModule,
        AuthModule,
        ContentModule,
        ScriptsModule,
        InterviewsModule,
        // The board server needs the HTTP server; it has no jobs, so the worker goes without it.
        ...(role === 'api' ? [BoardModule, BoardFilesModule] : [BoardEndedRelayModule]),
        RoomsModule,
        NotificationsModule,
        SchedulingModule,
        ScoringModule,
        PairingModule,
        ReviewModule,
        ...(role === 'api' ? [AdminModule, WebAppModule.forRoot(config.WEB_DIST)] : []),
      ],
    };
  }
}
