import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';

export const SERVER_URL = 'postgresql://postgres@127.0.0.1:5432';
export const REPO_ROOT = path.resolve(__dirname, '../../../..');
export const REAL_MIGRATIONS_DIR = path.join(REPO_ROOT, 'prisma/migrations');

/** Databases of one test file, named per process so two runs on one server never share one. */
export class TestDatabases {
  private readonly names = new Set<string>();

  constructor(private readonly prefix: string) {}

  /** A new, empty database; its URL. */
  async create(label: string): Promise<string> {
    const name = this.nameOf(label);
    await this.admin(async (client) => {
      await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`);
      await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
    });
    this.names.add(name);
    return this.urlOf(label);
  }

  /** Makes sure the database of this label does not exist, and drops it afterwards too. */
  async absent(label: string): Promise<string> {
    const name = this.nameOf(label);
    await this.admin(async (client) => {
      await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`);
    });
    this.names.add(name);
    return this.urlOf(label);
  }

  async dropAll(): Promise<void> {
    await this.admin(async (client) => {
      for (const name of this.names) {
        await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`);
      }
    });
    this.names.clear();
  }

  private urlOf(label: string): string {
    return `${SERVER_URL}/${this.nameOf(label)}`;
  }

  private nameOf(label: string): string {
    return `pairboard_migrator_test_${this.prefix}_${label}_${process.pid}`;
  }

  private async admin(work: (client: Client) => Promise<void>): Promise<void> {
    const client = new Client({ connectionString: `${SERVER_URL}/postgres` });
    await client.connect();
    try {
      await work(client);
    } finally {
      await client.end();
    }
  }
}

export async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A temporary migrations folder holding `migrations` (name -> SQL). */
export async function tempMigrationsDir(migrations: Record<string, string>): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'pairboard-migrations-'));
  for (const [name, sql] of Object.entries(migrations)) {
    await writeMigration(dir, name, sql);
  }
  return dir;
}

export async function writeMigration(dir: string, name: string, sql: string): Promise<void> {
  await fs.mkdir(path.join(dir, name), { recursive: true });
  await fs.writeFile(path.join(dir, name, 'migration.sql'), sql);
}
