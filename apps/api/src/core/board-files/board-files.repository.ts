import { Injectable } from '@nestjs/common';
import { PrismaService } from '../../base/prisma';

export interface StoredBoardFile {
  fileId: string;
  mimeType: string;
  size: number;
  sha256: Uint8Array;
  createdAt: Date;
}

export interface NewBoardFile {
  interviewId: string;
  fileId: string;
  mimeType: string;
  data: Uint8Array<ArrayBuffer>;
  sha256: Uint8Array<ArrayBuffer>;
  uploaderId: string;
}

const DESCRIPTION = { fileId: true, mimeType: true, size: true, sha256: true, createdAt: true } as const;

/** Images of the boards in PostgreSQL, one row per interview and Excalidraw file id. */
@Injectable()
export class BoardFilesRepository {
  constructor(private readonly prisma: PrismaService) {}

  /**
   * Stores the file unless the interview already has one with this id, and returns what is stored
   * under the id either way (two uploads of the same image racing each other both end here).
   */
  async insertOrGet(file: NewBoardFile): Promise<{ stored: StoredBoardFile; created: boolean }> {
    const { count } = await this.prisma.boardFile.createMany({
      data: [{ ...file, size: file.data.length }],
      skipDuplicates: true,
    });
    const stored = await this.prisma.boardFile.findUniqueOrThrow({
      where: { interviewId_fileId: { interviewId: file.interviewId, fileId: file.fileId } },
      select: DESCRIPTION,
    });
    return { stored, created: count === 1 };
  }

  findWithData(interviewId: string, fileId: string): Promise<(StoredBoardFile & { data: Uint8Array }) | null> {
    return this.prisma.boardFile.findUnique({
      where: { interviewId_fileId: { interviewId, fileId } },
      select: { ...DESCRIPTION, data: true },
    });
  }
}
