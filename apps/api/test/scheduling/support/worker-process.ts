import { ChildProcess, spawn } from 'node:child_process';
import * as path from 'node:path';

const REPO_ROOT = path.resolve(__dirname, '../../../../..');
const REGISTER = path.join(REPO_ROOT, 'apps/api/test/board/support/swc-register.cjs');
const WORKER = path.join(REPO_ROOT, 'apps/api/src/worker.ts');

export interface WorkerProcess {
  output(): string;
  stop(): Promise<void>;
}

/** Runs `npm run worker`'s entry point from its TypeScript sources in a child process. */
export async function startWorker(env: Record<string, string>, timeoutMs = 60_000): Promise<WorkerProcess> {
  const child: ChildProcess = spawn(process.execPath, ['-r', REGISTER, WORKER], { cwd: REPO_ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the worker did not start:\n${output}`)), timeoutMs);
    const listen = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Pairboard worker is running')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', listen);
    child.stderr?.on('data', listen);
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`the worker exited before it started:\n${output}`));
    });
  });
  return {
    output: () => output,
    stop: () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}
