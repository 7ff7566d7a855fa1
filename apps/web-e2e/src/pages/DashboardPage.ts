import { expect, type Locator, type Page } from '@playwright/test';
import { AppShell } from './AppShell';

export class DashboardPage {
  readonly shell: AppShell;
  readonly interviews: Locator;
  readonly emptyState: Locator;
  readonly nextUp: Locator;
  readonly newInterview: Locator;

  constructor(readonly page: Page) {
    this.shell = new AppShell(page);
    this.interviews = page.getByRole('region', { name: 'Your interviews' });
    this.emptyState = this.interviews.getByRole('heading', { name: 'No interviews yet' });
    this.nextUp = page.getByRole('region', { name: 'Next up' });
    this.newInterview = page.getByRole('link', { name: 'New interview' }).first();
  }

  /**
   * Waits until the dashboard is shown, i.e. the session refresh on load has finished: navigating
   * away earlier would cancel it after the server rotated the cookie.
   */
  async goto() {
    await this.page.goto('/');
    await this.expectLoaded();
  }

  /** The Upcoming, Live or Past list. */
  section(name: 'Upcoming' | 'Live' | 'Past'): Locator {
    return this.interviews.getByRole('region', { name: new RegExp(`^${name}`) });
  }

  async expectLoaded() {
    await expect(this.page).toHaveURL(/\/$/);
    await expect(this.interviews).toBeVisible();
  }
}
