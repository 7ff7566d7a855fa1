import { existsSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { ensureDatabase } from '../base/database/ensure-database';
import { runMigrations } from '../base/database/migrator';

const DEFAULT_DATABASE_URL = 'postgresql://postgres@127.0.0.1:5432/pairboard';

/**
 * MIGRATIONS_DIR, else the nearest prisma/migrations above `startDir`: the same walk finds the
 * repository's folder from src/cli (under Jest) and from dist/api/apps/api/src/cli (built).
 */
export function findMigrationsDir(env: NodeJS.ProcessEnv = process.env, startDir: string = __dirname): string {
  if (env.MIGRATIONS_DIR) return path.resolve(env.MIGRATIONS_DIR);
  for (let dir = path.resolve(startDir); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'prisma', 'migrations');
    if (existsSync(candidate) && statSync(candidate).isDirectory()) return candidate;
    if (path.dirname(dir) === dir) {
      throw new Error(`No prisma/migrations folder found above ${startDir}; set MIGRATIONS_DIR`);
    }
  }
}

/** Creates the database if needed, applies pending migrations and prints what it did. */
export async function migrate(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const connectionString = env.DATABASE_URL || DEFAULT_DATABASE_URL;
  const migrationsDir = findMigrationsDir(env);
  const url = new URL(connectionString);
  // Host and database only: the URL may carry a password.
  const target = `${decodeURIComponent(url.pathname.slice(1))} on ${url.hostname || 'local socket'}${url.port ? `:${url.port}` : ''}`;

  if (await ensureDatabase(connectionString)) console.log(`migrations: created database ${target}`);
  const result = await runMigrations({
    connectionString,
    migrationsDir,
    log: (message) => console.log(`migrations: ${message}`),
  });
  const names = result.applied.length > 0 ? ` (${result.applied.join(', ')})` : '';
  console.log(`migrations: applied ${result.applied.length}${names}, ${result.alreadyApplied} already applied`);
}

/** Node reports a refused connection to every address of a host as an AggregateError with no message. */
function describe(error: unknown): string {
  if (error instanceof AggregateError && !error.message) return error.errors.map(describe).join('; ');
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}

if (require.main === module) {
  migrate().catch((error: unknown) => {
    console.error(`migrations failed: ${describe(error)}`);
    process.exitCode = 1;
  });
}
