import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { createApp } from './app.factory';
import { ConfigError, loadConfig } from './base/config';

async function main(): Promise<void> {
  if (existsSync('.env')) process.loadEnvFile('.env');
  const config = loadConfig(process.env);
  const app = await createApp(config);
  await app.listen(config.PORT, config.HOST);
  const url = config.PUBLIC_URL ?? `http://localhost:${new URL(await app.getUrl()).port}`;
  console.log(`Pairboard is running at ${url}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
