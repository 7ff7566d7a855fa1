export * from './scripts.module';
export * from './scripts.service';
