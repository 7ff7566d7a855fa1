import { Injectable } from '@nestjs/common';
import { UserRow, UsersRepository } from './users.repository';

/**
 * Accounts as every other capability sees them. The users table has this capability as its one
 * writer: others read and change accounts only through here.
 */
@Injectable()
export class UsersService {
  constructor(private readonly users: UsersRepository) {}

  findById(id: string): Promise<UserRow | null> {
    return this.users.findById(id);
  }

  findByEmail(email: string): Promise<UserRow | null> {
    return this.users.findByEmail(email);
  }

  /** Whether the account at `email` has proven it; only such accounts are linked to invitations. */
  findVerifiedByEmail(email: string): Promise<UserRow | null> {
    return this.users.findVerifiedByEmail(email);
  }

  /** Null when the email is taken. */
  create(data: { email: string; name: string; passwordHash: string; timeZone?: string | null }): Promise<UserRow | null> {
    return this.users.create(data);
  }

  /** Creates the user unless the email exists; never changes an existing account (used by the seed). */
  createUnlessExists(data: { email: string; name: string; passwordHash: string; emailVerifiedAt?: Date }): Promise<UserRow> {
    return this.users.upsertByEmail(data);
  }

  /** Marks the address proven, once; null when the account's email is no longer `email` or it already was. */
  markEmailVerified(id: string, email: string, at: Date): Promise<UserRow | null> {
    return this.users.markEmailVerified(id, email, at);
  }

  /** Changes what is given (name, time zone) and leaves the rest. */
  updateProfile(id: string, changes: { name?: string; timeZone?: string }): Promise<UserRow> {
    return this.users.updateProfile(id, changes);
  }

  updatePasswordHash(id: string, passwordHash: string): Promise<void> {
    return this.users.updatePasswordHash(id, passwordHash);
  }
}
