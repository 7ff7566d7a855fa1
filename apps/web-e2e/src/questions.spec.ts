import { expect, test } from '@playwright/test';
import { InterviewPage } from './pages/InterviewPage';
import { NewInterviewPage } from './pages/NewInterviewPage';
import { QuestionDetailPage, QuestionsPage } from './pages/QuestionsPage';
import { newUser, registerIn, screenshot } from './support';

test.describe('Question bank', () => {
  test('filter the bank, open a question and practise it', async ({ page, context }) => {
    await registerIn(context.request, newUser('Ada Lovelace'));
    const bank = new QuestionsPage(page);
    const detail = new QuestionDetailPage(page);
    const form = new NewInterviewPage(page);
    const interview = new InterviewPage(page);

    await page.goto('/');
    await page.getByRole('link', { name: 'Questions', exact: true }).click();
    await bank.expectLoaded();
    await expect(bank.cards.first()).toBeVisible();
    const all = await bank.cards.count();
    expect(all).toBeGreaterThan(1);
    await expect(bank.count).toHaveText(`${all} questions`);

    await bank.level.selectOption('junior');
    await expect(page).toHaveURL(/[?&]level=junior/);
    await expect(bank.card('URL shortener')).toBeVisible();
    await expect(bank.card('News feed')).toHaveCount(0);
    for (const card of await bank.cards.all()) await expect(card).toContainText('Junior');
    await screenshot(page, 'questions');

    await bank.search.fill('shortener');
    await expect(page).toHaveURL(/[?&]q=shortener/);
    await expect(bank.cards).toHaveCount(1);
    await expect(bank.count).toHaveText('1 question');

    // The filters live in the URL: a reload keeps them.
    await page.reload();
    await expect(bank.search).toHaveValue('shortener');
    await expect(bank.level).toHaveValue('junior');
    await expect(bank.cards).toHaveCount(1);

    await bank.search.fill('no such question anywhere');
    await expect(page.getByText('No question matches')).toBeVisible();
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect(bank.cards).toHaveCount(all);
    await bank.level.selectOption('junior');
    await bank.search.fill('shortener');
    await expect(bank.cards).toHaveCount(1);

    await bank.card('URL shortener').getByRole('link', { name: 'URL shortener' }).click();
    await detail.expectLoaded('URL shortener');
    await expect(page.getByRole('heading', { name: 'Functional requirements', exact: true })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Core entities' })).toBeVisible();
    await expect(detail.interviewerSection).not.toHaveAttribute('open');
    await expect(page.getByRole('heading', { name: 'Probing questions' })).toBeHidden();
    await detail.interviewerSection.getByText('For interviewers').click();
    await expect(page.getByRole('heading', { name: 'Probing questions' })).toBeVisible();
    await screenshot(page, 'question-detail');

    await detail.practise.click();
    await form.expectLoaded();
    await expect(form.question).toHaveValue(/.+/);
    await expect(form.question.locator('option:checked')).toHaveText(/URL shortener/);
    await expect(form.title).toHaveValue('URL shortener');
    await expect(form.script).toHaveValue(/.+/);
    await expect(form.form.getByText(/^\d+ min · /)).toBeVisible();

    await form.create();
    await interview.expectLoaded('URL shortener');
    await expect(page.getByText('Question', { exact: true })).toBeVisible();
    await expect(page.getByRole('link', { name: 'URL shortener' })).toBeVisible();
    await expect(page.getByText('Script', { exact: true })).toBeVisible();
  });
});
