import { expect, test } from '@playwright/test';
import { InterviewPage } from './pages/InterviewPage';
import { InvitationsPage } from './pages/InvitationsPage';
import { NotificationBell } from './pages/NotificationBell';
import { newUser, registerIn, screenshot } from './support';

test.describe('Scheduling by invitation', () => {
  test('one person invites another, who sees it in the bell and accepts; the inviter is told', async ({ browser, page, context }) => {
    const ada = newUser('Ada Lovelace');
    const grace = newUser('Grace Hopper');
    await registerIn(context.request, ada);
    const graceContext = await browser.newContext();
    await registerIn(graceContext.request, grace);
    const gracePage = await graceContext.newPage();

    // Grace is on her dashboard with nothing new.
    const graceBell = new NotificationBell(gracePage);
    await gracePage.goto('/');
    await graceBell.expectUnread(0);
    await graceBell.open();
    await expect(graceBell.panel).toContainText('Nothing yet');
    await gracePage.keyboard.press('Escape');

    // Ada invites her for the evening two days on: a session under 24 hours away would also get its
    // "tomorrow" reminder at once, whatever time of day the test runs.
    const invitations = new InvitationsPage(page);
    await invitations.goto();
    await screenshot(page, 'invitations-empty');
    const interviewId = await invitations.invite(grace.email, 2, '18:30', 'Fancy a mock on rate limiters?');
    const adaInterview = new InterviewPage(page);
    await expect(page.getByRole('region', { name: 'Schedule' })).toContainText('Awaiting answer');

    // Grace's bell lights up live, without a reload.
    await graceBell.expectUnread(1);
    await graceBell.open();
    await gracePage.waitForTimeout(400); // let the panel finish fading in for the picture
    await screenshot(gracePage, 'notifications-open', { fullPage: false });
    await graceBell.item(/Ada Lovelace invited you to practise/).click();
    await gracePage.waitForURL(`**/interviews/${interviewId}`);
    await graceBell.expectUnread(0);

    const schedule = gracePage.getByRole('region', { name: 'Schedule' });
    await expect(schedule.getByRole('button', { name: 'Accept', exact: true })).toBeVisible();
    // Answering comes first: moving or cancelling is offered once the invitation is answered.
    await expect(schedule.getByRole('button', { name: 'Reschedule' })).toHaveCount(0);
    await screenshot(gracePage, 'interview-invitation');
    await schedule.getByRole('button', { name: 'Accept', exact: true }).click();
    await expect(schedule).toContainText('Accepted');
    await expect(schedule.getByRole('button', { name: 'Reschedule' })).toBeVisible();

    // Ada hears about it, and the invitation shows as accepted on her list.
    const adaBell = new NotificationBell(page);
    await adaBell.expectUnread(1);
    await adaBell.open();
    await expect(adaBell.item(/Grace Hopper accepted your invitation/)).toBeVisible();
    await page.keyboard.press('Escape');
    await invitations.goto();
    await expect(invitations.list.getByRole('listitem')).toContainText('Accepted');
    await screenshot(page, 'invitations');
    await adaInterview.goto(interviewId);
    await expect(page.getByRole('region', { name: 'Schedule' })).toContainText('Accepted');
    await graceContext.close();
  });

  test('the job dashboard tells a non-operator it is not for them', async ({ page, context }) => {
    const eve = newUser('Eve Curious');
    await registerIn(context.request, eve);
    await page.goto('/operator/jobs');
    await expect(page.getByRole('heading', { name: 'For operators only' })).toBeVisible();
    expect((await page.request.get('/admin/queues')).status()).toBe(401);
    await screenshot(page, 'job-dashboard-forbidden');
  });
});
