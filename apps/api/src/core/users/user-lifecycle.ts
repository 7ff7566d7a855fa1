import { Injectable } from '@nestjs/common';
import type { UserRow } from './users.repository';

type VerifiedListener = (user: UserRow) => Promise<void>;
type VerificationMailListener = (user: UserRow, token: string, expiresAt: Date) => Promise<void>;

/**
 * Lets capabilities react to accounts without the auth capability depending on them: attaching
 * pending interview invites once an address is proven (`verified` — never on mere sign-up, since
 * anyone can register any address), and sending the verification email.
 */
@Injectable()
export class UserLifecycle {
  private readonly verifiedListeners: VerifiedListener[] = [];
  private readonly verificationMailListeners: VerificationMailListener[] = [];

  onVerified(listener: VerifiedListener): void {
    this.verifiedListeners.push(listener);
  }

  async verified(user: UserRow): Promise<void> {
    for (const listener of this.verifiedListeners) await listener(user);
  }

  onVerificationMail(listener: VerificationMailListener): void {
    this.verificationMailListeners.push(listener);
  }

  /** Hands a fresh verification token to whoever sends mail; throws when sending failed. */
  async verificationMail(user: UserRow, token: string, expiresAt: Date): Promise<void> {
    for (const listener of this.verificationMailListeners) await listener(user, token, expiresAt);
  }
}
