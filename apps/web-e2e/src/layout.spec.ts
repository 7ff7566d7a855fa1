import { expect, test, type Locator, type Page } from '@playwright/test';
import { DashboardPage } from './pages/DashboardPage';
import { InterviewRoomPage } from './pages/InterviewRoomPage';
import { acceptInterviewAs, createInterviewAs, screenshot, signUpInBrowser } from './support';

/** A large laptop, a small one, a tablet in landscape and a phone. */
const WIDTHS = [1440, 1280, 1024, 390] as const;
const PHONE = { width: 390, height: 844 };
const viewportOf = (width: number) => (width === PHONE.width ? PHONE : { width, height: 900 });

/** Fails naming every visible element of `locator` that reaches past the left or right edge of the viewport. */
async function expectWithinViewport(page: Page, locator: Locator, what: string) {
  const width = page.viewportSize()?.width ?? 0;
  const outside: string[] = [];
  for (const element of await locator.all()) {
    if (!(await element.isVisible())) continue;
    const box = await element.boundingBox();
    if (box && (box.x < 0 || box.x + box.width > width + 0.5)) {
      const label = (await element.getAttribute('aria-label')) ?? (await element.innerText()).trim();
      outside.push(`"${label}" spans ${Math.round(box.x)}-${Math.round(box.x + box.width)} px`);
    }
  }
  expect(outside, `${what} outside a ${width} px wide viewport`).toEqual([]);
}

async function expectNoSideways(page: Page) {
  const width = page.viewportSize()?.width ?? 0;
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
}

test.describe('Layout on narrow and wide screens', () => {
  test.describe.configure({ timeout: 120_000 });

  test('on a phone the top navigation folds into a menu button that opens, closes on Escape and on navigation', async ({ browser, baseURL }) => {
    const { page } = await signUpInBrowser(browser, 'Ada Lovelace', { baseURL, viewport: PHONE });
    const dashboard = new DashboardPage(page);
    const shell = dashboard.shell;
    await dashboard.goto();

    await expectNoSideways(page);
    await expect(dashboard.newInterview).toBeVisible();
    await expectWithinViewport(page, page.getByRole('link', { name: 'New interview' }), '"New interview"');
    await expectWithinViewport(page, shell.topBar.locator('a:visible, button:visible'), 'top bar controls');
    await expect(shell.nav).toBeHidden();
    await expect(shell.menuButton).toHaveAttribute('aria-expanded', 'false');
    await screenshot(page, 'layout-390-dashboard', { fullPage: false });

    await shell.menuButton.click();
    await expect(shell.menuButton).toHaveAttribute('aria-expanded', 'true');
    await expect(shell.navLink('Questions')).toBeVisible();
    await expectWithinViewport(page, shell.nav.getByRole('link'), 'menu links');
    await screenshot(page, 'layout-390-menu-open', { fullPage: false });

    await page.keyboard.press('Escape');
    await expect(shell.menuButton).toHaveAttribute('aria-expanded', 'false');
    await expect(shell.nav).toBeHidden();
    await expect(shell.menuButton).toBeFocused();

    await shell.menuButton.click();
    await shell.navLink('Questions').click();
    await expect(page).toHaveURL(/\/questions$/);
    await expect(shell.menuButton).toHaveAttribute('aria-expanded', 'false');
    await expect(shell.nav).toBeHidden();
    await expectNoSideways(page);

    // Where the links fit, they are shown and the menu button is not.
    await page.setViewportSize({ width: 1024, height: 900 });
    await expect(shell.menuButton).toBeHidden();
    await expect(shell.navLink('Questions')).toBeVisible();
    await expectWithinViewport(page, shell.topBar.locator('a:visible, button:visible'), 'top bar controls');
  });

  test('the room header keeps every control on screen and the phase bar its names, at 1440, 1280, 1024 and 390 px', async ({
    browser,
    baseURL,
  }) => {
    const ada = await signUpInBrowser(browser, 'Ada Lovelace', { baseURL, viewport: viewportOf(1440) });
    const grace = await signUpInBrowser(browser, 'Grace Hopper', { baseURL, viewport: viewportOf(1440) });
    const id = await createInterviewAs(ada.context.request, ada.user, {
      title: 'Design a URL shortener for a large marketing team',
      questionId: 'url-shortener',
      invite: [{ email: grace.user.email, role: 'candidate' }],
    });
    await acceptInterviewAs(grace.context.request, grace.user, id);
    const interviewer = new InterviewRoomPage(ada.page);
    const candidate = new InterviewRoomPage(grace.page);
    await interviewer.goto(id);
    await candidate.goto(id);
    await interviewer.expectJoined();
    await candidate.expectJoined();
    await interviewer.expectLive();
    await candidate.expectLive();
    await interviewer.control('Start').click();
    // The second phase is current: the first is done, the rest to come.
    await interviewer.control('Next').click();
    await expect(candidate.phaseChip).toHaveText(/^2\/\d+ /);
    // Each sees the other with a Follow button: the fullest header there is.
    await expect(candidate.person('Ada').getByRole('button', { name: /Follow/ })).toBeVisible();
    await expect(interviewer.person('Grace').getByRole('button', { name: /Follow/ })).toBeVisible();

    for (const width of WIDTHS) {
      for (const [who, room] of [
        ['interviewer', interviewer],
        ['candidate', candidate],
      ] as const) {
        await room.page.setViewportSize(viewportOf(width));
        await expectNoSideways(room.page);
        await expect(room.connection).toBeVisible();
        await expect(room.header.getByRole('button', { name: 'Present' })).toBeVisible();
        await expectWithinViewport(
          room.page,
          room.header.locator('a, button, [role="status"], [role="timer"], [data-testid="phase-chip"], [data-testid="room-person"]'),
          `the ${who}'s header controls`,
        );
        if (who === 'interviewer') {
          for (const name of ['Previous', 'Next', 'Pause', '+2 min', '+5 min', 'End']) await expect(room.control(name)).toBeVisible();
        }

        const labels = await room.phaseLabels();
        expect(labels.length).toBeGreaterThan(3);
        for (const label of labels) expect(label.name, 'every segment names its phase in its tooltip').not.toBe('');
        const cut = labels.filter((label) => label.cut).map((label) => label.shown);
        expect(cut, `phase labels cut short at ${width} px`).toEqual([]);
        if (width >= 1024) {
          expect(labels.map((label) => label.shown)).toEqual(labels.map((label) => label.name));
        } else {
          const current = labels.find((label) => label.current);
          expect(current?.shown).toBe(current?.name);
          for (const [index, label] of labels.entries()) expect([label.name, String(index + 1)]).toContain(label.shown);
        }
        await screenshot(room.page, `layout-${width}-room-${who}`, { fullPage: false });
      }
    }
  });
});
