import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig, ConfigModule } from './base/config';
import { HealthModule } from './base/health/health.module';
import { LoggingModule } from './base/logging/logging.module';
import { MetricsModule } from './base/metrics/metrics.module';
import { PrismaModule } from './base/prisma';
import { RedisModule } from './base/redis';
import { WebAppModule } from './base/web/web-app.module';
import { AuthModule } from './core/auth';
import { ContentModule } from './core/content';
import { BoardModule } from './core/board';
import { EventsModule } from './core/events';
import { InterviewsModule } from './core/interviews';
import { ReviewModule } from './core/review';
import { RoomsModule } from './core/rooms';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
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
        InterviewsModule,
        BoardModule,
        RoomsModule,
        ReviewModule,
        WebAppModule.forRoot(config.WEB_DIST),
      ],
    };
  }
}
