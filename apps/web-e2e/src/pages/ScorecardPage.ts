import { expect, type Locator, type Page } from '@playwright/test';

/** `/interviews/:id/scorecard`: the interviewer's form, or the candidate's read-only result. */
export class ScorecardPage {
  readonly saveState: Locator;
  readonly submit: Locator;
  readonly reopen: Locator;

  constructor(readonly page: Page) {
    this.saveState = page.getByRole('status').filter({ hasText: /^(Saving…|Saved|Draft|Not saved|Offline, retrying…)$/ });
    this.submit = page.getByRole('button', { name: 'Submit…' });
    this.reopen = page.getByRole('button', { name: 'Reopen' });
  }

  async goto(interviewId: string) {
    await this.page.goto(`/interviews/${interviewId}/scorecard`);
  }

  dimension(name: string): Locator {
    return this.page.getByRole('region', { name });
  }

  async score(dimension: string, score: 1 | 2 | 3 | 4) {
    await this.dimension(dimension).getByRole('radiogroup', { name: `${dimension} score` }).getByRole('radio', { name: new RegExp(`^${score} – `) }).check({ force: true });
  }

  async pickNote(dimension: string, noteText: string) {
    const region = this.dimension(dimension);
    await region.getByRole('button', { name: 'Add evidence' }).click();
    await region.getByRole('checkbox', { name: new RegExp(noteText) }).check();
  }

  /** The wording the candidate will read for a picked note: it starts as the note, word for word. */
  sharedWording(dimension: string): Locator {
    return this.dimension(dimension).getByRole('textbox', { name: /^Shared from your note/ });
  }

  preview(dimension: string): Locator {
    return this.dimension(dimension).getByRole('group', { name: `What the candidate reads for ${dimension}` });
  }

  async recommend(label: 'Strong no' | 'No' | 'Yes' | 'Strong yes') {
    await this.page.getByRole('radiogroup', { name: 'Recommendation' }).getByRole('radio', { name: label, exact: true }).check();
  }

  async writeFeedback(text: string) {
    await this.page.getByRole('textbox', { name: 'Feedback', exact: true }).fill(text);
  }

  async submitWithConfirmation() {
    await this.submit.click();
    const dialog = this.page.getByRole('alertdialog', { name: 'Submit the scorecard?' });
    await dialog.getByRole('button', { name: 'Submit scorecard' }).click();
    await expect(this.page.getByText('Submitted', { exact: true })).toBeVisible();
  }
}
