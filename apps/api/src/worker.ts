import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { NestFactory } from '@nestjs/core';
import { Server } from 'socket.io';
import { AppModule } from './app.module';
import { ConfigError, loadConfig } from './base/config';
import { exitAfterShutdownDeadline } from './base/lifecycle';
import { AppLogger } from './base/logging';
import { NotificationEvents } from './core/notifications';
import { RoomEvents, RoomsRedisAdapter } from './core/rooms';
import { NOTIFICATIONS_NAMESPACE, ROOMS_NAMESPACE } from '@pairboard/contracts';

/**
 * `npm run worker`: runs the BullMQ workers and the reconciler without serving HTTP, so the API can
 * run with JOBS_WORKER=false and jobs scale on their own. Several workers at once are safe: job ids
 * are deterministic, handlers re-check their rows and every send is recorded once in PostgreSQL.
 * Live events from jobs (room clock, notifications) go out through a socket server that has no
 * HTTP server, only the Redis adapter: the API instances deliver them to their sockets.
 */
async function main(): Promise<void> {
  if (existsSync('.env')) process.loadEnvFile('.env');
  const config = { ...loadConfig(process.env), JOBS_WORKER: true };
  const context = await NestFactory.createApplicationContext(AppModule.forRoot(config, 'worker'), { bufferLogs: true });
  context.useLogger(context.get(AppLogger));
  context.enableShutdownHooks();
  exitAfterShutdownDeadline(config.SHUTDOWN_TIMEOUT_SECONDS);

  const relay = new Server({ serveClient: false });
  context.get(RoomsRedisAdapter, { strict: false }).attach(relay);
  context.get(RoomEvents, { strict: false }).attach(relay.of(ROOMS_NAMESPACE) as Parameters<RoomEvents['attach']>[0]);
  context.get(NotificationEvents, { strict: false }).attach(relay.of(NOTIFICATIONS_NAMESPACE) as Parameters<NotificationEvents['attach']>[0]);
  context.flushLogs();
  console.log('\nPairboard worker is running (jobs only, no HTTP)\n');
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
