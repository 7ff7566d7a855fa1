export * from './board.module';
