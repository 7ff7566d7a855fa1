import { expect, test } from '@playwright/test';
import { DashboardPage } from './pages/DashboardPage';
import { InterviewPage } from './pages/InterviewPage';
import { RoomPage } from './pages/RoomPage';
import { SignUpPage } from './pages/SignUpPage';
import { createInterviewAs, newUser, screenshot, signUpInBrowser, verificationLinkFor, verificationMailsTo } from './support';

test.describe('Email verification', () => {
  test('a new account is asked to verify; the link from the email verifies it and the banner goes', async ({ page }) => {
    const user = newUser('Grace Hopper');
    const dashboard = new DashboardPage(page);
    await new SignUpPage(page).goto();
    await new SignUpPage(page).register(user);
    await dashboard.expectLoaded();

    await expect(dashboard.verifyEmailBanner).toBeVisible();
    await expect(dashboard.verifyEmailBanner).toContainText(user.email);
    const firstLink = await verificationLinkFor(user.email);
    await expect(dashboard.emptyState).toBeVisible();
    await screenshot(page, 'verify-email-banner');

    // Every signed-in page asks, not only the dashboard.
    await page.getByRole('link', { name: 'Questions', exact: true }).first().click();
    await expect(page.getByRole('heading', { name: 'Questions', level: 1 })).toBeVisible();
    await expect(dashboard.verifyEmailBanner).toBeVisible();

    // A new link replaces the first one.
    await page.getByRole('button', { name: 'Resend' }).click();
    await expect(page.getByText(`We sent a new link to ${user.email}.`)).toBeVisible();
    const link = await verificationLinkFor(user.email, { after: 1 });
    expect(link).not.toBe(firstLink);
    expect(verificationMailsTo(user.email)).toHaveLength(2);

    await page.goto(firstLink);
    await expect(page.getByRole('heading', { name: 'Verify your email' })).toBeVisible();
    await expect(page.getByRole('alert')).toContainText('This link did not work.');
    await expect(page.getByRole('alert')).toContainText('not valid');
    await screenshot(page, 'verify-email-failed');

    await page.goto(link);
    await expect(page.getByText('Your email address is verified.')).toBeVisible();
    await screenshot(page, 'verify-email-done');
    await page.getByRole('link', { name: 'Continue' }).click();
    await dashboard.expectLoaded();
    await dashboard.shell.expectSignedInAs(user.name);
    await expect(dashboard.verifyEmailBanner).toHaveCount(0);

    // A link works once.
    await page.goto(link);
    await expect(page.getByRole('alert')).toContainText('This verification link has already been used.');
    await page.goto('/');
    await dashboard.expectLoaded();
    await expect(dashboard.verifyEmailBanner).toHaveCount(0);
  });

  test('an invitee accepts on her dashboard, then opens the room; before that she sees no other invitee', async ({ browser, baseURL }) => {
    const ada = await signUpInBrowser(browser, 'Ada Lovelace', { baseURL });
    const grace = await signUpInBrowser(browser, 'Grace Hopper', { baseURL });
    const pending = newUser('Linus Pauling');
    const id = await createInterviewAs(ada.context.request, ada.user, {
      title: 'Design a rate limiter',
      invite: [
        { email: grace.user.email, role: 'candidate' },
        { email: pending.email, role: 'observer' },
      ],
    });

    const dashboard = new DashboardPage(grace.page);
    await dashboard.goto();
    const invitation = dashboard.invitation('Design a rate limiter');
    await expect(invitation).toBeVisible();
    await expect(invitation).toContainText('Candidate');
    await expect(dashboard.emptyState).toBeVisible();
    await expect(dashboard.verifyEmailBanner).toHaveCount(0);
    await screenshot(grace.page, 'interview-invitation-dashboard');

    // Before answering: no room, and of the others only Ada, who takes part; not Linus's address.
    const interview = new InterviewPage(grace.page);
    await invitation.getByRole('link', { name: 'Design a rate limiter' }).click();
    await interview.expectLoaded('Design a rate limiter');
    await expect(interview.invitation).toBeVisible();
    await expect(interview.joinRoom).toHaveCount(0);
    await expect(interview.participant('Ada Lovelace')).toContainText('Interviewer');
    await expect(interview.participant(grace.user.email)).toContainText('(you)');
    await expect(interview.participants).toHaveCount(2);
    await expect(grace.page.getByText(pending.email)).toHaveCount(0);
    await screenshot(grace.page, 'interview-invitation-page');
    // The room says why it stays shut, and leads to the answer.
    await grace.page.goto(`/interviews/${id}/room`);
    await expect(grace.page.getByRole('heading', { name: 'You are invited to this interview' })).toBeVisible();
    await expect(grace.page.getByTestId('board')).toHaveCount(0);
    await screenshot(grace.page, 'interview-invitation-room');
    await grace.page.getByRole('link', { name: 'See the invitation' }).click();
    await interview.expectLoaded('Design a rate limiter');

    await dashboard.goto();
    await dashboard.invitation('Design a rate limiter').getByRole('button', { name: 'Accept', exact: true }).click();
    await expect(dashboard.invitations).toHaveCount(0);
    await expect(dashboard.section('Upcoming').getByTestId('interview-row')).toContainText('Design a rate limiter');

    await dashboard.section('Upcoming').getByRole('link', { name: 'Design a rate limiter' }).click();
    await interview.expectLoaded('Design a rate limiter');
    await expect(interview.invitation).toHaveCount(0);
    await expect(interview.participant('Grace Hopper')).toContainText('(you)');
    await interview.joinRoom.click();
    const room = new RoomPage(grace.page);
    await expect(grace.page).toHaveURL(new RegExp(`/interviews/${id}/room$`));
    await room.expectLive();

    for (const person of [ada, grace]) {
      expect(person.network.external, `requests outside the app from ${person.user.name}`).toEqual([]);
    }
    await Promise.all([ada.context.close(), grace.context.close()]);
  });
});
