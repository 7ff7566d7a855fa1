import { Injectable } from '@nestjs/common';
import { PrismaService } from '../../base/prisma';
import type { EmailVerification } from '../../base/prisma';

export type EmailVerificationRow = EmailVerification;

@Injectable()
export class EmailVerificationRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** A new link replaces the account's unused ones: only the latest email's link works. */
  async replace(data: { userId: string; email: string; tokenHash: string; expiresAt: Date }): Promise<void> {
    await this.prisma.$transaction([
      this.prisma.emailVerification.deleteMany({ where: { userId: data.userId, usedAt: null } }),
      this.prisma.emailVerification.create({ data }),
    ]);
  }

  findByHash(tokenHash: string): Promise<EmailVerificationRow | null> {
    return this.prisma.emailVerification.findUnique({ where: { tokenHash } });
  }

  /** Claims the link for one use; false when it was used (or replaced) in the meantime. */
  async claim(id: string, at: Date): Promise<boolean> {
    const { count } = await this.prisma.emailVerification.updateMany({ where: { id, usedAt: null }, data: { usedAt: at } });
    return count === 1;
  }
}
