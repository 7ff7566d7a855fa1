import { Inject, Injectable } from '@nestjs/common';
import { BOARD_FILE_MIME_TYPES, type BoardFileMimeType, type BoardFileRecord } from '@pairboard/contracts';
import { createHash } from 'node:crypto';
import { APP_CONFIG, AppConfig } from '../../base/config';
import { AppError } from '../../base/errors';
import { InterviewsService } from '../interviews';
import { BoardFilesRepository, type BoardFilesQuota, type StoredBoardFile } from './board-files.repository';
import { checkImageDimensions, type ImageBounds } from './image-dimensions';
import { detectImageType } from './image-type';

export interface BoardFileContent {
  mimeType: string;
  data: Uint8Array;
  /** hex SHA-256 of the bytes, a strong ETag */
  sha256: string;
}

/** Images on the board: who may put them there and who may see them. */
@Injectable()
export class BoardFilesService {
  private readonly quota: BoardFilesQuota;
  private readonly bounds: ImageBounds;

  constructor(
    private readonly interviews: InterviewsService,
    private readonly files: BoardFilesRepository,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.quota = { maxBytes: config.BOARD_FILES_MAX_BYTES_PER_INTERVIEW, maxFiles: config.BOARD_FILES_MAX_PER_INTERVIEW };
    this.bounds = { maxSide: config.BOARD_IMAGE_MAX_SIDE, maxPixels: config.BOARD_IMAGE_MAX_PIXELS };
  }

  /**
   * Stores an image for the board and returns the record the document refers to it by. Uploading
   * the same bytes under the same id again answers with the record already stored; other bytes
   * under a taken id are a conflict, since every client already shows the first ones. An image
   * that would take the interview past its quota (bytes or number of images) is a 413.
   */
  async upload(
    interviewId: string,
    userId: string,
    fileId: string,
    data: Buffer,
  ): Promise<{ record: BoardFileRecord; created: boolean }> {
    const access = await this.interviews.accessFor(interviewId, userId);
    if (!access.exists || access.role === null) throw new AppError('NOT_FOUND', 'No such interview.');
    if (access.role === 'observer') throw new AppError('FORBIDDEN', 'Observers cannot change the board.');
    if (data.length === 0) throw new AppError('VALIDATION_FAILED', 'The file is empty.', [{ path: 'file', message: 'Empty file' }]);
    const mimeType = detectImageType(data);
    if (mimeType === null) {
      throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Only PNG, JPEG, GIF and WebP images can be put on the board.', {
        accepted: BOARD_FILE_MIME_TYPES,
      });
    }
    this.assertDimensions(data);
    const sha256 = createHash('sha256').update(data).digest();
    const outcome = await this.files.insertOrGet(
      {
        interviewId,
        fileId,
        mimeType,
        data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength) as Uint8Array<ArrayBuffer>,
        sha256: new Uint8Array(sha256),
        uploaderId: userId,
      },
      this.quota,
    );
    if (outcome.kind === 'over-quota') {
      const full = outcome.files >= this.quota.maxFiles;
      throw new AppError(
        'PAYLOAD_TOO_LARGE',
        full
          ? `This board already holds ${outcome.files} images, the most one interview may have.`
          : `This image would take the board's images past ${formatMiB(this.quota.maxBytes)}; it already holds ${formatMiB(outcome.usedBytes)}.`,
        { maxBytes: this.quota.maxBytes, usedBytes: outcome.usedBytes, maxFiles: this.quota.maxFiles, files: outcome.files },
      );
    }
    const { stored, created } = outcome;
    if (!Buffer.from(stored.sha256).equals(sha256)) {
      throw new AppError('CONFLICT', 'Another image is already stored under this file id.', [{ path: 'fileId', message: 'Taken by other bytes' }]);
    }
    return { record: toRecord(stored), created };
  }

  private assertDimensions(data: Uint8Array): void {
    const verdict = checkImageDimensions(data, this.bounds);
    if (verdict.ok) return;
    if (verdict.reason === 'unreadable') {
      throw new AppError('VALIDATION_FAILED', 'The image cannot be read.', [{ path: 'file', message: 'Its header is damaged or incomplete' }]);
    }
    const { maxSide, maxPixels } = this.bounds;
    throw new AppError(
      'PAYLOAD_TOO_LARGE',
      `This image is ${verdict.width} × ${verdict.height} pixels; the board takes at most ${maxSide} pixels per side and ${formatMegapixels(maxPixels)} in all.`,
      { width: verdict.width, height: verdict.height, maxSide, maxPixels },
    );
  }

  /** The stored image, for any participant (observers included); 404 for everyone else. */
  async read(interviewId: string, userId: string, fileId: string): Promise<BoardFileContent> {
    const access = await this.interviews.accessFor(interviewId, userId);
    if (!access.exists || access.role === null) throw new AppError('NOT_FOUND', 'No such file.');
    return this.readAuthorised(interviewId, fileId);
  }

  /** For a caller who already proved access to the interview some other way (a share link). */
  async readAuthorised(interviewId: string, fileId: string): Promise<BoardFileContent> {
    const file = await this.files.findWithData(interviewId, fileId);
    if (!file) throw new AppError('NOT_FOUND', 'No such file.');
    return { mimeType: file.mimeType, data: file.data, sha256: Buffer.from(file.sha256).toString('hex') };
  }
}

function formatMiB(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MiB`;
}

function toRecord(stored: StoredBoardFile): BoardFileRecord {
  return {
    id: stored.fileId,
    mimeType: stored.mimeType as BoardFileMimeType,
    size: stored.size,
    created: stored.createdAt.getTime(),
  };
}

function formatMegapixels(pixels: number): string {
  return `${Math.round((pixels / 1_000_000) * 10) / 10} megapixels`;
}
