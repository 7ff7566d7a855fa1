// Starts the built API (which also serves the built web app) for the browser tests: recreates the
// test database and empties its Redis database (so no request, job or session of an earlier run can
// meet this run's people), applies the migrations, then runs the server on E2E_PORT (3100).
// The server's email goes to a real SMTP server run here, which keeps every message as a JSON file in
// the run's mailbox directory (see mailboxDir in src/support/mailbox.ts), where the tests read it.
const { spawn, spawnSync } = require('node:child_process');
const { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } = require('node:fs');
const { join, resolve } = require('node:path');
const { Redis } = require('ioredis');
const { simpleParser } = require('mailparser');
const { Client } = require('pg');
const { SMTPServer } = require('smtp-server');

const root = resolve(__dirname, '../..');
// E2E_DATABASE picks another database, e.g. to run beside a stale or busy default one.
const database = process.env.E2E_DATABASE ?? 'pairboard_e2e';
if (!/^[a-z][a-z0-9_]*$/.test(database)) {
  console.error(`E2E_DATABASE must be a plain lower-case name, not ${JSON.stringify(database)}.`);
  process.exit(1);
}
const serverUrl = 'postgresql://postgres@127.0.0.1:5432';
const port = process.env.E2E_PORT ?? '3100';
// Keyed by port, so two runs side by side keep their mail apart; the tests compute the same path.
const mailbox = process.env.E2E_MAIL_DIR ?? resolve(root, 'tmp/e2e-mail', port);

const env = {
  ...process.env,
  PORT: port,
  // Links in emails point at the address the browser uses.
  PUBLIC_URL: `http://127.0.0.1:${port}`,
  DATABASE_URL: `${serverUrl}/${database}`,
  REDIS_URL: process.env.E2E_REDIS_URL ?? 'redis://127.0.0.1:6379/3',
  NODE_ENV: 'test',
  JWT_SECRET: 'e2e-only-secret-0123456789abcdefghijklmnop',
  WEB_DIST: 'dist/web',
  // Every sign-up and invitation of the suite comes from 127.0.0.1 within the hour.
  REGISTRATIONS_PER_IP_PER_HOUR: '100000',
  INVITATIONS_PER_USER_PER_HOUR: '10000',
  VERIFICATION_EMAILS_PER_USER_PER_HOUR: '1000',
};

const mainJs = resolve(root, 'dist/api/apps/api/src/main.js');
const migrateJs = resolve(root, 'dist/api/apps/api/src/cli/migrate.js');
const seedJs = resolve(root, 'dist/api/apps/api/src/cli/seed.js');
const indexHtml = resolve(root, 'dist/web/index.html');

async function startEmpty() {
  const admin = new Client({ connectionString: `${serverUrl}/postgres` });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${database}"`);
  } finally {
    await admin.end();
  }
  const redis = new Redis(env.REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    await redis.flushdb();
  } finally {
    redis.disconnect();
  }
}

/**
 * A real SMTP server on a free loopback port. A message is on disk (written whole, then renamed)
 * before the server acknowledges it, so once the API's send has returned, the test can read it.
 * @returns {Promise<{ url: string; close: () => Promise<void> }>}
 */
async function startMailbox() {
  rmSync(mailbox, { recursive: true, force: true });
  mkdirSync(mailbox, { recursive: true });
  let received = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream).then(
        (parsed) => {
          const to = (Array.isArray(parsed.to) ? parsed.to : parsed.to ? [parsed.to] : []).flatMap((address) => address.value.map((value) => value.address ?? ''));
          const message = { to, subject: parsed.subject ?? '', text: parsed.text ?? '', html: typeof parsed.html === 'string' ? parsed.html : '', receivedAt: new Date().toISOString() };
          const name = `${Date.now()}-${String(received++).padStart(6, '0')}`;
          writeFileSync(join(mailbox, `${name}.tmp`), JSON.stringify(message));
          renameSync(join(mailbox, `${name}.tmp`), join(mailbox, `${name}.json`));
          callback();
        },
        (/** @type {Error} */ error) => callback(error),
      );
    },
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', () => done(undefined)));
  const address = /** @type {import('node:net').AddressInfo} */ (server.server.address());
  return { url: `smtp://127.0.0.1:${address.port}`, close: () => new Promise((done) => server.close(() => done(undefined))) };
}

async function main() {
  for (const [file, build] of [
    [mainJs, 'npx nx build api'],
    [migrateJs, 'npx nx build api'],
    [seedJs, 'npx nx build api'],
    [indexHtml, 'npx nx build web'],
  ]) {
    if (!existsSync(file)) {
      console.error(`${file} is missing: run \`${build}\` first.`);
      process.exit(1);
    }
  }

  await startEmpty();

  const migration = spawnSync(process.execPath, [migrateJs], { cwd: root, env, stdio: 'inherit' });
  if (migration.status !== 0) {
    console.error(`Migrations failed (exit ${migration.status ?? migration.signal}).`);
    process.exit(1);
  }

  // Scripts, questions and the rubric: the interview room needs them.
  const seed = spawnSync(process.execPath, [seedJs], { cwd: root, env, stdio: 'inherit' });
  if (seed.status !== 0) {
    console.error(`Seeding failed (exit ${seed.status ?? seed.signal}).`);
    process.exit(1);
  }

  const smtp = await startMailbox();
  const api = spawn(process.execPath, [mainJs], { cwd: root, env: { ...env, SMTP_URL: smtp.url }, stdio: 'inherit' });
  /** @param {NodeJS.Signals} signal */
  const stop = (signal) => api.kill(signal);
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  // The mail server outlives the API's shutdown (which may still send) and closes with it.
  api.on('exit', (code, signal) => {
    smtp.close().finally(() => process.exit(code ?? (signal ? 1 : 0)));
  });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
