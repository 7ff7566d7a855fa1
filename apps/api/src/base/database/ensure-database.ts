import { Client } from 'pg';

// Another process created it first, which is what we wanted. PostgreSQL 15 reports that race as a
// unique_violation on pg_database's name index, or as duplicate_database when the other one committed.
const CREATED_CONCURRENTLY = new Set(['42P04' /* duplicate_database */, '23505' /* unique_violation */]);

/**
 * Creates the database named in `connectionString` when it does not exist yet (a new machine starts
 * with an empty server). Returns true when it created it.
 */
export async function ensureDatabase(connectionString: string): Promise<boolean> {
  const url = new URL(connectionString);
  const database = decodeURIComponent(url.pathname.replace(/^\//, ''));
  if (!database) throw new Error('The database URL names no database');

  // Connecting to the target first needs no rights on the maintenance database when it already exists.
  const target = new Client({ connectionString, connectionTimeoutMillis: 10_000 });
  target.on('error', () => undefined);
  try {
    await target.connect();
    return false;
  } catch (error) {
    if ((error as { code?: string }).code !== '3D000' /* invalid_catalog_name */) throw error;
  } finally {
    await target.end().catch(() => undefined);
  }

  url.pathname = '/postgres';
  const maintenance = new Client({ connectionString: url.toString(), connectionTimeoutMillis: 10_000 });
  maintenance.on('error', () => undefined);
  await maintenance.connect();
  try {
    await maintenance.query(`CREATE DATABASE ${maintenance.escapeIdentifier(database)}`);
    return true;
  } catch (error) {
    if (CREATED_CONCURRENTLY.has((error as { code?: string }).code ?? '')) return false;
    throw error;
  } finally {
    await maintenance.end().catch(() => undefined);
  }
}
