import { expect, test } from '@playwright/test';
import { InterviewRoomPage } from './pages/InterviewRoomPage';
import { NewInterviewPage } from './pages/NewInterviewPage';
import { ScriptEditorPage, ScriptsPage } from './pages/ScriptsPage';
import { newUser, registerIn, screenshot } from './support';

test.describe('Scripts', () => {
  test.describe.configure({ timeout: 90_000 });

  test('copy the default script, reorder and retime it, save, and run an interview with it', async ({ page, context }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await registerIn(context.request, newUser('Margaret Hamilton'));

    const scripts = new ScriptsPage(page);
    await scripts.goto();
    await expect(scripts.mine.getByText('No scripts of your own yet')).toBeVisible();
    await screenshot(page, 'scripts-list');

    const defaultName = (await scripts.defaultScript().getByRole('heading').textContent())?.trim() ?? '';
    await scripts.defaultScript().getByRole('button', { name: `Make a copy of ${defaultName}` }).click();

    const editor = new ScriptEditorPage(page);
    await editor.expectLoaded();
    const before = await editor.phaseNames();
    expect(before.length).toBeGreaterThan(2);
    const totalBefore = Number((await editor.total.textContent())?.match(/\d+/)?.[0]);

    // The second phase goes first, and gets three more minutes.
    await editor.moveUp(before[1]);
    const after = [before[1], before[0], ...before.slice(2)];
    expect(await editor.phaseNames()).toEqual(after);
    await expect(editor.form.getByRole('button', { name: `Move ${before[1]} down` })).toBeFocused();
    const minutes = Number(await editor.minutes(0).inputValue());
    await editor.minutes(0).fill(String(minutes + 3));
    await expect(editor.total).toHaveText(new RegExp(`^${totalBefore + 3} min`));
    await expect(editor.form.getByTestId('phase-bar').locator('span[title]').first()).toHaveAttribute('title', `${before[1]} · ${minutes + 3} min`);

    // A phase without a name is refused before anything is sent, next to the field.
    await editor.phase(2).getByLabel('Name', { exact: true }).fill('');
    await editor.save.click();
    await expect(editor.phase(2).getByText('Phase name cannot be empty')).toBeVisible();
    await editor.phase(2).getByLabel('Name', { exact: true }).fill(before[2]);

    await editor.save.click();
    await expect(page.getByText('Saved as version 2')).toBeVisible();
    await screenshot(page, 'script-editor');

    // The detail page shows the new order and both versions.
    await page.getByRole('link', { name: 'View the script' }).click();
    await expect(page.getByRole('heading', { level: 3 }).first()).toHaveText(`1. ${before[1]}`);
    await expect(page.getByRole('link', { name: 'Version 1' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Version 2' })).toBeVisible();
    await screenshot(page, 'script-detail');

    await scripts.goto();
    await expect(scripts.mine.getByTestId('script-card')).toHaveCount(1);
    await expect(scripts.mine.getByTestId('script-card')).toContainText(`${totalBefore + 3} min`);

    // A new interview picks the copy; the room runs its phases in the new order.
    const newInterview = new NewInterviewPage(page);
    await newInterview.goto();
    await newInterview.script.selectOption({ label: `Copy of ${defaultName} (yours, v2)` });
    await expect(page.locator('#script-phases')).toContainText(`${totalBefore + 3} min · ${before[1]} ${minutes + 3} · ${before[0]}`);
    const interviewId = await newInterview.create();

    const room = new InterviewRoomPage(page);
    await room.goto(interviewId);
    await room.expectJoined();
    const segments = room.timeline.locator('li');
    await expect(segments).toHaveCount(after.length);
    for (const [index, name] of after.entries()) await expect(segments.nth(index)).toContainText(name);
    await expect(room.phaseChip).toContainText(before[1]);
  });

  test('write a script from scratch, see it refused until it is valid, then delete it', async ({ page, context }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await registerIn(context.request, newUser('Radia Perlman'));

    const scripts = new ScriptsPage(page);
    await scripts.goto();
    await page.getByRole('link', { name: 'New script' }).click();
    const editor = new ScriptEditorPage(page);
    await expect(page.getByRole('heading', { name: 'New script', level: 1 })).toBeVisible();

    // No name yet: refused beside the field, nothing saved.
    await editor.save.click();
    await expect(editor.form.getByText('Name cannot be empty')).toBeVisible();

    await editor.form.getByLabel('Name', { exact: true }).first().fill('Lunchtime drill');
    await expect(editor.form.getByText('Name cannot be empty')).toHaveCount(0);
    await editor.form.getByRole('button', { name: 'Add a phase' }).click();
    await editor.form.getByRole('button', { name: 'Add a phase' }).click();
    await expect(editor.phases).toHaveCount(3);
    await editor.minutes(1).fill('15');
    await editor.minutes(2).fill('10');
    await expect(editor.total).toHaveText(/^30 min/);
    await screenshot(page, 'script-new');
    await editor.save.click();
    await expect(page.getByText('Saved as version 1')).toBeVisible();
    await expect(page).toHaveURL(/\/scripts\/lunchtime-drill-[0-9a-f]{8}\/edit$/);

    await page.getByRole('link', { name: 'View the script' }).click();
    await page.getByRole('button', { name: 'Delete script' }).click();
    await page.getByRole('button', { name: 'Yes, delete it' }).click();
    await expect(page).toHaveURL(/\/scripts$/);
    await expect(scripts.mine.getByText('No scripts of your own yet')).toBeVisible();
  });
});
