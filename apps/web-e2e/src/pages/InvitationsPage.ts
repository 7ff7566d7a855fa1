import { expect, type Locator, type Page } from '@playwright/test';

/** /invitations: the invite form and the list of invitations. */
export class InvitationsPage {
  readonly form: Locator;
  readonly list: Locator;

  constructor(readonly page: Page) {
    this.form = page.getByRole('form', { name: 'Invite someone' });
    this.list = page.getByRole('list', { name: 'Invitations' });
  }

  async goto() {
    await this.page.goto('/invitations');
    await expect(this.page.getByRole('heading', { name: 'Invitations', level: 1 })).toBeVisible();
  }

  /** Fills and sends the form for `daysAhead` days from today at `time` (local); resolves to the interview id. */
  async invite(email: string, daysAhead: number, time: string, message: string): Promise<string> {
    const day = new Date();
    day.setDate(day.getDate() + daysAhead);
    const date = `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}`;
    await this.form.getByLabel('Their email').fill(email);
    await this.form.getByLabel('Date', { exact: true }).fill(date);
    await this.form.getByLabel('Start time').fill(time);
    await this.form.getByLabel('Message (optional)').fill(message);
    await this.form.getByRole('button', { name: 'Send invitation' }).click();
    await this.page.waitForURL(/\/interviews\/[0-9a-f-]{36}$/);
    return new URL(this.page.url()).pathname.split('/').pop() as string;
  }
}
