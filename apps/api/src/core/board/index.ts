export * from './board.module';
// Replay stores its seek points in the board's checkpoints through the board's own storage.
export { BoardRepository } from './board.repository';
