import { readFile } from 'node:fs/promises';
import { expect, test, type Browser, type BrowserContext } from '@playwright/test';
import { InterviewRoomPage } from './pages/InterviewRoomPage';
import { ReviewPage } from './pages/ReviewPage';
import type { NewUser } from './pages/SignUpPage';
import { acceptInterviewAs, createInterviewAs, forbidExternalRequests, screenshot, signUpInBrowser } from './support';

interface Person {
  user: NewUser;
  context: BrowserContext;
  room: InterviewRoomPage;
}

async function signedInPerson(browser: Browser, name: string, baseURL: string | undefined): Promise<Person> {
  const { user, context, page } = await signUpInBrowser(browser, name, { baseURL, viewport: { width: 1440, height: 900 }, acceptDownloads: true });
  return { user, context, room: new InterviewRoomPage(page) };
}

test.describe('Session replay', () => {
  test.describe.configure({ timeout: 150_000 });

  test('a session recorded through the room replays: seek to a phase, play at 8×, export, share', async ({ browser, baseURL }) => {
    const interviewer = await signedInPerson(browser, 'Ada Lovelace', baseURL);
    const candidate = await signedInPerson(browser, 'Grace Hopper', baseURL);
    const id = await createInterviewAs(interviewer.context.request, interviewer.user, {
      title: 'Design a URL shortener',
      questionId: 'url-shortener',
      invite: [{ email: candidate.user.email, role: 'candidate' }],
    });
    await acceptInterviewAs(candidate.context.request, candidate.user, id);

    // Record: start, draw one box, next phase, draw two more.
    const ada = interviewer.room;
    const grace = candidate.room;
    await ada.goto(id);
    await grace.goto(id);
    await ada.expectJoined();
    await grace.expectJoined();
    await grace.expectLive();
    await ada.control('Start').click();
    await expect(grace.phaseChip).toHaveText(/^1\/\d+ /);
    await grace.drawRectangle({ x: 350, y: 220 });
    await grace.expectElementCount(1);
    await grace.expectSaved();
    await grace.page.waitForTimeout(1_500);
    await ada.control('Next').click();
    await expect(grace.phaseChip).toHaveText(/^2\/\d+ /);
    await grace.page.waitForTimeout(1_500);
    await grace.drawRectangle({ x: 600, y: 220 });
    await grace.drawRectangle({ x: 600, y: 420 });
    await grace.expectElementCount(3);
    await grace.expectSaved();
    await ada.sendChat('Nice start');
    await grace.page.waitForTimeout(500);

    // The interview page links to the replay once started.
    const review = new ReviewPage(ada.page);
    await ada.page.goto(`/interviews/${id}`);
    await ada.page.getByRole('link', { name: 'Watch replay' }).click();
    await expect(review.replay).toBeVisible({ timeout: 20_000 });

    // Seek to the phase change: only the first box existed then.
    await expect(review.marker('phase')).toHaveCount(2);
    await review.marker('phase').nth(1).click();
    await review.expectElementCount(1);
    await expect(review.marker('chat')).toHaveCount(1);

    // From the start at 8×: the playhead moves on its own and the board fills in.
    await review.seekToStart();
    await review.expectElementCount(0);
    await review.speed(8).click();
    await review.playButton().click();
    await expect.poll(() => review.positionMs(), { timeout: 5_000 }).toBeGreaterThan(2_000);
    await review.expectElementCount(3);
    await expect(review.replay).toHaveAttribute('data-playing', 'false', { timeout: 10_000 });
    await screenshot(ada.page, 'review-page');

    // Exports of the board at the playhead.
    await review.seekToEnd();
    await review.expectElementCount(3);
    const [png] = await Promise.all([ada.page.waitForEvent('download'), review.exportButton('PNG').click()]);
    const pngBytes = await readFile(await png.path());
    expect([...pngBytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.suggestedFilename()).toMatch(/\.png$/);
    const [scene] = await Promise.all([ada.page.waitForEvent('download'), review.exportButton('.excalidraw').click()]);
    const parsed = JSON.parse(await readFile(await scene.path(), 'utf8')) as { type: string; elements: { type: string; isDeleted: boolean }[] };
    expect(parsed.type).toBe('excalidraw');
    expect(parsed.elements.filter((element) => !element.isDeleted && element.type === 'rectangle')).toHaveLength(3);

    // Share: a signed-out visitor watches through the link; once revoked it no longer opens.
    await expect(review.includeNotes).toBeVisible();
    await ada.page.getByRole('button', { name: 'Create link' }).click();
    const link = await ada.page.getByLabel('Your new link (shown only now)').inputValue();
    expect(link).toMatch(/\/replay\/[A-Za-z0-9_-]{43}$/);
    await expect(review.shareLinks.getByRole('listitem')).toHaveCount(1);
    await expect(review.shareLinks).toContainText('by you');
    // The candidate may share too, but not the interviewers' notes, and does not see a link without them.
    const candidateReview = new ReviewPage(grace.page);
    await candidateReview.goto(id);
    await expect(grace.page.getByRole('button', { name: 'Create link' })).toBeVisible();
    await expect(candidateReview.includeNotes).toHaveCount(0);
    await expect(grace.page.getByText('This replay has not been shared yet.')).toBeVisible();
    const visitor = await browser.newContext({ baseURL, viewport: { width: 1280, height: 860 } });
    forbidExternalRequests(visitor);
    const visitorPage = await visitor.newPage();
    await visitorPage.goto(new URL(link).pathname);
    const shared = new ReviewPage(visitorPage);
    await expect(shared.replay).toBeVisible({ timeout: 20_000 });
    await shared.seekToEnd();
    await shared.expectElementCount(3);
    await screenshot(visitorPage, 'shared-replay');
    await ada.page.getByRole('button', { name: 'Revoke…' }).click();
    await ada.page.getByRole('button', { name: 'Revoke now' }).click();
    await expect(ada.page.getByText('Revoked', { exact: false }).first()).toBeVisible();
    await visitorPage.reload();
    await expect(visitorPage.getByRole('heading', { name: 'This replay is not available' })).toBeVisible();
    await expect(visitorPage.getByText(/revoked/)).toBeVisible();

    // The printable report.
    await ada.page.goto(`/interviews/${id}/report`);
    await expect(ada.page.getByRole('heading', { name: 'Time per phase' })).toBeVisible();
    await screenshot(ada.page, 'session-report');

    await visitor.close();
    await interviewer.context.close();
    await candidate.context.close();
  });
});
