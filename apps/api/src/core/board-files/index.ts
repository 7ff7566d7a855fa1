export * from './board-files.module';
