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
  // Start-up logs are buffered until here; flush them so the address is the last thing printed.
  app.flushLogs();
  await new Promise((resolve) => setImmediate(resolve));
  console.log(`\nPairboard is running at ${url}\n`);
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
