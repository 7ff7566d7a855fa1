import { spawn } from 'node:child_process';
import { connect } from 'node:net';
import * as path from 'node:path';

const REPO_ROOT = path.resolve(__dirname, '../../../..');
const SWC_REGISTER = path.join(REPO_ROOT, 'apps/api/test/board/support/swc-register.cjs');
const MAIN = path.join(REPO_ROOT, 'apps/api/src/main.ts');
const ADDRESS_LINE = /^Pairboard is running at (http:\/\/\S+)$/;
/** How long the output has to stay quiet after the address before the start counts as finished. */
const QUIET_MS = 1_500;

interface StartOutput {
  lines: string[];
  /** Whether the printed address accepted a TCP connection when its line arrived. */
  acceptedWhenPrinted: boolean;
  stderr: string;
}

function acceptsConnections(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect({ host: hostname === 'localhost' ? '127.0.0.1' : hostname, port: Number(port) });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** Runs main.ts as `npm start` does (same entry point, no build needed) until its output goes quiet. */
async function startMain(logLevel: string | undefined): Promise<StartOutput> {
  const child = spawn(process.execPath, ['-r', SWC_REGISTER, MAIN], {
    cwd: REPO_ROOT,
    env: { ...process.env, LOG_LEVEL: logLevel, HOST: '127.0.0.1', PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  try {
    const acceptedWhenPrinted = await new Promise<boolean>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no address printed in 60 s:\n${stdout}\n${stderr}`)), 60_000);
      let checked = false;
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        const address = stdout.split('\n').map((line) => ADDRESS_LINE.exec(line)).find(Boolean);
        if (address && !checked) {
          checked = true;
          clearTimeout(timer);
          resolve(acceptsConnections(address[1]));
        }
      });
      void exited.then(() => reject(new Error(`main exited before printing its address:\n${stdout}\n${stderr}`)));
    });
    let length = -1;
    while (length !== stdout.length) {
      length = stdout.length;
      await new Promise((resolve) => setTimeout(resolve, QUIET_MS));
    }
    return { lines: stdout.split('\n').filter((line) => line.trim() !== ''), acceptedWhenPrinted, stderr };
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
}

describe('what a start prints', () => {
  it('at the default level: a handful of lines, the last being the address, printed once the port accepts connections', async () => {
    const { lines, acceptedWhenPrinted, stderr } = await startMain(undefined);
    expect(lines.at(-1)).toMatch(ADDRESS_LINE);
    expect(acceptedWhenPrinted).toBe(true);
    expect(lines.length).toBeLessThan(5);
    expect(stderr).toBe('');
  }, 90_000);

  it('with LOG_LEVEL=debug: Nest\'s start-up messages too, and still the address last', async () => {
    const { lines, acceptedWhenPrinted } = await startMain('debug');
    expect(lines.at(-1)).toMatch(ADDRESS_LINE);
    expect(acceptedWhenPrinted).toBe(true);
    const contexts = lines.filter((line) => line.startsWith('{')).map((line) => (JSON.parse(line) as { context?: string }).context);
    expect(contexts).toEqual(expect.arrayContaining(['InstanceLoader', 'RoutesResolver', 'RouterExplorer']));
    expect(lines.some((line) => line.includes('Mapped {/api/health, GET} route'))).toBe(true);
  }, 90_000);
});
