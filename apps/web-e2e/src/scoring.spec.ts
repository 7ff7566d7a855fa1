import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { FeedbackPage } from './pages/FeedbackPage';
import { InterviewRoomPage } from './pages/InterviewRoomPage';
import { ScorecardPage } from './pages/ScorecardPage';
import type { NewUser } from './pages/SignUpPage';
import { acceptInterviewAs, accessTokenOf, screenshot, signUpInBrowser } from './support';

interface Person {
  user: NewUser;
  context: BrowserContext;
  page: Page;
}

function signedInPerson(browser: Browser, name: string, baseURL: string | undefined): Promise<Person> {
  return signUpInBrowser(browser, name, { baseURL, viewport: { width: 1280, height: 900 } });
}

test.describe('Scoring and progress', () => {
  test.describe.configure({ timeout: 150_000 });

  test('the interviewer scores and submits; the candidate reads the scorecard, rates the interviewer and sees progress', async ({ browser, baseURL }) => {
    const ada = await signedInPerson(browser, 'Ada Lovelace', baseURL);
    const grace = await signedInPerson(browser, 'Grace Hopper', baseURL);

    // A newcomer's progress page invites them to practise.
    await grace.page.goto('/progress');
    await expect(grace.page.getByRole('heading', { name: 'Nothing to chart yet' })).toBeVisible();
    await expect(grace.page.getByRole('link', { name: 'Start practising' })).toBeVisible();
    await screenshot(grace.page, 'progress-empty');

    const token = await accessTokenOf(ada.context.request, ada.user);
    const created = await ada.context.request.post('/api/interviews', {
      headers: { authorization: `Bearer ${token}` },
      data: { title: 'Design a URL shortener', questionId: 'url-shortener', invite: [{ email: grace.user.email, role: 'candidate' }] },
    });
    expect(created.status()).toBe(201);
    const { id } = (await created.json()) as { id: string };
    await acceptInterviewAs(grace.context.request, grace.user, id);

    // The session, through the real room: start, a note, next phase, end.
    const room = new InterviewRoomPage(ada.page);
    await room.goto(id);
    await room.expectJoined();
    await room.control('Start').click();
    const noteText = `Asked for the read/write ratio first ${Date.now()}`;
    await room.addNote(noteText);
    await room.control('Next').click();
    await expect(room.phaseChip).toHaveText(/^2\/\d+ /);
    await room.control('End').click();
    await ada.page.getByRole('button', { name: 'End interview?' }).click();
    await expect(room.control('Start')).toHaveCount(0);

    // The interview page now leads to the scorecard.
    await ada.page.goto(`/interviews/${id}`);
    await ada.page.getByRole('link', { name: 'Score the candidate' }).click();
    const scorecard = new ScorecardPage(ada.page);
    await expect(ada.page.getByRole('heading', { name: 'Scorecard', level: 1 })).toBeVisible();
    await expect(scorecard.submit).toBeDisabled();

    const rubric = (await (await ada.context.request.get('/api/rubrics/default', { headers: { authorization: `Bearer ${token}` } })).json()) as {
      dimensions: { key: string; name: string; anchors: Record<string, string> }[];
    };
    const [first, ...others] = rubric.dimensions;
    // The written anchor sits beside its score.
    await expect(scorecard.dimension(first.name).getByText(first.anchors['3'])).toBeVisible();
    await scorecard.score(first.name, 3);
    await scorecard.pickNote(first.name, noteText.slice(0, 20));
    // Evidence is shared: the interviewer is told so and sees the exact wording before anything is sent.
    await expect(scorecard.dimension(first.name).getByText(/The candidate reads the evidence/)).toBeVisible();
    await expect(scorecard.sharedWording(first.name)).toHaveValue(noteText);
    await expect(scorecard.preview(first.name)).toContainText(noteText);
    const paraphrase = 'Began by asking how often links are read compared with created.';
    await scorecard.sharedWording(first.name).fill(paraphrase);
    await expect(scorecard.preview(first.name)).toContainText(paraphrase);
    await expect(scorecard.preview(first.name)).not.toContainText(noteText);
    await screenshot(ada.page, 'scorecard-evidence-preview');
    await expect(scorecard.saveState).toHaveText('Saved');
    for (const dimension of others) await scorecard.score(dimension.name, 4);
    await scorecard.recommend('Strong yes');
    await scorecard.writeFeedback('Scoped the problem well. Next time, size the cache before choosing it.');
    await expect(scorecard.saveState).toHaveText('Saved');
    await screenshot(ada.page, 'scorecard-draft');

    // Autosaved: a reload shows the same draft.
    await ada.page.reload();
    await expect(scorecard.dimension(first.name).getByRole('radio', { name: /^3 – / })).toBeChecked();
    await expect(ada.page.getByRole('textbox', { name: 'Feedback', exact: true })).toHaveValue(/size the cache/);

    await scorecard.submitWithConfirmation();
    await expect(scorecard.reopen).toBeVisible();

    // The candidate reads it; from then on it cannot be reopened.
    await grace.page.goto(`/interviews/${id}`);
    await grace.page.getByRole('link', { name: 'Your scorecard' }).click();
    await expect(grace.page.getByRole('heading', { name: 'Your scorecard', level: 1 })).toBeVisible();
    await expect(grace.page.getByText('Strong yes')).toBeVisible();
    await expect(grace.page.getByText(paraphrase)).toBeVisible();
    expect(await grace.page.content()).not.toContain(noteText);
    await expect(grace.page.getByText(/size the cache/)).toBeVisible();
    await screenshot(grace.page, 'scorecard-candidate');
    await ada.page.reload();
    await expect(ada.page.getByText(/can no longer be reopened/)).toBeVisible();
    await expect(scorecard.reopen).toHaveCount(0);

    // The candidate rates the interviewer, who sees it.
    await grace.page.getByRole('link', { name: 'Rate your interviewer' }).click();
    const feedback = new FeedbackPage(grace.page);
    await feedback.rate('Preparedness', 5);
    await feedback.rate('Clarity of hints', 4);
    await feedback.rate('Helpfulness', 5);
    await feedback.send('Good pacing.');
    await screenshot(grace.page, 'feedback-candidate');
    await new FeedbackPage(ada.page).goto(id);
    await expect(ada.page.getByRole('region', { name: 'From Grace Hopper' })).toContainText('4 / 5');
    await expect(ada.page.getByText('Good pacing.')).toBeVisible();

    // A second scorecard, written over the API, makes a trend.
    const auth = { authorization: `Bearer ${token}` };
    const again = await ada.context.request.post('/api/interviews', { headers: auth, data: { title: 'Design a news feed', invite: [{ email: grace.user.email, role: 'candidate' }] } });
    const secondId = ((await again.json()) as { id: string }).id;
    await acceptInterviewAs(grace.context.request, grace.user, secondId);
    const scores = Object.fromEntries(rubric.dimensions.map((dimension) => [dimension.key, 4]));
    expect((await ada.context.request.put(`/api/interviews/${secondId}/scorecard`, { headers: auth, data: { scores, recommendation: 'strong_yes' } })).status()).toBe(200);
    expect((await ada.context.request.post(`/api/interviews/${secondId}/scorecard/submit`, { headers: auth })).status()).toBe(200);

    // Progress: scores over time per dimension and the time per phase as charts.
    await grace.page.getByRole('link', { name: 'Progress' }).click();
    await expect(grace.page.getByRole('heading', { name: 'Progress', level: 1 })).toBeVisible();
    const summary = grace.page.getByRole('region', { name: 'Summary' });
    await expect(summary).toContainText('1sessions done');
    await expect(summary).toContainText('2scorecards');
    await expect(summary).toContainText(`3.5↑ improving${first.name}`);
    await expect(grace.page.getByRole('figure', { name: `${first.name} scores over time` }).locator('.recharts-line-dot')).toHaveCount(2);
    await expect(grace.page.getByRole('figure', { name: 'Minutes per phase, planned and actual' }).locator('.recharts-bar-rectangle').first()).toBeVisible();
    await screenshot(grace.page, 'progress');

    await ada.context.close();
    await grace.context.close();
  });
});
