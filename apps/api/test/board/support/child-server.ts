import { ChildProcess, spawn } from 'node:child_process';
import * as path from 'node:path';

const SUPPORT = __dirname;
const REPO_ROOT = path.resolve(SUPPORT, '../../../../..');

export interface ChildServer {
  port: number;
  process: ChildProcess;
  /** stderr so far, for failure messages */
  output(): string;
  kill(signal: NodeJS.Signals): Promise<number | null>;
}

/** Starts the API from its TypeScript sources in a child process (no build needed). */
export async function startChildServer(
  env: Record<string, string | undefined> = {},
  timeoutMs = 60_000,
  /** extra node options, e.g. --cpu-prof (not allowed in NODE_OPTIONS) */
  nodeArgs: string[] = [],
): Promise<ChildServer> {
  const child = spawn(process.execPath, [...nodeArgs, '-r', path.join(SUPPORT, 'swc-register.cjs'), path.join(SUPPORT, 'board-server.ts')], {
    cwd: REPO_ROOT,
    env: { ...process.env, PORT: '0', ...env },
    // stdin stays open while this process lives: the server exits when it closes (no orphans).
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const port = await new Promise<number>((resolve, reject) => {
    let stdout: string | null = '';
    const timer = setTimeout(() => reject(new Error(`the server did not start in ${timeoutMs} ms:\n${stderr}`)), timeoutMs);
    child.stdout?.on('data', (chunk: Buffer) => {
      if (stdout === null) return;
      stdout += chunk.toString();
      const line = stdout.split('\n').find((candidate) => candidate.startsWith('{"port"'));
      if (line) {
        stdout = null;
        clearTimeout(timer);
        resolve((JSON.parse(line) as { port: number }).port);
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited with ${code} before listening:\n${stderr}`));
    });
  });
  return {
    port,
    process: child,
    output: () => stderr,
    kill: (signal) => {
      if (child.exitCode !== null || child.signalCode !== null) return exited;
      child.kill(signal);
      return exited;
    },
  };
}
