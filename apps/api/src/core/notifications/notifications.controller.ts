import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { NotificationList, UnreadCount } from '@pairboard/contracts';
import { AuthenticatedUser, CurrentUser } from '../auth';
import { NotificationListDto, NotificationListQueryDto, UnreadCountDto } from './notifications.dto';
import { NotificationsService } from './notifications.service';

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @ApiResponse({ status: 200, type: NotificationListDto })
  list(@CurrentUser() user: AuthenticatedUser, @Query() query: NotificationListQueryDto): Promise<NotificationList> {
    return this.notifications.list(user.id, query);
  }

  @Post('read-all')
  @HttpCode(200)
  @ApiResponse({ status: 200, type: UnreadCountDto })
  readAll(@CurrentUser() user: AuthenticatedUser): Promise<UnreadCount> {
    return this.notifications.markAllRead(user.id);
  }

  @Post(':id/read')
  @HttpCode(200)
  @ApiResponse({ status: 200, type: UnreadCountDto })
  read(@CurrentUser() user: AuthenticatedUser, @Param('id') id: string): Promise<UnreadCount> {
    return this.notifications.markRead(user.id, id);
  }
}
