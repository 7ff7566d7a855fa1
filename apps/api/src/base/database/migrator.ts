import { createHash, randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { Client } from 'pg';
import { MigrationError, Umzug, type UmzugStorage } from 'umzug';

export interface MigrationResult {
  applied: string[];
  alreadyApplied: number;
}

/** An applied migration was edited or deleted: running on would leave the database unlike its history. */
export class MigrationChecksumError extends Error {
  override readonly name = 'MigrationChecksumError';

  constructor(
    readonly migrationName: string,
    message: string,
  ) {
    super(message);
  }
}

interface MigrationFile {
  name: string;
  path: string;
  bytes: Buffer;
  checksum: string;
}

interface HistoryRow {
  id: string;
  migration_name: string;
  checksum: string;
  started_at: Date;
  finished_at: Date | null;
  rolled_back_at: Date | null;
}

// Prisma Migrate's own key: this migrator and a native `prisma migrate deploy` never run at once.
const LOCK_KEY = 72707369;

// Prisma's table, column for column, so its native engine reads our history as its own.
const CREATE_HISTORY_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

/**
 * Applies the pending migrations of `migrationsDir` (folders in name order, each with a migration.sql),
 * recording them in `_prisma_migrations` exactly as `prisma migrate deploy` would.
 */
export async function runMigrations(options: {
  connectionString: string;
  migrationsDir: string;
  log?: (message: string) => void;
}): Promise<MigrationResult> {
  const log = options.log ?? (() => undefined);
  const files = await readMigrationFiles(options.migrationsDir, log);

  const client = new Client({
    connectionString: options.connectionString,
    application_name: 'pairboard-migrate',
    connectionTimeoutMillis: 10_000,
  });
  // A dropped idle connection must surface as a failed query, not crash the process.
  client.on('error', () => undefined);
  await client.connect();
  try {
    await acquireLock(client, log);
    try {
      await client.query(CREATE_HISTORY_TABLE);
      const alreadyApplied = await verifyHistory(client, files, options.migrationsDir);
      const umzug = new Umzug({
        migrations: files.map((file) => ({ name: file.name, path: file.path, up: () => runScript(client, file, log) })),
        storage: historyStorage(client, files),
        logger: undefined,
      });
      const applied = await umzug.up().catch((error: unknown) => {
        throw error instanceof MigrationError && error.cause instanceof Error ? error.cause : error;
      });
      return { applied: applied.map((migration) => migration.name), alreadyApplied };
    } finally {
      await client.query(`SELECT pg_advisory_unlock(${LOCK_KEY})`).catch(() => undefined);
    }
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function readMigrationFiles(dir: string, log: (message: string) => void): Promise<MigrationFile[]> {
  let entries;
  try {
    entries = await fs.readdir(dir, { withFileTypes: true });
  } catch (error) {
    throw new Error(`Cannot read the migrations folder ${dir}: ${(error as Error).message}`, { cause: error });
  }
  const names = entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
  const files: MigrationFile[] = [];
  for (const name of names) {
    const file = path.join(dir, name, 'migration.sql');
    const bytes = await fs.readFile(file).catch(async (error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
      // Git cannot hold an empty folder: it is what an interrupted `db:new-migration` leaves behind.
      if ((await fs.readdir(path.join(dir, name))).length === 0) return null;
      throw new Error(`Migration folder ${name} has no migration.sql: restore the file or delete the folder`);
    });
    if (bytes === null) {
      log(`skipping empty migration folder ${name}`);
      continue;
    }
    files.push({ name, path: file, bytes, checksum: sha256(bytes) });
  }
  return files;
}

async function acquireLock(client: Client, log: (message: string) => void): Promise<void> {
  const attempt = await client.query<{ locked: boolean }>(`SELECT pg_try_advisory_lock(${LOCK_KEY}) AS locked`);
  if (attempt.rows[0].locked) return;
  log('another process is migrating this database; waiting for it to finish');
  await client.query(`SELECT pg_advisory_lock(${LOCK_KEY})`);
}

/** Refuses a history that no longer matches the files; returns how many of the files are applied. */
async function verifyHistory(client: Client, files: MigrationFile[], dir: string): Promise<number> {
  const { rows } = await client.query<HistoryRow>(
    `SELECT id, migration_name, checksum, started_at, finished_at, rolled_back_at
       FROM "_prisma_migrations" ORDER BY started_at, migration_name`,
  );
  // Left by a native Prisma run that failed half-way: the database may hold part of it.
  const failed = rows.find((row) => row.finished_at === null && row.rolled_back_at === null);
  if (failed) {
    throw new Error(
      `Migration ${failed.migration_name} started at ${failed.started_at.toISOString()} but never finished, ` +
        `so the database may hold part of it. Repair the database by hand, then mark the attempt as rolled back ` +
        `(UPDATE "_prisma_migrations" SET rolled_back_at = now() WHERE id = '${failed.id}') and migrate again.`,
    );
  }
  const byName = new Map(files.map((file) => [file.name, file]));
  const applied = rows
    .filter((row) => row.rolled_back_at === null)
    .sort((a, b) => (a.migration_name < b.migration_name ? -1 : a.migration_name > b.migration_name ? 1 : 0));
  for (const row of applied) {
    const file = byName.get(row.migration_name);
    if (!file) {
      throw new MigrationChecksumError(
        row.migration_name,
        `Migration ${row.migration_name} is applied to the database but missing from ${dir}; ` +
          `restore it (is this build older than the database?)`,
      );
    }
    if (!matchesChecksum(file.bytes, row.checksum)) {
      throw new MigrationChecksumError(
        row.migration_name,
        `Migration ${row.migration_name} was changed after it was applied ` +
          `(checksum ${row.checksum} in the database, ${file.checksum} on disk). ` +
          `Restore the applied version and put the change in a new migration.`,
      );
    }
  }
  return new Set(applied.map((row) => row.migration_name)).size;
}

/**
 * Opens the migration's transaction and runs its script. The transaction stays open: the storage
 * writes the history row and commits, so a migration and its record land together or not at all.
 */
async function runScript(client: Client, file: MigrationFile, log: (message: string) => void): Promise<void> {
  log(`applying ${file.name}`);
  const script = file.bytes.toString('utf8');
  await client.query('BEGIN');
  try {
    await client.query(script);
  } catch (error) {
    await rollback(client);
    throw new Error(`Migration ${file.name} failed and was rolled back: ${describeSqlError(error, script)}`, {
      cause: error,
    });
  }
}

function historyStorage(client: Client, files: MigrationFile[]): UmzugStorage {
  const checksums = new Map(files.map((file) => [file.name, file.checksum]));
  return {
    async executed() {
      const { rows } = await client.query<{ migration_name: string }>(
        `SELECT DISTINCT migration_name FROM "_prisma_migrations"
          WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
      );
      return rows.map((row) => row.migration_name);
    },
    async logMigration({ name }) {
      try {
        // started_at = now() is the transaction's start, i.e. when the script began.
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
           VALUES ($1, $2, $3, now(), clock_timestamp(), 1)`,
          [randomUUID(), checksums.get(name), name],
        );
        await client.query('COMMIT');
      } catch (error) {
        await rollback(client);
        throw new Error(`Migration ${name} could not be recorded and was rolled back: ${(error as Error).message}`, {
          cause: error,
        });
      }
    },
    async unlogMigration({ name }) {
      // Prisma's meaning of a reverted migration (`migrate resolve --rolled-back`).
      await client.query(
        `UPDATE "_prisma_migrations" SET rolled_back_at = now() WHERE migration_name = $1 AND rolled_back_at IS NULL`,
        [name],
      );
    },
  };
}

async function rollback(client: Client): Promise<void> {
  await client.query('ROLLBACK').catch(() => undefined);
}

function sha256(data: Buffer | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/** As Prisma matches: the file as is, or with its line endings converted (a Windows checkout). */
function matchesChecksum(bytes: Buffer, checksum: string): boolean {
  const script = bytes.toString('utf8');
  return (
    sha256(bytes) === checksum ||
    sha256(script.replace(/\r\n/g, '\n')) === checksum ||
    sha256(script.replace(/\n/g, '\r\n')) === checksum
  );
}

/** PostgreSQL's message, plus the line of migration.sql it points at when it says. */
function describeSqlError(error: unknown, script: string): string {
  const { message, position } = error as { message?: string; position?: string };
  const offset = Number(position);
  if (!Number.isInteger(offset) || offset < 1) return message ?? String(error);
  const line = script.slice(0, offset - 1).split('\n').length;
  return `${message} (migration.sql line ${line})`;
}
