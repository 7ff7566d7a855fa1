import { expect, test, type Page, type WebSocket } from '@playwright/test';
import { DashboardPage } from './pages/DashboardPage';
import { InterviewRoomPage } from './pages/InterviewRoomPage';
import { SignInPage } from './pages/SignInPage';
import { createInterviewAs, signUpInBrowser } from './support';

interface PageLoadTraffic {
  /** `METHOD /path` of every API call, in the order they were sent. */
  api: string[];
  /** Calls the page itself gave up before they were answered. */
  cancelled: string[];
  /** The path of every WebSocket the page opened. */
  sockets: string[];
  /** Console errors (Chromium also reports failed requests there), with the address they came from. */
  consoleErrors: string[];
}

/** Records what a page sends from now on. */
function recordTraffic(page: Page): PageLoadTraffic {
  const traffic: PageLoadTraffic = { api: [], cancelled: [], sockets: [], consoleErrors: [] };
  const describe = (method: string, url: string) => `${method} ${new URL(url).pathname}`;
  page.on('request', (request) => {
    if (new URL(request.url()).pathname.startsWith('/api/')) traffic.api.push(describe(request.method(), request.url()));
  });
  page.on('requestfailed', (request) => {
    if (new URL(request.url()).pathname.startsWith('/api/')) traffic.cancelled.push(describe(request.method(), request.url()));
  });
  page.on('websocket', (socket: WebSocket) => traffic.sockets.push(new URL(socket.url()).pathname));
  page.on('console', (message) => {
    if (message.type() === 'error') traffic.consoleErrors.push(`${message.text()} (${message.location().url})`);
  });
  return traffic;
}

const count = (calls: string[], call: string) => calls.filter((sent) => sent === call).length;

test.describe('One page load', () => {
  test('the served app is the production build of React', async ({ request }) => {
    // The test command builds the way `npm start` does, with NODE_ENV=development from .env; the web
    // build must still bundle React's production build (the development one runs every effect twice).
    const html = await (await request.get('/')).text();
    const main = html.match(/<script type="module" crossorigin src="([^"]+)"/)?.[1];
    expect(main, 'the main script in index.html').toBeTruthy();
    const bundle = await (await request.get(main as string)).text();
    expect(bundle.length).toBeGreaterThan(10_000);
    expect(bundle.includes('Download the React DevTools'), "React's development build is served").toBe(false);
  });

  test('a signed-in page load connects once and fetches each thing once', async ({ browser, baseURL }) => {
    const { context, page } = await signUpInBrowser(browser, 'Ada Lovelace', { baseURL });
    const traffic = recordTraffic(page);

    await new DashboardPage(page).goto();
    await expect(page.getByRole('button', { name: /Notifications/ })).toBeVisible();
    // Let anything the load would still start arrive.
    await page.waitForLoadState('networkidle');

    expect(traffic.cancelled).toEqual([]);
    expect(count(traffic.api, 'POST /api/auth/refresh')).toBe(1);
    expect(count(traffic.api, 'GET /api/auth/me')).toBe(1);
    expect(count(traffic.api, 'GET /api/notifications')).toBe(1);
    expect(count(traffic.api, 'GET /api/interviews')).toBe(1);
    expect(count(traffic.api, 'GET /api/invitations')).toBe(1);
    expect(traffic.sockets).toEqual(['/socket.io/']);
    expect(traffic.consoleErrors).toEqual([]);
    await context.close();
  });

  test('the room connects to the board once', async ({ browser, baseURL }) => {
    const { user, context, page } = await signUpInBrowser(browser, 'Ada Lovelace', { baseURL, viewport: { width: 1440, height: 900 } });
    const id = await createInterviewAs(context.request, user, { title: 'Design a URL shortener', questionId: 'url-shortener' });
    const traffic = recordTraffic(page);

    const room = new InterviewRoomPage(page);
    await room.goto(id);
    await room.expectJoined();
    await page.waitForLoadState('networkidle');

    expect(traffic.sockets.filter((path) => path.startsWith('/yjs/'))).toEqual([`/yjs/${id}`]);
    expect(traffic.sockets.filter((path) => path.startsWith('/socket.io'))).toHaveLength(1);
    expect(traffic.cancelled).toEqual([]);
    expect(count(traffic.api, 'POST /api/auth/refresh')).toBe(1);
    expect(count(traffic.api, 'GET /api/auth/me')).toBe(1);
    await context.close();
  });

  test('signed-out pages do not ask to renew a session', async ({ browser, baseURL }) => {
    const context = await browser.newContext({ baseURL });
    const page = await context.newPage();
    const traffic = recordTraffic(page);

    await new SignInPage(page).goto();
    await page.waitForLoadState('networkidle');
    await page.goto('/replay/not-a-real-share-link');
    await page.waitForLoadState('networkidle');

    expect(count(traffic.api, 'POST /api/auth/refresh')).toBe(0);
    expect(traffic.consoleErrors.filter((text) => !text.includes('/api/shared/'))).toEqual([]);
    await context.close();
  });
});
