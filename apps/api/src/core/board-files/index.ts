export * from './board-files.module';
export { BoardFilesService } from './board-files.service';
export { sendBoardFile } from './board-files.controller';
