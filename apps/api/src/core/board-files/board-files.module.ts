import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { memoryStorage } from 'multer';
import { APP_CONFIG, AppConfig } from '../../base/config';
import { InterviewsModule } from '../interviews';
import { BoardFilesController } from './board-files.controller';
import { BoardFilesRepository } from './board-files.repository';
import { BoardFilesService } from './board-files.service';

@Module({
  imports: [
    InterviewsModule,
    MulterModule.registerAsync({
      inject: [APP_CONFIG],
      // One image and one short field per request; anything past the limits is refused while it
      // streams in (a file over BOARD_FILE_MAX_BYTES is a 413) rather than after it is buffered.
      useFactory: (config: AppConfig) => ({
        storage: memoryStorage(),
        limits: { fileSize: config.BOARD_FILE_MAX_BYTES, files: 1, fields: 4, fieldSize: 1024, parts: 6 },
      }),
    }),
  ],
  controllers: [BoardFilesController],
  providers: [BoardFilesService, BoardFilesRepository],
  exports: [BoardFilesService],
})
export class BoardFilesModule {}
