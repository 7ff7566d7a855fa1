import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { ensureDatabase } from '../../src/base/database/ensure-database';
import { MigrationChecksumError, runMigrations } from '../../src/base/database/migrator';
import { findMigrationsDir, migrate } from '../../src/cli/migrate';
import {
  REAL_MIGRATIONS_DIR,
  REPO_ROOT,
  TestDatabases,
  tempMigrationsDir,
  withClient,
  writeMigration,
} from './test-databases';

const databases = new TestDatabases('m');
const tempDirs: string[] = [];

afterAll(async () => {
  await databases.dropAll();
  await Promise.all(tempDirs.map((dir) => fs.rm(dir, { recursive: true, force: true })));
});

async function migrations(files: Record<string, string>): Promise<string> {
  const dir = await tempMigrationsDir(files);
  tempDirs.push(dir);
  return dir;
}

async function realMigrationNames(): Promise<string[]> {
  const entries = await fs.readdir(REAL_MIGRATIONS_DIR, { withFileTypes: true });
  const names: string[] = [];
  for (const entry of entries.filter((e) => e.isDirectory())) {
    const files = await fs.readdir(path.join(REAL_MIGRATIONS_DIR, entry.name));
    if (files.includes('migration.sql')) names.push(entry.name);
  }
  return names.sort();
}

interface HistoryRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
  applied_steps_count: number;
}

const history = (url: string) =>
  withClient(url, async (client) => {
    const { rows } = await client.query<HistoryRow>(
      'SELECT migration_name, checksum, finished_at, rolled_back_at, applied_steps_count FROM _prisma_migrations ORDER BY migration_name, started_at',
    );
    return rows;
  });

const tables = (url: string) =>
  withClient(url, async (client) => {
    const { rows } = await client.query<{ table_name: string }>(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name",
    );
    return rows.map((row) => row.table_name);
  });

/** Neither the advisory lock nor the connection outlives a run. */
async function expectNothingLeftBehind(url: string): Promise<void> {
  await withClient(url, async (client) => {
    const database = (await client.query<{ db: string }>('SELECT current_database() AS db')).rows[0].db;
    // The server notices a closed connection a moment after the client does.
    for (let attempt = 0; ; attempt++) {
      const { rows } = await client.query(
        `SELECT 1 FROM pg_locks l JOIN pg_database d ON d.oid = l.database WHERE l.locktype = 'advisory' AND d.datname = $1
         UNION ALL
         SELECT 1 FROM pg_stat_activity WHERE application_name = 'pairboard-migrate' AND datname = $1`,
        [database],
      );
      if (rows.length === 0) return;
      if (attempt === 20) throw new Error('the migrator left its lock or connection behind');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  });
}

describe('runMigrations', () => {
  it('applies the committed migrations to an empty database and records them as Prisma does', async () => {
    const url = await databases.create('empty');
    const names = await realMigrationNames();
    expect(names.length).toBeGreaterThan(0);

    const result = await runMigrations({ connectionString: url, migrationsDir: REAL_MIGRATIONS_DIR });

    expect(result).toEqual({ applied: names, alreadyApplied: 0 });
    expect(await tables(url)).toEqual(expect.arrayContaining(['_prisma_migrations', 'users', 'refresh_tokens']));
    const rows = await history(url);
    expect(rows.map((row) => row.migration_name)).toEqual(names);
    for (const row of rows) {
      const bytes = await fs.readFile(path.join(REAL_MIGRATIONS_DIR, row.migration_name, 'migration.sql'));
      expect(row.checksum).toBe(createHash('sha256').update(bytes).digest('hex'));
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.rolled_back_at).toBeNull();
      expect(row.applied_steps_count).toBe(1);
    }
    const columns = await withClient(url, async (client) => {
      const { rows: cols } = await client.query(
        `SELECT column_name, data_type, character_maximum_length AS length, is_nullable, column_default
           FROM information_schema.columns WHERE table_name = '_prisma_migrations' ORDER BY ordinal_position`,
      );
      return cols;
    });
    expect(columns).toEqual([
      { column_name: 'id', data_type: 'character varying', length: 36, is_nullable: 'NO', column_default: null },
      { column_name: 'checksum', data_type: 'character varying', length: 64, is_nullable: 'NO', column_default: null },
      { column_name: 'finished_at', data_type: 'timestamp with time zone', length: null, is_nullable: 'YES', column_default: null },
      { column_name: 'migration_name', data_type: 'character varying', length: 255, is_nullable: 'NO', column_default: null },
      { column_name: 'logs', data_type: 'text', length: null, is_nullable: 'YES', column_default: null },
      { column_name: 'rolled_back_at', data_type: 'timestamp with time zone', length: null, is_nullable: 'YES', column_default: null },
      { column_name: 'started_at', data_type: 'timestamp with time zone', length: null, is_nullable: 'NO', column_default: 'now()' },
      { column_name: 'applied_steps_count', data_type: 'integer', length: null, is_nullable: 'NO', column_default: '0' },
    ]);
    await expectNothingLeftBehind(url);
  });

  it('applies nothing the second time', async () => {
    const url = await databases.create('twice');
    const first = await runMigrations({ connectionString: url, migrationsDir: REAL_MIGRATIONS_DIR });

    const second = await runMigrations({ connectionString: url, migrationsDir: REAL_MIGRATIONS_DIR });

    expect(second).toEqual({ applied: [], alreadyApplied: first.applied.length });
    expect(await history(url)).toHaveLength(first.applied.length);
  });

  it('lets two processes start at once: the second waits and finds nothing to do', async () => {
    const url = await databases.create('concurrent');
    // The sleep keeps the first run inside its lock while the second arrives.
    const dir = await migrations({
      '001_slow': 'CREATE TABLE slow (id integer);\nSELECT pg_sleep(0.5);\n',
      '002_next': 'CREATE TABLE next (id integer);\n',
    });
    const logs: string[][] = [[], []];

    const results = await Promise.all(
      logs.map((messages) => runMigrations({ connectionString: url, migrationsDir: dir, log: (m) => messages.push(m) })),
    );

    const byAppliedCount = [...results].sort((a, b) => b.applied.length - a.applied.length);
    expect(byAppliedCount).toEqual([
      { applied: ['001_slow', '002_next'], alreadyApplied: 0 },
      { applied: [], alreadyApplied: 2 },
    ]);
    expect(logs.flat()).toContain('another process is migrating this database; waiting for it to finish');
    expect((await history(url)).map((row) => row.migration_name)).toEqual(['001_slow', '002_next']);
    await expectNothingLeftBehind(url);
  });

  it('refuses to run when an applied migration was changed, and applies nothing', async () => {
    const url = await databases.create('changed');
    const dir = await migrations({ '001_first': 'CREATE TABLE first (id integer);\n' });
    await runMigrations({ connectionString: url, migrationsDir: dir });
    await writeMigration(dir, '001_first', 'CREATE TABLE first (id bigint);\n');
    await writeMigration(dir, '002_second', 'CREATE TABLE second (id integer);\n');

    const run = runMigrations({ connectionString: url, migrationsDir: dir });

    await expect(run).rejects.toThrow(MigrationChecksumError);
    await expect(run).rejects.toMatchObject({
      name: 'MigrationChecksumError',
      migrationName: '001_first',
      message: expect.stringContaining('001_first was changed after it was applied'),
    });
    expect(await tables(url)).not.toContain('second');
    expect((await history(url)).map((row) => row.migration_name)).toEqual(['001_first']);
    await expectNothingLeftBehind(url);
  });

  it('refuses to run when an applied migration is missing from disk', async () => {
    const url = await databases.create('missing');
    const dir = await migrations({ '001_first': 'CREATE TABLE first (id integer);\n' });
    await runMigrations({ connectionString: url, migrationsDir: dir });
    await fs.rm(path.join(dir, '001_first'), { recursive: true });
    await writeMigration(dir, '002_second', 'CREATE TABLE second (id integer);\n');

    await expect(runMigrations({ connectionString: url, migrationsDir: dir })).rejects.toMatchObject({
      name: 'MigrationChecksumError',
      migrationName: '001_first',
      message: expect.stringContaining('missing from'),
    });
    expect(await tables(url)).not.toContain('second');
  });

  it('accepts an applied migration whose only change is its line endings, as Prisma does', async () => {
    const url = await databases.create('crlf');
    const dir = await migrations({ '001_first': 'CREATE TABLE first (id integer);\nCREATE TABLE other (id integer);\n' });
    await runMigrations({ connectionString: url, migrationsDir: dir });
    await writeMigration(dir, '001_first', 'CREATE TABLE first (id integer);\r\nCREATE TABLE other (id integer);\r\n');

    await expect(runMigrations({ connectionString: url, migrationsDir: dir })).resolves.toEqual({
      applied: [],
      alreadyApplied: 1,
    });
  });

  it('rolls a failing migration back entirely and names it', async () => {
    const url = await databases.create('failing');
    const dir = await migrations({
      '001_good': 'CREATE TABLE good (id integer);\n',
      '002_bad': 'CREATE TABLE partial (id integer);\nINSERT INTO partial VALUES (1);\nSELECT * FROM does_not_exist;\n',
      '003_after': 'CREATE TABLE after (id integer);\n',
    });

    const run = runMigrations({ connectionString: url, migrationsDir: dir });

    await expect(run).rejects.toThrow(
      'Migration 002_bad failed and was rolled back: relation "does_not_exist" does not exist (migration.sql line 3)',
    );
    expect(await tables(url)).toEqual(['_prisma_migrations', 'good']);
    expect((await history(url)).map((row) => row.migration_name)).toEqual(['001_good']);
    await expectNothingLeftBehind(url);

    // Nothing of the failure is recorded, so the fixed file simply applies.
    await writeMigration(dir, '002_bad', 'CREATE TABLE partial (id integer);\n');
    await expect(runMigrations({ connectionString: url, migrationsDir: dir })).resolves.toEqual({
      applied: ['002_bad', '003_after'],
      alreadyApplied: 1,
    });
  });

  it('is blocked by a migration that started but never finished, and says how to resolve it', async () => {
    const url = await databases.create('unfinished');
    const dir = await migrations({ '001_first': 'CREATE TABLE first (id integer);\n' });
    await runMigrations({ connectionString: url, migrationsDir: dir });
    await writeMigration(dir, '002_second', 'CREATE TABLE second (id integer);\n');
    // What a native `prisma migrate deploy` leaves when a migration fails.
    await withClient(url, (client) =>
      client.query(
        `INSERT INTO _prisma_migrations (id, checksum, migration_name, logs) VALUES ('a1', $1, '002_second', 'boom')`,
        ['0'.repeat(64)],
      ),
    );

    const run = runMigrations({ connectionString: url, migrationsDir: dir });

    await expect(run).rejects.toThrow(/Migration 002_second started at .* but never finished/);
    await expect(run).rejects.toThrow(`UPDATE "_prisma_migrations" SET rolled_back_at = now() WHERE id = 'a1'`);
    expect(await tables(url)).not.toContain('second');

    await withClient(url, (client) => client.query(`UPDATE _prisma_migrations SET rolled_back_at = now() WHERE id = 'a1'`));
    await expect(runMigrations({ connectionString: url, migrationsDir: dir })).resolves.toEqual({
      applied: ['002_second'],
      alreadyApplied: 1,
    });
  });

  it('counts a rolled-back migration as not applied, whatever its old checksum', async () => {
    const url = await databases.create('rolledback');
    const dir = await migrations({ '001_first': 'CREATE TABLE first (id integer);\n' });
    await runMigrations({ connectionString: url, migrationsDir: await migrations({}) });
    await withClient(url, (client) =>
      client.query(
        `INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at, finished_at, rolled_back_at, applied_steps_count)
         VALUES ('r1', $1, '001_first', now(), now(), now(), 1)`,
        ['f'.repeat(64)],
      ),
    );

    await expect(runMigrations({ connectionString: url, migrationsDir: dir })).resolves.toEqual({
      applied: ['001_first'],
      alreadyApplied: 0,
    });
    expect(await tables(url)).toContain('first');
  });

  it('skips an empty folder but refuses one without migration.sql', async () => {
    const url = await databases.create('folders');
    const dir = await migrations({ '002_real': 'CREATE TABLE real (id integer);\n' });
    await fs.mkdir(path.join(dir, '001_interrupted'));
    const logs: string[] = [];

    await expect(
      runMigrations({ connectionString: url, migrationsDir: dir, log: (m) => logs.push(m) }),
    ).resolves.toEqual({ applied: ['002_real'], alreadyApplied: 0 });
    expect(logs).toContain('skipping empty migration folder 001_interrupted');

    await fs.writeFile(path.join(dir, '001_interrupted', 'notes.txt'), 'sql went elsewhere');
    await expect(runMigrations({ connectionString: url, migrationsDir: dir })).rejects.toThrow(
      'Migration folder 001_interrupted has no migration.sql',
    );
  });
});

describe('ensureDatabase', () => {
  it('creates a missing database once, even when asked concurrently', async () => {
    const url = await databases.absent('ensure');

    const created = await Promise.all([ensureDatabase(url), ensureDatabase(url), ensureDatabase(url)]);

    expect(created.filter(Boolean).length).toBeLessThanOrEqual(1);
    await expect(withClient(url, (client) => client.query('SELECT 1'))).resolves.toBeDefined();
    await expect(ensureDatabase(url)).resolves.toBe(false);
  });
});

describe('migrate CLI', () => {
  it('finds prisma/migrations from the sources and from the built file, unless MIGRATIONS_DIR says otherwise', () => {
    expect(findMigrationsDir({})).toBe(REAL_MIGRATIONS_DIR);
    expect(findMigrationsDir({}, path.join(REPO_ROOT, 'dist/api/apps/api/src/cli'))).toBe(REAL_MIGRATIONS_DIR);
    expect(findMigrationsDir({ MIGRATIONS_DIR: '/srv/migrations' })).toBe('/srv/migrations');
  });

  it('creates the database, migrates it and reports what it did', async () => {
    const url = await databases.absent('cli');
    const names = await realMigrationNames();
    const lines: string[] = [];
    const spy = jest.spyOn(console, 'log').mockImplementation((line: string) => void lines.push(line));
    try {
      await migrate({ DATABASE_URL: url });
      await migrate({ DATABASE_URL: url });
    } finally {
      spy.mockRestore();
    }

    expect(lines).toContain(`migrations: created database ${new URL(url).pathname.slice(1)} on 127.0.0.1:5432`);
    expect(lines).toContain(`migrations: applied ${names.length} (${names.join(', ')}), 0 already applied`);
    expect(lines).toContain(`migrations: applied 0, ${names.length} already applied`);
  });
});
