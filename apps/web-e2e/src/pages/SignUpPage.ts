import type { Locator, Page } from '@playwright/test';

export interface NewUser {
  name: string;
  email: string;
  password: string;
}

export class SignUpPage {
  readonly name: Locator;
  readonly email: Locator;
  readonly password: Locator;
  readonly submit: Locator;

  constructor(readonly page: Page) {
    this.name = page.getByLabel('Name');
    this.email = page.getByLabel('Email');
    this.password = page.getByLabel('Password', { exact: true });
    this.submit = page.getByRole('button', { name: 'Create account' });
  }

  async goto() {
    await this.page.goto('/signup');
    await this.submit.waitFor();
  }

  async register(user: NewUser) {
    await this.name.fill(user.name);
    await this.email.fill(user.email);
    await this.password.fill(user.password);
    await this.submit.click();
  }
}
