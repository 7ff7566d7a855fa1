import { resolve } from 'node:path';
import { defineConfig } from '@playwright/test';

const workspaceRoot = resolve(__dirname, '../..');
const externalBaseUrl = process.env.E2E_BASE_URL;
// E2E_PORT lets two runs share the machine (each with its own E2E_DATABASE and E2E_REDIS_URL).
const port = process.env.E2E_PORT ?? '3100';

/**
 * Runs against the built app: the API serves dist/web on one origin, as in production.
 * Build first: `npx nx build api && npx nx build web`. Set E2E_BASE_URL to test a server
 * that is already running instead.
 */
export default defineConfig({
  testDir: './src',
  testMatch: '**/*.spec.ts',
  outputDir: resolve(workspaceRoot, 'tmp/e2e-results'),
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    baseURL: externalBaseUrl ?? `http://127.0.0.1:${port}`,
    headless: true,
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: externalBaseUrl
    ? undefined
    : {
        command: 'node apps/web-e2e/serve.js',
        cwd: workspaceRoot,
        url: `http://127.0.0.1:${port}/api/health`,
        reuseExistingServer: !process.env.CI,
        timeout: 120_000,
        stdout: 'ignore',
        stderr: 'pipe',
        // SIGTERM rather than SIGKILL: the server shuts down, and its mail server with it.
        gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
      },
});
