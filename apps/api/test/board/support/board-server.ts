import 'reflect-metadata';
import { createApp } from '../../../src/app.factory';
import { loadConfig } from '../../../src/base/config';

/**
 * The whole API in a process of its own, for tests that kill it (run with swc-register.cjs).
 * Prints `{"port":N}` once listening; shuts down gracefully on SIGTERM.
 */
async function main(): Promise<void> {
  const app = await createApp(loadConfig(process.env));
  await app.listen(Number(process.env.PORT ?? 0), '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  process.stdout.write(`${JSON.stringify({ port: address.port })}\n`);
}

// Started by a test or the benchmark: when that process goes away (even killed), so does this one.
process.stdin.on('end', () => process.exit(1));
process.stdin.resume();

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
