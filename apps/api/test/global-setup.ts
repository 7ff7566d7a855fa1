import { resolve } from 'node:path';
import { Client } from 'pg';
import { ensureDatabase } from '../src/base/database/ensure-database';
import { runMigrations } from '../src/base/database/migrator';
import './env';

/** Recreates the integration database from the committed migrations, so every run starts clean. */
export default async function globalSetup(): Promise<void> {
  const connectionString = process.env.DATABASE_URL as string;
  const name = new URL(connectionString).pathname.slice(1);
  const maintenance = new URL(connectionString);
  maintenance.pathname = '/postgres';
  const admin = new Client({ connectionString: maintenance.toString() });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
  await ensureDatabase(connectionString);
  await runMigrations({ connectionString, migrationsDir: resolve(__dirname, '../../../prisma/migrations') });
}
