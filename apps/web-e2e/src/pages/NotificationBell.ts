import { expect, type Locator, type Page } from '@playwright/test';

/** The notifications bell in the top bar and its panel. */
export class NotificationBell {
  readonly button: Locator;
  readonly panel: Locator;

  constructor(readonly page: Page) {
    this.button = page.getByRole('button', { name: /^Notifications/ });
    this.panel = page.getByRole('region', { name: 'Notifications' });
  }

  async expectUnread(count: number) {
    await expect(this.button).toHaveAccessibleName(count === 0 ? 'Notifications' : `Notifications, ${count} unread`);
  }

  async open() {
    await this.button.click();
    await expect(this.panel).toBeVisible();
  }

  item(title: string | RegExp): Locator {
    return this.panel.getByRole('button', { name: title });
  }
}
