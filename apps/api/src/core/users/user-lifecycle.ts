import { Injectable } from '@nestjs/common';
import type { UserRow } from './users.repository';

type RegisteredListener = (user: UserRow) => Promise<void>;

/**
 * Lets capabilities react to a new account (e.g. attaching pending interview invites) without the
 * auth capability depending on them.
 */
@Injectable()
export class UserLifecycle {
  private readonly registeredListeners: RegisteredListener[] = [];

  onRegistered(listener: RegisteredListener): void {
    this.registeredListeners.push(listener);
  }

  async registered(user: UserRow): Promise<void> {
    for (const listener of this.registeredListeners) await listener(user);
  }
}
