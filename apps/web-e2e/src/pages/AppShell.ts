import { expect, type Locator, type Page } from '@playwright/test';

/** The top bar every signed-in page shares. */
export class AppShell {
  readonly topBar: Locator;
  readonly accountMenuButton: Locator;
  /** Asks a person whose email is not verified yet to open the link we sent. */
  readonly verifyEmailBanner: Locator;
  /** Shown instead of the links on narrow screens. */
  readonly menuButton: Locator;
  readonly nav: Locator;

  constructor(readonly page: Page) {
    this.topBar = page.getByRole('banner');
    this.accountMenuButton = page.getByRole('button', { name: /^Account menu for / });
    this.verifyEmailBanner = page.getByTestId('verify-email-banner');
    this.menuButton = page.getByRole('button', { name: 'Menu', exact: true });
    this.nav = page.getByRole('navigation', { name: 'Main' });
  }

  navLink(name: string): Locator {
    return this.nav.getByRole('link', { name, exact: true });
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
