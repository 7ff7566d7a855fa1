import { Injectable } from '@nestjs/common';
import { PrismaService } from '../../base/prisma';
import type { RefreshToken } from '../../base/prisma';

export type RefreshTokenRow = RefreshToken;

@Injectable()
export class RefreshTokensRepository {
  constructor(private readonly prisma: PrismaService) {}

  create(data: { userId: string; familyId: string; tokenHash: string; expiresAt: Date }): Promise<RefreshTokenRow> {
    return this.prisma.refreshToken.create({ data });
  }

  findByHash(tokenHash: string): Promise<RefreshTokenRow | null> {
    return this.prisma.refreshToken.findUnique({ where: { tokenHash } });
  }

  /**
   * Marks a live token as rotated and issues its successor in one transaction. Returns null when
   * the token was rotated or revoked in the meantime (a concurrent reuse), so exactly one caller wins.
   */
  rotate(current: RefreshTokenRow, next: { tokenHash: string; expiresAt: Date }): Promise<RefreshTokenRow | null> {
    return this.prisma.$transaction(async (tx) => {
      const claimed = await tx.refreshToken.updateMany({
        where: { id: current.id, rotatedAt: null, revokedAt: null },
        data: { rotatedAt: new Date() },
      });
      if (claimed.count === 0) return null;
      return tx.refreshToken.create({
        data: { userId: current.userId, familyId: current.familyId, tokenHash: next.tokenHash, expiresAt: next.expiresAt },
      });
    });
  }

  async revokeFamily(familyId: string): Promise<void> {
    await this.prisma.refreshToken.updateMany({ where: { familyId, revokedAt: null }, data: { revokedAt: new Date() } });
  }
}
