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

/** What an interview may hold in images altogether. */
export interface BoardFilesQuota {
  maxBytes: number;
  maxFiles: number;
}

export type InsertOutcome =
  | { kind: 'stored'; stored: StoredBoardFile; created: boolean }
  | { kind: 'over-quota'; usedBytes: number; files: number };

/** Images of the boards in PostgreSQL, one row per interview and Excalidraw file id. */
@Injectable()
export class BoardFilesRepository {
  constructor(private readonly prisma: PrismaService) {}

  /**
   * Stores the file unless the interview already has one with this id, and returns what is stored
   * under the id either way (two uploads of the same image racing each other both end here). A new
   * file that would take the interview past its quota is not stored. Uploads to one interview take
   * turns (a transaction-scoped advisory lock), so two at once cannot both squeeze under the quota.
   */
  insertOrGet(file: NewBoardFile, quota: BoardFilesQuota): Promise<InsertOutcome> {
    const where = { interviewId_fileId: { interviewId: file.interviewId, fileId: file.fileId } };
    return this.prisma.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`board-files:${file.interviewId}`}, 0))`;
      const existing = await tx.boardFile.findUnique({ where, select: DESCRIPTION });
      if (existing) return { kind: 'stored', stored: existing, created: false };
      const usage = await tx.boardFile.aggregate({ where: { interviewId: file.interviewId }, _sum: { size: true }, _count: true });
      const usedBytes = usage._sum.size ?? 0;
      if (usage._count + 1 > quota.maxFiles || usedBytes + file.data.length > quota.maxBytes) {
        return { kind: 'over-quota', usedBytes, files: usage._count };
      }
      const stored = await tx.boardFile.create({ data: { ...file, size: file.data.length }, select: DESCRIPTION });
      return { kind: 'stored', stored, created: true };
    });
  }

  findWithData(interviewId: string, fileId: string): Promise<(StoredBoardFile & { data: Uint8Array }) | null> {
    return this.prisma.boardFile.findUnique({
      where: { interviewId_fileId: { interviewId, fileId } },
      select: { ...DESCRIPTION, data: true },
    });
  }
}
