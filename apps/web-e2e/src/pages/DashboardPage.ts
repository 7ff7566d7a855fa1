import { expect, type Locator, type Page } from '@playwright/test';
import { AppShell } from './AppShell';

export class DashboardPage {
  readonly shell: AppShell;
  readonly interviews: Locator;
  readonly emptyState: Locator;

  constructor(readonly page: Page) {
    this.shell = new AppShell(page);
    this.interviews = page.getByRole('region', { name: 'Your interviews' });
    this.emptyState = this.interviews.getByRole('heading', { name: 'No interviews yet' });
  }

  async goto() {
    await this.page.goto('/');
  }

  async expectLoaded() {
    await expect(this.page).toHaveURL(/\/$/);
    await expect(this.interviews).toBeVisible();
  }
}
