export * from './users.module';
export * from './users.service';
export type { UserRow } from './users.repository';
export * from './user.view';
export * from './user-lifecycle';
export * from './hourly-quota';
