import { expect, test } from '@playwright/test';
import { DashboardPage } from './pages/DashboardPage';
import { ProfilePage } from './pages/ProfilePage';
import { SignInPage } from './pages/SignInPage';
import { SignUpPage } from './pages/SignUpPage';
import { newUser, screenshot } from './support';

test.describe('Signing up and in', () => {
  test('a new user signs up, signs out and signs in again', async ({ page }) => {
    const user = newUser();
    const signUp = new SignUpPage(page);
    const signIn = new SignInPage(page);
    const dashboard = new DashboardPage(page);

    await signUp.goto();
    await screenshot(page, 'signup');
    await signUp.register(user);

    await dashboard.expectLoaded();
    await expect(dashboard.emptyState).toBeVisible();
    await dashboard.shell.expectSignedInAs(user.name);
    await screenshot(page, 'dashboard');

    await dashboard.shell.signOut();
    await expect(signIn.heading).toBeVisible();
    await expect(page).toHaveURL(/\/signin$/);
    await screenshot(page, 'signin');

    await signIn.signIn(user.email, user.password);
    await dashboard.expectLoaded();
    await dashboard.shell.expectSignedInAs(user.name);
  });

  test('a wrong password shows an error on the sign-in page', async ({ page, request }) => {
    const user = newUser();
    const registered = await request.post('/api/auth/register', { data: user });
    expect(registered.status()).toBe(201);
    const signIn = new SignInPage(page);

    await signIn.goto();
    await signIn.signIn(user.email, 'not the right password');

    await expect(signIn.formError).toHaveText('Email or password is incorrect.');
    await expect(page).toHaveURL(/\/signin$/);
    await expect(signIn.submit).toBeEnabled();
    await screenshot(page, 'signin-error');
  });

  test('a reload keeps the user signed in', async ({ page }) => {
    const user = newUser();
    const dashboard = new DashboardPage(page);
    await new SignUpPage(page).goto();
    await new SignUpPage(page).register(user);
    await dashboard.expectLoaded();

    await page.reload();

    await dashboard.expectLoaded();
    await dashboard.shell.expectSignedInAs(user.name);
  });

  test('two tabs restoring the session at once both stay signed in', async ({ page, context }) => {
    const user = newUser();
    await new SignUpPage(page).goto();
    await new SignUpPage(page).register(user);
    await new DashboardPage(page).expectLoaded();
    const otherTab = await context.newPage();

    // Each load presents the refresh cookie; presenting a rotated one would revoke the session.
    await Promise.all([page.reload(), otherTab.goto('/')]);
    await Promise.all([page.reload(), otherTab.reload()]);

    for (const tab of [page, otherTab]) {
      await new DashboardPage(tab).expectLoaded();
      await new DashboardPage(tab).shell.expectSignedInAs(user.name);
    }
    await page.reload();
    await new DashboardPage(page).expectLoaded();
  });

  test('a signed-out visitor is sent to sign in and then back where they were going', async ({ page, request }) => {
    const user = newUser();
    expect((await request.post('/api/auth/register', { data: user })).status()).toBe(201);
    const signIn = new SignInPage(page);

    await page.goto('/profile');
    await expect(signIn.heading).toBeVisible();
    await signIn.signIn(user.email, user.password);

    await new ProfilePage(page).expectLoaded();
  });
});

test.describe('Profile', () => {
  test('shows the account and renames the user', async ({ page }) => {
    const user = newUser();
    const profile = new ProfilePage(page);
    await new SignUpPage(page).goto();
    await new SignUpPage(page).register(user);
    await new DashboardPage(page).expectLoaded();

    await profile.shell.openProfile();
    await profile.expectLoaded();
    await expect(profile.email).toHaveText(user.email);
    await expect(profile.name).toHaveText(user.name);

    await profile.rename('Grace Brewster Hopper');

    await expect(page.getByText('Your name was updated.')).toBeVisible();
    await expect(profile.name).toHaveText('Grace Brewster Hopper');
    await profile.shell.expectSignedInAs('Grace Brewster Hopper');
    await screenshot(page, 'profile');

    await page.reload();
    await expect(profile.name).toHaveText('Grace Brewster Hopper');
  });
});

test('an unknown page says so', async ({ page }) => {
  await page.goto('/no-such-page');
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  await screenshot(page, 'not-found');
});
