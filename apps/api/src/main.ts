import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { createApp } from './app.factory';
import { ConfigError, loadConfig } from './base/config';
import { exitAfterShutdownDeadline } from './base/lifecycle';

async function main(): Promise<void> {
  if (existsSync('.env')) process.loadEnvFile('.env');
  const config = loadConfig(process.env);
  const app = await createApp(config);
  exitAfterShutdownDeadline(config.SHUTDOWN_TIMEOUT_SECONDS);
  await app.listen(config.PORT, config.HOST);
  const url = config.PUBLIC_URL ?? `http://localhost:${new URL(await app.getUrl()).port}`;
  // Printed once the port accepts connections. Logs are written synchronously (LoggingModule), so
  // none of them comes after it, and Nest's start-up messages are debug-level (AppLogger).
  console.log(`\nPairboard is running at ${url}`);
}

function explain(error: unknown): string {
  if (error instanceof ConfigError) return error.message;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EADDRINUSE') {
    return `Port ${process.env.PORT ?? 3000} is already in use (another Pairboard or another program). Stop it or set PORT in .env.`;
  }
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

main().catch((error: unknown) => {
  console.error(explain(error));
  process.exit(1);
});
