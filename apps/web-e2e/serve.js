// Starts the built API (which also serves the built web app) for the browser tests: recreates the
// test database and empties its Redis database (so no request, job or session of an earlier run can
// meet this run's people), applies the migrations, then runs the server on E2E_PORT (3100).
const { spawn, spawnSync } = require('node:child_process');
const { existsSync } = require('node:fs');
const { resolve } = require('node:path');
const { Redis } = require('ioredis');
const { Client } = require('pg');

const root = resolve(__dirname, '../..');
// E2E_DATABASE picks another database, e.g. to run beside a stale or busy default one.
const database = process.env.E2E_DATABASE ?? 'pairboard_e2e';
if (!/^[a-z][a-z0-9_]*$/.test(database)) {
  console.error(`E2E_DATABASE must be a plain lower-case name, not ${JSON.stringify(database)}.`);
  process.exit(1);
}
const serverUrl = 'postgresql://postgres@127.0.0.1:5432';

const env = {
  ...process.env,
  PORT: process.env.E2E_PORT ?? '3100',
  DATABASE_URL: `${serverUrl}/${database}`,
  REDIS_URL: process.env.E2E_REDIS_URL ?? 'redis://127.0.0.1:6379/3',
  NODE_ENV: 'test',
  JWT_SECRET: 'e2e-only-secret-0123456789abcdefghijklmnop',
  WEB_DIST: 'dist/web',
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

  const api = spawn(process.execPath, [mainJs], { cwd: root, env, stdio: 'inherit' });
  /** @param {NodeJS.Signals} signal */
  const stop = (signal) => api.kill(signal);
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  api.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
