import { expect, type Locator, type Page } from '@playwright/test';
import { AppShell } from './AppShell';

export class ProfilePage {
  readonly shell: AppShell;
  readonly name: Locator;
  readonly email: Locator;
  readonly displayName: Locator;
  readonly save: Locator;

  constructor(readonly page: Page) {
    this.shell = new AppShell(page);
    this.name = page.getByTestId('profile-name');
    this.email = page.getByTestId('profile-email');
    this.displayName = page.getByLabel('Display name');
    this.save = page.getByRole('button', { name: 'Save changes' });
  }

  async expectLoaded() {
    await expect(this.page).toHaveURL(/\/profile$/);
    await expect(this.page.getByRole('heading', { name: 'Profile', level: 1 })).toBeVisible();
    await expect(this.email).toBeVisible();
  }

  async rename(name: string) {
    await this.displayName.fill(name);
    await this.save.click();
  }
}
