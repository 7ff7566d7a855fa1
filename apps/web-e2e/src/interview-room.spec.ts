import { expect, test, type Browser, type BrowserContext } from '@playwright/test';
import { InterviewRoomPage } from './pages/InterviewRoomPage';
import { acceptInterviewAs, createInterviewAs, screenshot, signUpInBrowser } from './support';
import type { NewUser } from './pages/SignUpPage';

interface Person {
  user: NewUser;
  context: BrowserContext;
  room: InterviewRoomPage;
}

async function signedInPerson(browser: Browser, name: string, baseURL: string | undefined): Promise<Person> {
  const { user, context, page } = await signUpInBrowser(browser, name, { baseURL, viewport: { width: 1440, height: 900 } });
  return { user, context, room: new InterviewRoomPage(page) };
}

test.describe('The interview room', () => {
  test.describe.configure({ timeout: 120_000 });

  test('the interviewer drives the clock and reveals a hint; notes stay private; chat and follow mode reach the other side', async ({
    browser,
    baseURL,
  }) => {
    const interviewer = await signedInPerson(browser, 'Ada Lovelace', baseURL);
    const candidate = await signedInPerson(browser, 'Grace Hopper', baseURL);

    const id = await createInterviewAs(interviewer.context.request, interviewer.user, {
      title: 'Design a URL shortener',
      questionId: 'url-shortener',
      invite: [{ email: candidate.user.email, role: 'candidate' }],
    });
    await acceptInterviewAs(candidate.context.request, candidate.user, id);

    const ada = interviewer.room;
    const grace = candidate.room;
    await ada.goto(id);
    await grace.goto(id);
    await ada.expectJoined();
    await grace.expectJoined();
    await ada.expectLive();
    await grace.expectLive();
    await expect(grace.clock).toContainText('Not started');
    await expect(grace.control('Start')).toHaveCount(0);
    await expect(ada.person('Grace')).toContainText('Candidate');

    // Start, then the next phase: the candidate's chip follows within a second.
    await ada.control('Start').click();
    await expect(grace.phaseChip).toHaveText(/^1\/\d+ /, { timeout: 1_000 });
    const firstPhase = await grace.phaseChip.textContent();
    await expect(ada.control('Next')).toBeEnabled();
    await ada.control('Next').click();
    await expect(grace.phaseChip).toHaveText(/^2\/\d+ /, { timeout: 1_000 });
    expect(await grace.phaseChip.textContent()).not.toBe(firstPhase);
    await expect(grace.clock).toHaveText(/\d\d:\d\d/);
    await expect(grace.timeline.locator('[aria-current="step"]')).toHaveAttribute('data-state', 'current');

    // Pause and resume: the candidate's clock says so in words.
    await ada.control('Pause').click();
    await expect(grace.clock).toContainText('Paused');
    await ada.control('Resume').click();
    await expect(grace.clock).not.toContainText('Paused');

    // A hint for this phase, revealed to the candidate.
    await ada.openTab('Interviewer');
    const hints = ada.panel.getByTestId('interviewer-hints');
    const reveal = hints.getByRole('button', { name: 'Reveal to candidate' }).first();
    await expect(reveal).toBeVisible();
    const hintText = (await hints.locator('li').first().locator('span').first().textContent()) ?? '';
    expect(hintText.length).toBeGreaterThan(0);
    await reveal.click();
    await expect(hints.getByText('Revealed').first()).toBeVisible();
    await grace.openTab('Brief');
    await expect(grace.panel.getByTestId('revealed-hint').filter({ hasText: hintText })).toBeVisible();
    await expect(grace.panel.getByTestId('revealed-hint').first()).toContainText('New');

    // A private note: never on the candidate's page.
    const noteText = `Strong on read/write ratio ${Date.now()}`;
    await ada.addNote(noteText);
    await expect(ada.panel.getByTestId('note').first()).toContainText(/\d\d:\d\d/);
    await expect(grace.tab('Interviewer')).toHaveCount(0);
    await expect(grace.page.getByText(noteText)).toHaveCount(0);
    expect(await grace.page.content()).not.toContain(noteText);

    // The candidate fills the checklist; the interviewer sees it.
    await grace.panel.getByRole('textbox', { name: 'New functional requirement' }).fill('Shorten a long URL');
    await grace.panel.getByRole('textbox', { name: 'New functional requirement' }).press('Enter');
    await ada.openTab('Candidate');
    await expect(ada.panel.getByTestId('requirements')).toContainText('Shorten a long URL');

    await ada.openTab('Interviewer');
    await screenshot(ada.page, 'room-panel-interviewer', { fullPage: false });
    await screenshot(grace.page, 'room-panel-candidate', { fullPage: false });

    // Chat both ways, as text.
    await ada.sendChat('Hello <b>Grace</b>');
    // The candidate is on another tab: the Chat tab counts what arrived.
    await expect(grace.tab('Chat')).toHaveAccessibleName(/^Chat ?\(1 unread\)$/);
    await screenshot(grace.page, 'room-chat-unread', { fullPage: false });
    await grace.openTab('Chat');
    await expect(grace.chatMessages().filter({ hasText: 'Hello <b>Grace</b>' })).toBeVisible();
    await expect(grace.tab('Chat')).toHaveAccessibleName('Chat');
    await expect(grace.chatMessages().first().locator('time')).toHaveText(/^\d{2}:\d{2}/);
    await screenshot(grace.page, 'room-chat', { fullPage: false });
    await grace.sendChat('Hi Ada');
    await expect(ada.chatMessages().filter({ hasText: 'Hi Ada' })).toBeVisible();

    // Follow mode: the candidate follows the interviewer, whose panning moves the candidate's view.
    await grace.person('Ada').getByRole('button', { name: /Follow/ }).click();
    await expect(grace.followPill).toContainText('Following Ada');
    await ada.pan(240, 360);
    await expect.poll(async () => (await ada.scroll()).y).toBeLessThan(-100);
    const leader = await ada.scroll();
    await expect.poll(async () => grace.scroll(), { timeout: 5_000 }).toEqual(leader);

    // The follower scrolls by themselves: following stops.
    await grace.pan(0, -200);
    await expect(grace.followPill).toHaveCount(0);

    await interviewer.context.close();
    await candidate.context.close();
  });
  test('ending the interview leads each person onward and leaves the board read-only', async ({ browser, baseURL }) => {
    const ada = await signedInPerson(browser, 'Ada Lovelace', baseURL);
    const grace = await signedInPerson(browser, 'Grace Hopper', baseURL);
    const id = await createInterviewAs(ada.context.request, ada.user, {
      title: 'Design a URL shortener',
      questionId: 'url-shortener',
      invite: [{ email: grace.user.email, role: 'candidate' }],
    });
    await acceptInterviewAs(grace.context.request, grace.user, id);
    for (const person of [ada, grace]) {
      await person.room.goto(id);
      await person.room.expectJoined();
      await person.room.expectLive();
    }
    await ada.room.control('Start').click();
    await grace.room.drawRectangle();
    await ada.room.expectElementCount(1);
    await ada.room.control('End').click();
    await ada.room.page.getByRole('button', { name: 'End interview?' }).click();

    // Each is offered the next step for their role.
    const interviewerEnd = ada.room.page.getByTestId('room-ended');
    await expect(interviewerEnd.getByRole('link', { name: 'Write the scorecard' })).toBeVisible();
    const candidateEnd = grace.room.page.getByTestId('room-ended');
    await expect(candidateEnd.getByRole('link', { name: /Rate your interviewer/ })).toBeVisible();
    await expect(candidateEnd).toContainText('Your scorecard will appear');
    await screenshot(ada.room.page, 'room-ended-interviewer', { fullPage: false });
    await screenshot(grace.room.page, 'room-ended-candidate', { fullPage: false });

    // The board no longer takes drawings: no tools, and a drag reaches neither the other side nor the
    // stored board (the server refuses writes too: board-ended.int-spec.ts).
    await expect(grace.room.page.locator('[data-testid="toolbar-rectangle"]')).toHaveCount(0);
    await grace.room.dragOnBoard({ x: 500, y: 300 });
    await ada.room.page.waitForTimeout(1500);
    await ada.room.expectElementCount(1);
    const token = await ada.context.request.post('/api/auth/refresh').then(async (response) => ((await response.json()) as { accessToken: string }).accessToken);
    const board = await ada.context.request.get(`/api/interviews/${id}/board`, { headers: { authorization: `Bearer ${token}` } });
    expect(((await board.json()) as { elements: unknown[] }).elements).toHaveLength(1);
  });
});
