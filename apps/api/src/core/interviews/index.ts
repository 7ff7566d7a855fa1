export * from './interviews.module';
export * from './interviews.service';
