import { expect, type Locator, type Page } from '@playwright/test';

/** The top bar every signed-in page shares. */
export class AppShell {
  readonly accountMenuButton: Locator;
  /** Asks a person whose email is not verified yet to open the link we sent. */
  readonly verifyEmailBanner: Locator;

  constructor(readonly page: Page) {
    this.accountMenuButton = page.getByRole('button', { name: /^Account menu for / });
    this.verifyEmailBanner = page.getByTestId('verify-email-banner');
  }

  async expectSignedInAs(name: string) {
    await expect(this.page.getByRole('button', { name: `Account menu for ${name}` })).toBeVisible();
  }

  async openAccountMenu() {
    await this.accountMenuButton.click();
    await expect(this.page.getByRole('menu', { name: 'Account' })).toBeVisible();
  }

  async signOut() {
    await this.openAccountMenu();
    await this.page.getByRole('menuitem', { name: 'Sign out' }).click();
  }

  async openProfile() {
    await this.openAccountMenu();
    await this.page.getByRole('menuitem', { name: 'Profile' }).click();
  }
}
