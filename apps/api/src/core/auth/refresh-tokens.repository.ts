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
   * the token was rotated or revoked in the meantime (a concurrent reuse), so exactly one caller
   * wins. `beforeCommit` runs once the token is claimed and the successor written, still inside the
   * transaction: a concurrent loser, which waits on the row lock, sees whatever it did.
   */
  rotate(
    current: RefreshTokenRow,
    next: { tokenHash: string; expiresAt: Date },
    beforeCommit: () => Promise<void>,
  ): Promise<RefreshTokenRow | null> {
    return this.prisma.$transaction(async (tx) => {
      const claimed = await tx.refreshToken.updateMany({
        where: { id: current.id, rotatedAt: null, revokedAt: null },
        data: { rotatedAt: new Date() },
      });
      if (claimed.count === 0) return null;
      const successor = await tx.refreshToken.create({
        data: { userId: current.userId, familyId: current.familyId, tokenHash: next.tokenHash, expiresAt: next.expiresAt },
      });
      await beforeCommit();
      return successor;
    });
  }

  async revokeFamily(familyId: string): Promise<void> {
    await this.prisma.refreshToken.updateMany({ where: { familyId, revokedAt: null }, data: { revokedAt: new Date() } });
  }

  /** Revokes every family of a person that is not revoked yet; returns their ids. */
  async revokeAllOfUser(userId: string): Promise<string[]> {
    return this.prisma.$transaction(async (tx) => {
      const live = await tx.refreshToken.findMany({ where: { userId, revokedAt: null }, select: { familyId: true }, distinct: ['familyId'] });
      const familyIds = live.map((row) => row.familyId);
      if (familyIds.length > 0) await tx.refreshToken.updateMany({ where: { familyId: { in: familyIds }, revokedAt: null }, data: { revokedAt: new Date() } });
      return familyIds;
    });
  }

  /** A family is signed in while its newest token is neither revoked nor expired. */
  async isFamilyLive(familyId: string, userId: string): Promise<boolean> {
    const live = await this.prisma.refreshToken.findFirst({
      where: { familyId, userId, rotatedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
      select: { id: true },
    });
    return live !== null;
  }

  /** Which of these families are still signed in. */
  async liveFamilies(familyIds: string[]): Promise<Set<string>> {
    if (familyIds.length === 0) return new Set();
    const rows = await this.prisma.refreshToken.findMany({
      where: { familyId: { in: familyIds }, rotatedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
      select: { familyId: true },
      distinct: ['familyId'],
    });
    return new Set(rows.map((row) => row.familyId));
  }
}
