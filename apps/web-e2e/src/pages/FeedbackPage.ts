import { expect, type Page } from '@playwright/test';

/** `/interviews/:id/feedback`: the candidate rates the interviewer; the interviewer reads it. */
export class FeedbackPage {
  constructor(readonly page: Page) {}

  async goto(interviewId: string) {
    await this.page.goto(`/interviews/${interviewId}/feedback`);
  }

  async rate(aspect: 'Preparedness' | 'Clarity of hints' | 'Helpfulness', stars: 1 | 2 | 3 | 4 | 5) {
    await this.page.getByRole('radio', { name: `${aspect}: ${stars} of 5` }).check({ force: true });
  }

  async send(comment: string) {
    await this.page.getByRole('textbox', { name: /Anything they should know/ }).fill(comment);
    await this.page.getByRole('button', { name: 'Send rating' }).click();
    await expect(this.page.getByText('Thanks — your rating is saved.')).toBeVisible();
  }
}
