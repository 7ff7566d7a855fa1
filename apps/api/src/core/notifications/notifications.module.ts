import { Module } from '@nestjs/common';
import { AuthModule } from '../auth';
import { Mailer } from './mailer';
import { NotificationEvents } from './notification-events';
import { NotificationsController } from './notifications.controller';
import { NotificationsGateway } from './notifications.gateway';
import { NotificationsRepository } from './notifications.repository';
import { NotificationsService } from './notifications.service';
import { VerificationMail } from './verification-mail';

/** The notification centre (REST + socket.io `/notifications`) and email with calendar files. */
@Module({
  imports: [AuthModule],
  controllers: [NotificationsController],
  providers: [NotificationsRepository, NotificationsService, NotificationEvents, NotificationsGateway, Mailer, VerificationMail],
  exports: [NotificationsService, NotificationEvents],
})
export class NotificationsModule {}
