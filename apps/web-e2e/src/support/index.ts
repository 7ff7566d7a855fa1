import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, type APIRequestContext, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from '@playwright/test';
import type { NewUser } from '../pages/SignUpPage';
import { verificationTokenFor } from './mailbox';

export { mailTo, verificationLinkFor, verificationMailsTo, verificationTokenFor, waitForMail, type ReceivedMail } from './mailbox';

const screenshotDir = resolve(__dirname, '../../../../tmp/screenshots');
mkdirSync(screenshotDir, { recursive: true });

/** Saved for people reviewing the look of the app, in light and dark. */
export async function screenshot(page: Page, name: string, { fullPage = true }: { fullPage?: boolean } = {}) {
  // A page scrolled to a focused field draws its sticky top bar mid-page in a full-page capture.
  if (fullPage) await page.evaluate(() => window.scrollTo(0, 0));
  // Transitions stopped: right after the switch to dark, colours would still be fading over.
  await page.screenshot({ path: resolve(screenshotDir, `${name}.png`), fullPage, animations: 'disabled' });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: resolve(screenshotDir, `${name}-dark.png`), fullPage, animations: 'disabled' });
  await page.emulateMedia({ colorScheme: 'light' });
}

let counter = 0;
export function newUser(name = 'Grace Hopper'): NewUser {
  const id = `${Date.now().toString(36)}${(counter++).toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const handle = name.split(' ')[0].toLowerCase();
  return { name, email: `${handle}.${id}@example.test`, password: 'correct horse battery staple' };
}

/**
 * Registers over REST with the context's own request client, so the refresh cookie lands in that
 * browser context: its pages open signed in. Then opens the link from the verification email (over
 * REST), as invitations reach verified accounts only; `verify: false` leaves the account unverified.
 */
export async function registerIn(request: APIRequestContext, user: NewUser, { verify = true }: { verify?: boolean } = {}): Promise<void> {
  const response = await request.post('/api/auth/register', { data: user });
  expect(response.status(), await response.text()).toBe(201);
  if (verify) await verifyEmailOf(request, user);
}

/** Opens the link from the newest verification email to `user` over REST. */
export async function verifyEmailOf(request: APIRequestContext, user: NewUser): Promise<void> {
  const response = await request.post('/api/auth/verify-email', { data: { token: await verificationTokenFor(user.email) } });
  expect(response.status(), await response.text()).toBe(200);
  expect(((await response.json()) as { emailVerified?: boolean }).emailVerified).toBe(true);
}

/** Fails the test if any page of the context loads something from outside the app's own origin. */
export function forbidExternalRequests(context: BrowserContext): { external: string[]; failed: string[] } {
  const seen = { external: [] as string[], failed: [] as string[] };
  context.on('request', (request) => {
    const url = new URL(request.url());
    if (url.protocol === 'data:' || url.protocol === 'blob:') return;
    if (url.hostname !== '127.0.0.1') seen.external.push(request.url());
  });
  context.on('response', (response) => {
    if (response.status() >= 400 && !response.url().includes('/api/')) seen.failed.push(`${response.status()} ${response.url()}`);
  });
  return seen;
}

export async function accessTokenOf(request: APIRequestContext, user: NewUser): Promise<string> {
  const response = await request.post('/api/auth/login', { data: { email: user.email, password: user.password } });
  expect(response.status()).toBe(200);
  return ((await response.json()) as { accessToken: string }).accessToken;
}

export interface SignedUpPerson {
  user: NewUser;
  context: BrowserContext;
  page: Page;
  network: ReturnType<typeof forbidExternalRequests>;
}

/**
 * Someone who just signed up and verified their email, in a browser of their own (external requests
 * refused). `prepare` runs on the context before any page opens.
 */
export async function signUpInBrowser(
  browser: Browser,
  name: string,
  options: BrowserContextOptions = {},
  prepare?: (context: BrowserContext) => Promise<unknown>,
): Promise<SignedUpPerson> {
  const user = newUser(name);
  const context = await browser.newContext(options);
  if (prepare) await prepare(context);
  const network = forbidExternalRequests(context);
  await registerIn(context.request, user);
  return { user, context, page: await context.newPage(), network };
}

/** Creates an interview over the API as `user` (signed in through `request`); returns its id. */
export async function createInterviewAs(request: APIRequestContext, user: NewUser, body: Record<string, unknown>): Promise<string> {
  const token = await accessTokenOf(request, user);
  const created = await request.post('/api/interviews', { headers: { authorization: `Bearer ${token}` }, data: body });
  expect(created.status()).toBe(201);
  return ((await created.json()) as { id: string }).id;
}

/** `user` (signed in through `request`) accepts the invitation to interview `id` over REST. */
export async function acceptInterviewAs(request: APIRequestContext, user: NewUser, id: string): Promise<void> {
  const token = await accessTokenOf(request, user);
  const accepted = await request.post(`/api/interviews/${id}/accept`, { headers: { authorization: `Bearer ${token}` } });
  expect(accepted.status(), await accepted.text()).toBe(200);
  expect(((await accepted.json()) as { myStatus?: string }).myStatus).toBe('active');
}
