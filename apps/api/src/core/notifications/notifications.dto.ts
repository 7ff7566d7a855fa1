import { notificationListQuerySchema, notificationListSchema, unreadCountSchema } from '@pairboard/contracts';
import { createZodDto } from 'nestjs-zod';

export class NotificationListQueryDto extends createZodDto(notificationListQuerySchema) {}
export class NotificationListDto extends createZodDto(notificationListSchema) {}
export class UnreadCountDto extends createZodDto(unreadCountSchema) {}
