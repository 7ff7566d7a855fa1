import { Body, Controller, Get, Param, Post, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiResponse, ApiTags } from '@nestjs/swagger';
import { BOARD_FILE_UPLOAD_PART, boardFileIdSchema, type BoardFileRecord } from '@pairboard/contracts';
import type { Response } from 'express';
import { AppError } from '../../base/errors';
import { AuthenticatedUser, CurrentUser } from '../auth';
import { BoardFileRecordDto, BoardFileUploadFieldsDto } from './board-files.dto';
import { BoardFileContent, BoardFilesService } from './board-files.service';

/** Images never change under their id (Excalidraw derives the id from the bytes). */
const IMMUTABLE = 'private, max-age=31536000, immutable';

@ApiTags('board')
@ApiBearerAuth()
@Controller('interviews/:id/files')
export class BoardFilesController {
  constructor(private readonly files: BoardFilesService) {}

  /** multipart/form-data: a `fileId` field, then the image in the part `file` (size limit in BoardFilesModule). */
  @Post()
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['fileId', BOARD_FILE_UPLOAD_PART],
      properties: {
        fileId: { type: 'string', pattern: '^[A-Za-z0-9_-]{1,128}$', description: "Excalidraw's id for the file" },
        [BOARD_FILE_UPLOAD_PART]: { type: 'string', format: 'binary', description: 'PNG, JPEG, GIF or WebP; at most BOARD_FILE_MAX_BYTES' },
      },
    },
  })
  @ApiResponse({ status: 201, type: BoardFileRecordDto, description: 'stored' })
  @ApiResponse({ status: 200, type: BoardFileRecordDto, description: 'the same image was already stored' })
  @UseInterceptors(FileInterceptor(BOARD_FILE_UPLOAD_PART))
  async upload(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id') interviewId: string,
    @Body() fields: BoardFileUploadFieldsDto,
    @UploadedFile() file: Express.Multer.File | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<BoardFileRecord> {
    if (!file) throw new AppError('VALIDATION_FAILED', 'Attach the image as the part "file".', [{ path: 'file', message: 'Required' }]);
    const { record, created } = await this.files.upload(interviewId, user.id, fields.fileId, file.buffer);
    response.status(created ? 201 : 200);
    return record;
  }

  @Get(':fileId')
  @ApiResponse({ status: 200, description: 'the image bytes with their stored Content-Type' })
  async read(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id') interviewId: string,
    @Param('fileId') fileId: string,
    @Res() response: Response,
  ): Promise<void> {
    if (!boardFileIdSchema.safeParse(fileId).success) throw new AppError('NOT_FOUND', 'No such file.');
    sendBoardFile(response, await this.files.read(interviewId, user.id, fileId));
  }
}

/** Answers with an image's stored bytes, for participants and share-link holders alike. */
export function sendBoardFile(response: Response, file: BoardFileContent): void {
  response.setHeader('Content-Type', file.mimeType);
  // The stored type came from the bytes; browsers must not second-guess it into something runnable.
  response.setHeader('X-Content-Type-Options', 'nosniff');
  response.setHeader('Content-Disposition', 'inline');
  response.setHeader('Cache-Control', IMMUTABLE);
  response.setHeader('ETag', `"${file.sha256}"`);
  response.status(200).end(Buffer.from(file.data.buffer, file.data.byteOffset, file.data.byteLength));
}
