import type { User } from '@pairboard/contracts';
import type { UserRow } from './users.repository';

/** The public shape of a user: never the password hash. */
export function toUserView(row: UserRow): User {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    createdAt: row.createdAt.toISOString(),
    emailVerified: row.emailVerifiedAt !== null,
    timeZone: row.timeZone,
  };
}
