import { expect, type Locator, type Page } from '@playwright/test';

/** The Practise page: a pairing request form with a week calendar, my requests, upcoming sessions. */
export class PractisePage {
  readonly form: Locator;
  readonly requests: Locator;
  readonly sessions: Locator;
  readonly submit: Locator;
  readonly timeZone: Locator;

  constructor(readonly page: Page) {
    this.form = page.getByRole('form', { name: /pairing request/ });
    this.requests = page.getByRole('region', { name: 'My requests' });
    this.sessions = page.getByRole('region', { name: 'Upcoming sessions' });
    this.submit = this.form.getByRole('button', { name: /Find a partner|Save changes/ });
    this.timeZone = page.getByTestId('time-zone');
  }

  async goto() {
    await this.page.goto('/practise');
    await expect(this.page.getByRole('heading', { level: 1, name: 'Practise' })).toBeVisible();
    await expect(this.requests).toBeVisible();
  }

  /**
   * Drags down the column of `day` (a calendar date, YYYY-MM-DD) from `fromHour` to just before
   * `toHour`, in the browser's own time zone (moving to the next week when needed).
   */
  async selectHours(day: string, fromHour: number, toHour: number) {
    const starts = await this.page.evaluate(
      ({ day, fromHour, toHour }) => {
        const [year, month, date] = day.split('-').map(Number);
        const cells: string[] = [];
        for (let minutes = fromHour * 60; minutes < toHour * 60; minutes += 30) {
          cells.push(new Date(year, month - 1, date, 0, minutes).toISOString());
        }
        return cells;
      },
      { day, fromHour, toHour },
    );
    const cell = (start: string) => this.form.locator(`[data-start="${start}"]`);
    if ((await cell(starts[0]).count()) === 0) await this.form.getByRole('button', { name: 'Next week' }).click();
    const first = cell(starts[0]);
    const last = cell(starts[starts.length - 1]);
    // The grid opens at the hours a person is likely to want, not necessarily these: bring the
    // whole range into view, centred on its middle cell.
    await cell(starts[Math.floor(starts.length / 2)]).evaluate((element) => element.scrollIntoView({ block: 'center' }));
    const from = await first.boundingBox();
    const to = await last.boundingBox();
    if (!from || !to) throw new Error('calendar cells are not visible');
    await this.page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await this.page.mouse.down();
    await this.page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: starts.length * 3 });
    await this.page.mouse.up();
    for (const start of starts) await expect(cell(start)).toHaveAttribute('aria-pressed', 'true');
  }

  async chooseTopics(names: string[]) {
    for (const name of names) await this.form.getByRole('button', { name, exact: true }).click();
  }

  async chooseLevel(label: string) {
    await this.form.getByLabel('Level').selectOption({ label });
  }

  request(index = 0): Locator {
    return this.requests.getByTestId('request-row').nth(index);
  }
}
