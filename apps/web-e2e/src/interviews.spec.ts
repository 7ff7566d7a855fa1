import { expect, test } from '@playwright/test';
import { DashboardPage } from './pages/DashboardPage';
import { InterviewPage } from './pages/InterviewPage';
import { NewInterviewPage } from './pages/NewInterviewPage';
import { accessTokenOf, newUser, registerIn, screenshot } from './support';

test.describe('Interviews', () => {
  test('an interviewer schedules an interview; it is listed and its page shares the room link', async ({ browser, page, context, request }) => {
    const interviewer = newUser('Ada Lovelace');
    const candidate = newUser('Grace Hopper');
    const pending = newUser('Linus Pauling');
    await registerIn(context.request, interviewer);
    await registerIn(request, candidate);
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const dashboard = new DashboardPage(page);
    const form = new NewInterviewPage(page);
    const interview = new InterviewPage(page);

    await dashboard.goto();
    await expect(dashboard.emptyState).toBeVisible();
    await dashboard.newInterview.click();
    await form.expectLoaded();

    await form.title.fill('Design a URL shortener');
    await form.scheduleIn(2, '18:30');
    await form.invite([
      { email: candidate.email, role: 'candidate' },
      { email: pending.email, role: 'observer' },
    ]);
    await screenshot(page, 'new-interview');
    const id = await form.create();

    await interview.expectLoaded('Design a URL shortener');
    await expect(interview.participants).toHaveCount(3);
    await expect(interview.participant('Ada Lovelace')).toContainText('(you)');
    await expect(interview.participant('Ada Lovelace')).toContainText('Interviewer');
    // Grace has an account, but until she accepts she shows as invited, by email only.
    await expect(interview.participant(candidate.email)).toContainText('Candidate');
    await expect(interview.participant(candidate.email)).toContainText('Invited');
    await expect(interview.participant('Grace Hopper')).toHaveCount(0);
    await expect(interview.participant(pending.email)).toContainText('Observer');
    await expect(interview.participant(pending.email)).toContainText('Invited');
    await expect(interview.roomLink).toHaveValue(new RegExp(`/interviews/${id}/room$`));

    await interview.copyLink.click();
    await expect(interview.copyLink).toHaveText('Copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${new URL(page.url()).origin}/interviews/${id}/room`);

    await interview.addParticipant(candidate.email, 'observer');
    await expect(interview.addParticipantForm.getByLabel('Email')).toHaveAccessibleDescription('This person is already a participant.');
    await screenshot(page, 'interview');

    await page.getByRole('link', { name: 'Interviews', exact: true }).first().click();
    await dashboard.expectLoaded();
    await expect(dashboard.nextUp).toContainText('Design a URL shortener');
    // Two days ahead at 18:30 local: whole days only when the test runs at 18:30.
    await expect(dashboard.nextUp.getByTestId('countdown')).toHaveText(/^(1|2) d( \d+ h)?$/);
    const upcoming = dashboard.section('Upcoming');
    await expect(upcoming.getByTestId('interview-row')).toHaveCount(1);
    await expect(upcoming.getByTestId('interview-row')).toContainText('Design a URL shortener');
    await expect(upcoming.getByTestId('interview-row')).toContainText('invited');
    await screenshot(page, 'dashboard-interviews');

    // The invited candidate sees it too, as an invitation; she accepts on the interview's page.
    const candidateContext = await browser.newContext();
    await candidateContext.request.post('/api/auth/login', { data: { email: candidate.email, password: candidate.password } });
    const candidatePage = await candidateContext.newPage();
    const candidateDashboard = new DashboardPage(candidatePage);
    await candidateDashboard.goto();
    await expect(candidateDashboard.invitations).toContainText('Design a URL shortener');
    await expect(candidateDashboard.invitations).toContainText('Candidate');
    await expect(candidateDashboard.emptyState).toBeVisible();
    await candidateDashboard.invitations.getByRole('link', { name: 'Design a URL shortener' }).click();
    const candidateView = new InterviewPage(candidatePage);
    await candidateView.expectLoaded('Design a URL shortener');
    await expect(candidateView.joinRoom).toHaveCount(0);
    await candidateView.acceptInvitation();
    await expect(candidateView.joinRoom).toBeVisible();
    await expect(candidateView.participant('Grace Hopper')).toContainText('(you)');
    await candidateDashboard.goto();
    await expect(candidateDashboard.invitations).toHaveCount(0);
    await expect(candidateDashboard.section('Upcoming').getByTestId('interview-row')).toContainText('Candidate');
    await candidateContext.close();

    // Ada now sees her by name.
    await interview.goto(id);
    await expect(interview.participant('Grace Hopper')).toContainText('Candidate');
    await expect(interview.participant('Grace Hopper')).not.toContainText('Invited');
  });

  test('an interview that is not yours is not found', async ({ page, context, request }) => {
    const owner = newUser('Ada Lovelace');
    await registerIn(request, owner);
    const created = await request.post('/api/interviews', {
      headers: { Authorization: `Bearer ${await accessTokenOf(request, owner)}` },
      data: { title: 'Private' },
    });
    expect(created.status()).toBe(201);
    const { id } = (await created.json()) as { id: string };

    await registerIn(context.request, newUser('Eve Stranger'));
    await new InterviewPage(page).goto(id);
    await expect(page.getByRole('heading', { name: 'Interview not found' })).toBeVisible();
    await page.goto(`/interviews/${id}/room`);
    await expect(page.getByRole('heading', { name: 'Interview not found' })).toBeVisible();
  });
});
