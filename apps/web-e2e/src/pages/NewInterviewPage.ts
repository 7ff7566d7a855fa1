import { expect, type Locator, type Page } from '@playwright/test';
import { AppShell } from './AppShell';

export type InviteRole = 'interviewer' | 'candidate' | 'observer';

export class NewInterviewPage {
  readonly shell: AppShell;
  readonly form: Locator;
  readonly title: Locator;
  readonly date: Locator;
  readonly time: Locator;
  readonly question: Locator;
  readonly script: Locator;
  readonly addPerson: Locator;
  readonly submit: Locator;

  constructor(readonly page: Page) {
    this.shell = new AppShell(page);
    this.form = page.getByRole('form', { name: 'New interview' });
    this.title = this.form.getByLabel('Title', { exact: true });
    this.date = this.form.getByLabel('Date', { exact: true });
    this.time = this.form.getByLabel('Start time', { exact: true });
    this.question = this.form.getByLabel('Question', { exact: true });
    this.script = this.form.getByLabel('Script', { exact: true });
    this.addPerson = this.form.getByRole('button', { name: 'Add another person' });
    this.submit = this.form.getByRole('button', { name: 'Create interview' });
  }

  async goto() {
    await this.page.goto('/interviews/new');
    await this.expectLoaded();
  }

  async expectLoaded() {
    await expect(this.page).toHaveURL(/\/interviews\/new(\?.*)?$/);
    await expect(this.page.getByRole('heading', { name: 'New interview', level: 1 })).toBeVisible();
  }

  async chooseMyRole(role: 'interviewer' | 'candidate') {
    await this.form.getByRole('radio', { name: new RegExp(`^${role}`, 'i') }).check();
  }

  /** Fills invite rows in order, adding rows as needed. */
  async invite(people: Array<{ email: string; role: InviteRole }>) {
    for (const [index, person] of people.entries()) {
      const email = this.form.getByLabel(`Email of person ${index + 1}`);
      if ((await email.count()) === 0) await this.addPerson.click();
      await email.fill(person.email);
      await this.form.getByLabel(`Role of person ${index + 1}`).selectOption(person.role);
    }
  }

  /** A local date and time `daysAhead` days from now, as the date and time inputs take them. */
  async scheduleIn(daysAhead: number, time = '18:00') {
    const date = new Date(Date.now() + daysAhead * 86_400_000);
    const pad = (value: number) => String(value).padStart(2, '0');
    await this.date.fill(`${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`);
    await this.time.fill(time);
  }

  /** Submits and returns the new interview's id from the page it opens. */
  async create(): Promise<string> {
    await this.submit.click();
    await expect(this.page).toHaveURL(/\/interviews\/[0-9a-f-]{36}$/);
    return new URL(this.page.url()).pathname.split('/').pop() as string;
  }
}
