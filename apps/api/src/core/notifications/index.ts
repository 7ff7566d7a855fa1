export * from './notifications.module';
export * from './notifications.service';
export { NotificationEvents } from './notification-events';
export type { NotificationFacts } from './notification-content';
export { calendarInvite, calendarUid } from './calendar';
