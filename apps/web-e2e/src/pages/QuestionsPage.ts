import { expect, type Locator, type Page } from '@playwright/test';
import { AppShell } from './AppShell';

/** The question bank: search, filters and the list of cards. */
export class QuestionsPage {
  readonly shell: AppShell;
  readonly search: Locator;
  readonly level: Locator;
  readonly topic: Locator;
  readonly count: Locator;
  readonly cards: Locator;

  constructor(readonly page: Page) {
    this.shell = new AppShell(page);
    const filters = page.getByRole('search', { name: 'Filter questions' });
    this.search = filters.getByLabel('Search');
    this.level = filters.getByLabel('Level');
    this.topic = filters.getByLabel('Topic');
    this.count = page.getByText(/^\d+ questions?$/);
    this.cards = page.getByRole('list', { name: 'Questions' }).getByRole('article');
  }

  async goto() {
    await this.page.goto('/questions');
    await this.expectLoaded();
  }

  async expectLoaded() {
    await expect(this.page.getByRole('heading', { name: 'Questions', level: 1 })).toBeVisible();
  }

  card(title: string): Locator {
    return this.cards.filter({ has: this.page.getByRole('link', { name: title, exact: true }) });
  }
}

/** One question: prompt, requirements, and the interviewer material folded away. */
export class QuestionDetailPage {
  readonly practise: Locator;
  readonly interviewerSection: Locator;

  constructor(readonly page: Page) {
    this.practise = page.getByRole('link', { name: 'Practise this question' });
    this.interviewerSection = page.locator('details', { hasText: 'For interviewers' });
  }

  async expectLoaded(title: string) {
    await expect(this.page.getByRole('heading', { name: title, level: 1 })).toBeVisible();
  }
}
