import type { INestApplication } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
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
  return { app, http: request(app.getHttpServer()), close: () => closeWithin(app, CLOSE_TIMEOUT_MS) };
}

/** Shorter than the hook timeout, so a stuck shutdown fails with its own message. */
const CLOSE_TIMEOUT_MS = 20_000;
const SHUTDOWN_HOOKS = ['onModuleDestroy', 'beforeApplicationShutdown', 'onApplicationShutdown'] as const;

/**
 * `app.close()`, bounded: a shutdown that hangs names the lifecycle hooks still running (or the HTTP
 * server's connections, once every hook is done), then drops the remaining connections so the test
 * process can end instead of keeping the whole run waiting.
 */
async function closeWithin(app: INestApplication, timeoutMs: number): Promise<void> {
  const pending = new Set<string>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of [...module.providers.values(), ...module.controllers.values()]) {
      const instance = wrapper.instance as Record<string, unknown> | undefined;
      if (!instance || typeof instance !== 'object') continue;
      for (const hook of SHUTDOWN_HOOKS) {
        const original = instance[hook];
        if (typeof original !== 'function') continue;
        const label = `${instance.constructor.name}.${hook}`;
        instance[hook] = async (...args: unknown[]) => {
          pending.add(label);
          try {
            return await (original as (...rest: unknown[]) => unknown).apply(instance, args);
          } finally {
            pending.delete(label);
          }
        };
      }
    }
  }
  let timer: NodeJS.Timeout | undefined;
  const closing = app.close();
  const outcome = await Promise.race([closing.then(() => 'closed' as const), new Promise<'stuck'>((resolve) => (timer = setTimeout(() => resolve('stuck'), timeoutMs)))]);
  clearTimeout(timer);
  if (outcome === 'closed') return;
  const stuck = pending.size > 0 ? [...pending].join(', ') : 'the HTTP server (connections still open)';
  const resources = process.getActiveResourcesInfo().join(', ');
  (app.getHttpServer() as { closeAllConnections?: () => void }).closeAllConnections?.();
  throw new Error(`app.close() did not finish within ${timeoutMs} ms; still running: ${stuck}; active resources: ${resources}`);
}

/** Empties every table but the migration bookkeeping. */
export async function resetDatabase(): Promise<void> {
  const client = new Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    const { rows } = await client.query<{ tablename: string }>(
      `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`,
    );
    if (rows.length === 0) return;
    const truncate = `TRUNCATE ${rows.map((row) => `"${row.tablename}"`).join(', ')} CASCADE`;
    // A running app's background jobs may hold some of these tables while TRUNCATE waits for all of
    // them; PostgreSQL then breaks the deadlock by cancelling the TRUNCATE, which is safe to repeat.
    for (let attempt = 1; ; attempt += 1) {
      try {
        await client.query(truncate);
        return;
      } catch (error) {
        if ((error as { code?: string }).code !== '40P01' || attempt === 5) throw error;
      }
    }
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
