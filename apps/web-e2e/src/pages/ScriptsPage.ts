import { expect, type Locator, type Page } from '@playwright/test';
import { AppShell } from './AppShell';

/** The list of built-in scripts and the user's own. */
export class ScriptsPage {
  readonly shell: AppShell;
  readonly cards: Locator;
  readonly mine: Locator;
  readonly builtIn: Locator;

  constructor(readonly page: Page) {
    this.shell = new AppShell(page);
    this.cards = page.getByTestId('script-card');
    this.mine = page.getByRole('region', { name: 'Your scripts' });
    this.builtIn = page.getByRole('region', { name: 'Built in' });
  }

  async goto() {
    await this.page.goto('/scripts');
    await this.expectLoaded();
  }

  async expectLoaded() {
    await expect(this.page.getByRole('heading', { name: 'Scripts', level: 1 })).toBeVisible();
    await expect(this.builtIn.getByTestId('script-card').first()).toBeVisible();
  }

  /** The built-in card marked Default. */
  defaultScript(): Locator {
    return this.builtIn.getByTestId('script-card').filter({ hasText: 'Default' });
  }
}

/** The editor of one of the user's scripts. */
export class ScriptEditorPage {
  readonly form: Locator;
  readonly phases: Locator;
  readonly total: Locator;
  readonly save: Locator;

  constructor(readonly page: Page) {
    this.form = page.getByRole('form', { name: 'Script editor' });
    this.phases = this.form.getByTestId('phase-editor');
    this.total = this.form.getByTestId('script-total');
    this.save = this.form.getByRole('button', { name: 'Save', exact: true });
  }

  async expectLoaded() {
    await expect(this.page).toHaveURL(/\/scripts\/[a-z0-9-]+\/edit$/);
    await expect(this.phases.first()).toBeVisible();
  }

  phase(index: number): Locator {
    return this.phases.nth(index);
  }

  async phaseNames(): Promise<string[]> {
    const names: string[] = [];
    for (let index = 0; index < (await this.phases.count()); index += 1) {
      names.push(await this.phase(index).getByLabel('Name', { exact: true }).inputValue());
    }
    return names;
  }

  minutes(index: number): Locator {
    return this.phase(index).getByLabel('Minutes', { exact: true });
  }

  async moveUp(name: string) {
    await this.form.getByRole('button', { name: `Move ${name} up` }).click();
  }
}
