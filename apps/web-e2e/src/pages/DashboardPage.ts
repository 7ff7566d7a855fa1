import { expect, type Locator, type Page } from '@playwright/test';
import { AppShell } from './AppShell';

export class DashboardPage {
  readonly shell: AppShell;
  readonly interviews: Locator;
  readonly emptyState: Locator;
  readonly nextUp: Locator;
  readonly newInterview: Locator;
  /** Interviews the person was invited to and has not answered. */
  readonly invitations: Locator;
  readonly verifyEmailBanner: Locator;

  constructor(readonly page: Page) {
    this.shell = new AppShell(page);
    this.interviews = page.getByRole('region', { name: 'Your interviews' });
    this.emptyState = this.interviews.getByRole('heading', { name: 'No interviews yet' });
    this.nextUp = page.getByRole('region', { name: 'Next up' });
    this.newInterview = page.getByRole('link', { name: 'New interview' }).first();
    this.invitations = page.getByRole('region', { name: 'Interview invitations' });
    this.verifyEmailBanner = this.shell.verifyEmailBanner;
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

  /** The row of an interview invitation, by title. */
  invitation(title: string): Locator {
    return this.invitations.getByTestId('interview-invitation').filter({ hasText: title });
  }

  async expectLoaded() {
    await expect(this.page).toHaveURL(/\/$/);
    await expect(this.interviews).toBeVisible();
  }
}
