import { expect, test } from '@playwright/test';
import { DashboardPage } from './pages/DashboardPage';
import { PractisePage } from './pages/PractisePage';
import { newUser, registerIn, screenshot } from './support';

test.describe('Practise', () => {
  test('two people in different time zones file overlapping requests and are matched into one session', async ({ browser }) => {
    test.setTimeout(90_000);
    // Ada is in Paris and Grace in London: the same hour is 10:00 for one and 09:00 for the other.
    // Both pick the same calendar date (around midnight UTC, "today" is not the same date for both).
    const day = calendarDate(3);
    const ada = newUser('Ada Lovelace');
    const grace = newUser('Grace Hopper');
    const adaContext = await browser.newContext({ timezoneId: 'Europe/Paris' });
    const graceContext = await browser.newContext({ timezoneId: 'Europe/London' });
    await registerIn(adaContext.request, ada);
    await registerIn(graceContext.request, grace);
    const adaPage = new PractisePage(await adaContext.newPage());
    const gracePage = new PractisePage(await graceContext.newPage());

    await adaPage.goto();
    await expect(adaPage.requests.getByRole('heading', { name: 'No requests yet' })).toBeVisible();
    await expect(adaPage.sessions.getByRole('heading', { name: 'Nothing booked' })).toBeVisible();
    await expect(adaPage.timeZone).toHaveText('Times in Europe/Paris');

    // Nothing chosen yet: the form explains instead of sending.
    await adaPage.submit.click();
    await expect(adaPage.form.getByRole('alert')).toContainText('Choose when you are free');

    await adaPage.selectHours(day, 10, 14);
    await adaPage.chooseTopics(['Caching']);
    await adaPage.form.getByRole('radio', { name: /Candidate first/ }).check();
    await screenshot(adaPage.page, 'practise-form');
    await adaPage.submit.click();
    await expect(adaPage.form.getByRole('status').filter({ hasText: 'Request filed' })).toBeVisible();
    await expect(adaPage.request()).toContainText('Looking for a partner');
    await expect(adaPage.request()).toContainText('Caching');

    // Editing an open request: add a topic.
    await adaPage.request().getByRole('button', { name: 'Edit' }).click();
    await expect(adaPage.page.getByRole('heading', { name: 'Edit your request' })).toBeVisible();
    await adaPage.chooseTopics(['Sharding & partitioning']);
    await adaPage.submit.click();
    await expect(adaPage.form.getByRole('status').filter({ hasText: 'updated' })).toBeVisible();
    await expect(adaPage.request()).toContainText('Sharding');

    await gracePage.goto();
    await expect(gracePage.timeZone).toHaveText('Times in Europe/London');
    await gracePage.selectHours(day, 9, 13);
    await gracePage.chooseTopics(['Caching', 'Geospatial queries']);
    await gracePage.submit.click();
    await expect(gracePage.request()).toBeVisible();

    // The matchmaker's job runs a moment after the request; the page polls for the outcome.
    for (const practise of [gracePage, adaPage]) {
      await expect(practise.request()).toContainText('Matched', { timeout: 30_000 });
      await expect(practise.request().getByRole('link', { name: 'open the interview' })).toBeVisible();
      await practise.page.reload();
      await expect(practise.sessions.getByTestId('session-row')).toHaveCount(2);
      // Both halves are days away: the join buttons wait for the room to open.
      await expect(practise.sessions.getByRole('button', { name: 'Join' }).first()).toBeDisabled();
    }
    // Ada asked to be the candidate first; the second half swaps the roles.
    await expect(adaPage.sessions.getByTestId('session-row').nth(0)).toContainText('you are the candidate');
    await expect(adaPage.sessions.getByTestId('session-row').nth(1)).toContainText('you are the interviewer');
    // 10:00 in Paris is 09:00 in London.
    await expect(adaPage.request()).toContainText(', 10:00');
    await expect(gracePage.request()).toContainText(', 09:00');
    await screenshot(adaPage.page, 'practise-matched');

    const dashboard = new DashboardPage(gracePage.page);
    await dashboard.goto();
    await expect(dashboard.section('Upcoming').getByTestId('interview-row')).toHaveCount(2);
    await expect(dashboard.nextUp).toContainText('round 1 of 2');

    await adaContext.close();
    await graceContext.close();
  });

  test('a request can be cancelled after one confirmation', async ({ page, context }) => {
    await registerIn(context.request, newUser('Linus Pauling'));
    const practise = new PractisePage(page);
    await practise.goto();
    await practise.selectHours(calendarDate(5), 18, 20);
    await practise.chooseTopics(['Caching']);
    await practise.submit.click();
    await expect(practise.request()).toContainText('Looking for a partner');
    await practise.request().getByRole('button', { name: 'Cancel' }).click();
    await practise.request().getByRole('button', { name: 'Yes, cancel it' }).click();
    await expect(practise.request()).toContainText('Cancelled');
    await expect(practise.request().getByRole('button', { name: 'Edit' })).toHaveCount(0);
  });
});

/** The UTC calendar date `daysAhead` days from now, as YYYY-MM-DD. */
function calendarDate(daysAhead: number): string {
  return new Date(Date.now() + daysAhead * 24 * 3600 * 1000).toISOString().slice(0, 10);
}
