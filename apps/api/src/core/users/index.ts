export * from './users.module';
export * from './users.repository';
export * from './user.view';
export * from './user-lifecycle';
export * from './hourly-quota';
