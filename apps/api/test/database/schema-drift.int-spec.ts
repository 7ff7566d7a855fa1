import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import type { Client } from 'pg';
import { runMigrations } from '../../src/base/database/migrator';
import { REAL_MIGRATIONS_DIR, REPO_ROOT, TestDatabases, withClient } from './test-databases';

/**
 * The committed migrations must build exactly the database that prisma/schema.prisma describes:
 * a schema edit without its migration (or a hand-edited migration) fails here.
 */

const databases = new TestDatabases('drift');
let workDir: string;

beforeAll(async () => {
  workDir = await fs.mkdtemp(path.join(os.tmpdir(), 'pairboard-drift-'));
});

afterAll(async () => {
  await databases.dropAll();
  await fs.rm(workDir, { recursive: true, force: true });
});

/** The DDL Prisma derives from a schema file, as `db:new-migration` would write it for an empty database. */
async function ddlFromSchema(schemaFile: string, existingDatabaseUrl: string): Promise<string> {
  const output = path.join(workDir, `${path.basename(schemaFile)}.sql`);
  await promisify(execFile)(
    'bash',
    ['scripts/prisma.sh', 'migrate', 'diff', '--from-empty', '--to-schema-datamodel', schemaFile, '--script', '--output', output],
    // prisma.config.ts builds its adapter from DATABASE_URL, which must name a database that exists.
    { cwd: REPO_ROOT, env: { ...process.env, DATABASE_URL: existingDatabaseUrl } },
  );
  return fs.readFile(output, 'utf8');
}

/** A database built from a schema file; its URL. */
async function databaseFromSchema(label: string, schemaFile: string): Promise<string> {
  const url = await databases.create(label);
  const ddl = await ddlFromSchema(schemaFile, url);
  await withClient(url, (client) => client.query(ddl));
  return url;
}

const EXCLUDED = "'_prisma_migrations'";

/** Everything Prisma manages in schema public, one sorted line per object. */
async function catalog(client: Client): Promise<string[]> {
  const lines: string[] = [];
  const add = async (sql: string, format: (row: Record<string, unknown>) => string) => {
    const { rows } = await client.query(sql);
    lines.push(...rows.map(format));
  };
  await add(
    `SELECT c.relname, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'f') AND c.relname <> ${EXCLUDED}`,
    (r) => `relation ${r.relname} (kind ${r.relkind})`,
  );
  // No ordinal position: an ALTER TABLE appends the columns that a fresh CREATE TABLE puts elsewhere.
  await add(
    `SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull,
            pg_get_expr(d.adbin, d.adrelid) AS default_expr, a.attidentity, a.attgenerated
       FROM pg_attribute a
       JOIN pg_class c ON c.oid = a.attrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
       LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped
        AND c.relname <> ${EXCLUDED}`,
    (r) =>
      `column ${r.relname}.${r.attname} ${r.type}${r.attnotnull ? ' NOT NULL' : ' NULL'}` +
      (r.default_expr ? ` DEFAULT ${r.default_expr}` : '') +
      (r.attidentity ? ` IDENTITY ${r.attidentity}` : '') +
      (r.attgenerated ? ` GENERATED ${r.attgenerated}` : ''),
  );
  // The definition carries the referenced table and columns and the ON UPDATE / ON DELETE actions.
  await add(
    `SELECT rel.relname, con.conname, pg_get_constraintdef(con.oid, true) AS def
       FROM pg_constraint con
       JOIN pg_class rel ON rel.oid = con.conrelid
       JOIN pg_namespace n ON n.oid = rel.relnamespace
      WHERE n.nspname = 'public' AND rel.relname <> ${EXCLUDED}`,
    (r) => `constraint ${r.relname}.${r.conname} ${r.def}`,
  );
  await add(
    `SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename <> ${EXCLUDED}`,
    (r) => `index ${r.tablename}.${r.indexname} ${r.indexdef}`,
  );
  // Values as a set: Prisma appends a new value (ADD VALUE) wherever the schema lists it, and sees no drift.
  await add(
    `SELECT t.typname, string_agg(e.enumlabel, ', ' ORDER BY e.enumlabel) AS labels
       FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
      WHERE n.nspname = 'public' GROUP BY t.typname`,
    (r) => `enum ${r.typname} {${r.labels}}`,
  );
  await add(
    `SELECT sequencename, data_type, start_value, increment_by, min_value, max_value, cycle
       FROM pg_sequences WHERE schemaname = 'public'`,
    (r) =>
      `sequence ${r.sequencename} ${r.data_type} start ${r.start_value} by ${r.increment_by} ` +
      `min ${r.min_value} max ${r.max_value}${r.cycle ? ' cycle' : ''}`,
  );
  await add(`SELECT extname FROM pg_extension WHERE extname <> 'plpgsql'`, (r) => `extension ${r.extname}`);
  return lines.sort();
}

/** What only one side has, readable in a test failure; empty when they match. */
function drift(fromMigrations: string[], fromSchema: string[]): string[] {
  const schema = new Set(fromSchema);
  const migrations = new Set(fromMigrations);
  return [
    ...fromMigrations.filter((line) => !schema.has(line)).map((line) => `only in prisma/migrations: ${line}`),
    ...fromSchema.filter((line) => !migrations.has(line)).map((line) => `only in schema.prisma:      ${line}`),
  ];
}

// Each Prisma CLI call takes about 11 s here: its adapter's idle pool keeps the process alive.
const PRISMA_CLI_TIMEOUT = 60_000;

describe('schema drift', () => {
  let fromMigrations: string[];
  let fromSchema: string[];
  let fromEditedSchema: string[];

  beforeAll(async () => {
    const original = await fs.readFile(path.join(REPO_ROOT, 'prisma/schema.prisma'), 'utf8');
    const edited = original.replace(/^model User \{$/m, 'model User {\n  driftProbe String? @map("drift_probe")');
    if (edited === original) throw new Error('could not add the probe column to model User');
    const editedFile = path.join(workDir, 'edited.prisma');
    await fs.writeFile(editedFile, edited);

    const fromMigrationsUrl = databases.create('migrations').then(async (url) => {
      await runMigrations({ connectionString: url, migrationsDir: REAL_MIGRATIONS_DIR });
      return url;
    });
    const urls = await Promise.all([
      fromMigrationsUrl,
      databaseFromSchema('schema', path.join(REPO_ROOT, 'prisma/schema.prisma')),
      databaseFromSchema('edited', editedFile),
    ]);
    [fromMigrations, fromSchema, fromEditedSchema] = await Promise.all(urls.map((url) => withClient(url, catalog)));
  }, PRISMA_CLI_TIMEOUT);

  it('the committed migrations build exactly prisma/schema.prisma (else: npm run db:new-migration <name>)', () => {
    expect(fromSchema).toContain('relation users (kind r)');
    expect(drift(fromMigrations, fromSchema)).toEqual([]);
  });

  it('notices a schema change that has no migration', () => {
    expect(drift(fromMigrations, fromEditedSchema)).toEqual([
      'only in schema.prisma:      column users.drift_probe text NULL',
    ]);
  });
});
