export * from './scheduling.module';
export { SessionLifecycle } from './session-lifecycle';
