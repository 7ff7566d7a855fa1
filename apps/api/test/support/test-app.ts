import type { INestApplication } from '@nestjs/common';
import Redis from 'ioredis';
import { Client } from 'pg';
import request from 'supertest';
import { createApp } from '../../src/app.factory';
import { loadConfig } from '../../src/base/config';

export interface TestApp {
  app: INestApplication;
  http: ReturnType<typeof request>;
  close(): Promise<void>;
}

/** Boots the real application (real PostgreSQL and Redis) with optional configuration overrides. */
export async function startTestApp(overrides: Record<string, string> = {}): Promise<TestApp> {
  const app = await createApp(loadConfig({ ...process.env, ...overrides }));
  await app.init();
  return { app, http: request(app.getHttpServer()), close: () => app.close() };
}

/** Empties every table but the migration bookkeeping. */
export async function resetDatabase(): Promise<void> {
  const client = new Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    const { rows } = await client.query<{ tablename: string }>(
      `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`,
    );
    if (rows.length > 0) await client.query(`TRUNCATE ${rows.map((row) => `"${row.tablename}"`).join(', ')} CASCADE`);
  } finally {
    await client.end();
  }
}

export async function flushRedis(): Promise<void> {
  const redis = new Redis(process.env.REDIS_URL as string);
  try {
    await redis.flushdb();
  } finally {
    redis.disconnect();
  }
}

/** The value of a Set-Cookie header for `name`, or undefined. */
export function cookieFrom(response: { headers: Record<string, unknown> }, name: string): string | undefined {
  const header = response.headers['set-cookie'];
  const cookies = Array.isArray(header) ? (header as string[]) : typeof header === 'string' ? [header] : [];
  return cookies.find((cookie) => cookie.startsWith(`${name}=`));
}

let counter = 0;
export function uniqueEmail(prefix = 'user'): string {
  counter += 1;
  return `${prefix}.${Date.now()}.${counter}@example.test`;
}
