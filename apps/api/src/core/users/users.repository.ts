import { Injectable } from '@nestjs/common';
import { PrismaService, Prisma } from '../../base/prisma';
import type { User as UserRow } from '../../base/prisma';

export type { UserRow };

@Injectable()
export class UsersRepository {
  constructor(private readonly prisma: PrismaService) {}

  findByEmail(email: string): Promise<UserRow | null> {
    return this.prisma.user.findUnique({ where: { email } });
  }

  findById(id: string): Promise<UserRow | null> {
    return this.prisma.user.findUnique({ where: { id } });
  }

  /** Returns null when the email is taken (unique violation), so callers need no Prisma error codes. */
  async create(data: { email: string; name: string; passwordHash: string; timeZone?: string | null }): Promise<UserRow | null> {
    try {
      return await this.prisma.user.create({ data });
    } catch (error) {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') return null;
      throw error;
    }
  }

  /** Creates the user unless the email exists; never changes an existing account (used by the seed). */
  upsertByEmail(data: { email: string; name: string; passwordHash: string; emailVerifiedAt?: Date }): Promise<UserRow> {
    return this.prisma.user.upsert({ where: { email: data.email }, create: data, update: {} });
  }

  /** Whether the account at `email` has proven it; only such accounts are linked to invitations. */
  async findVerifiedByEmail(email: string): Promise<UserRow | null> {
    const row = await this.findByEmail(email);
    return row?.emailVerifiedAt ? row : null;
  }

  /** Marks the address proven, once; null when the account's email is no longer `email` or it already was. */
  async markEmailVerified(id: string, email: string, at: Date): Promise<UserRow | null> {
    const { count } = await this.prisma.user.updateMany({ where: { id, email, emailVerifiedAt: null }, data: { emailVerifiedAt: at } });
    return count === 1 ? this.findById(id) : null;
  }

  updateProfile(id: string, changes: { name?: string; timeZone?: string }): Promise<UserRow> {
    return this.prisma.user.update({ where: { id }, data: changes });
  }

  async updatePasswordHash(id: string, passwordHash: string): Promise<void> {
    await this.prisma.user.update({ where: { id }, data: { passwordHash } });
  }
}
