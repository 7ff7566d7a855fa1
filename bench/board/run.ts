/**
 * Board sync benchmark (npm run bench:board). Boots the API from source in a child process against
 * its own database, then measures, over 127.0.0.1 only:
 *   1. joining a 5,000-element board: sequential, 10 at once, and the first join of an unloaded board;
 *   2. 200 rooms x 4 clients, each sending 2 document updates/s and 5 awareness messages/s:
 *      stored-acknowledgement latency, and CPU per room-second of the API process and of PostgreSQL.
 * Finishes in well under two minutes. Goals: join p99 <= 100 ms, acknowledgement p99 <= 50 ms.
 */
import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import * as path from 'node:path';
import * as encoding from 'lib0/encoding';
import { Client } from 'pg';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { ensureDatabase } from '../../apps/api/src/base/database/ensure-database';
import { runMigrations } from '../../apps/api/src/base/database/migrator';
import { excalidrawElement } from '../../apps/api/test/board/support/board-messages';
import { ChildServer, startChildServer } from '../../apps/api/test/board/support/child-server';

const ROOMS = Number(process.env.BENCH_ROOMS ?? 200);
const CLIENTS_PER_ROOM = 4;
const UPDATES_PER_SECOND = 2;
const AWARENESS_PER_SECOND = Number(process.env.BENCH_AWARENESS_PER_SECOND ?? 5);
const WARMUP_MS = 5_000;
const MEASURE_MS = Number(process.env.BENCH_MEASURE_MS ?? 20_000);
const BIG_BOARD_ELEMENTS = 5_000;
/** BENCH_PROFILE=<dir>: the servers write a V8 CPU profile there when they exit (open it in Chrome DevTools). */
const PROFILE_DIR = process.env.BENCH_PROFILE ? path.resolve(process.env.BENCH_PROFILE) : null;

const DATABASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/pairboard_bench';
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379/5';
const JWT_SECRET = randomBytes(32).toString('hex');
const REPO_ROOT = path.resolve(__dirname, '../..');
const CLOCK_TICKS = 100;

function token(userId: string): string {
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  const unsigned = `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode({ sub: userId, iat: now, exp: now + 900, jti: randomUUID() })}`;
  return `${unsigned}.${createHmac('sha256', JWT_SECRET).update(unsigned).digest('base64url')}`;
}

function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function summary(values: number[]): string {
  const f = (value: number) => value.toFixed(1);
  return `p50 ${f(percentile(values, 50))} ms  p99 ${f(percentile(values, 99))} ms  max ${f(Math.max(...values))} ms  (n=${values.length})`;
}

/** utime + stime of a process, in seconds. */
function cpuSeconds(pid: number): number {
  const { user, system } = cpuSplit(pid);
  return user + system;
}

function cpuSplit(pid: number): { user: number; system: number } {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return { user: Number(fields[11]) / CLOCK_TICKS, system: Number(fields[12]) / CLOCK_TICKS };
  } catch {
    return { user: 0, system: 0 };
  }
}

/** CPU seconds of every PostgreSQL process, including backends that already exited (counted in their parent). */
function postgresCpuSeconds(): number {
  let total = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() !== 'postgres') continue;
      const fields = readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1].split(' ');
      total += (Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14])) / CLOCK_TICKS;
    } catch {
      // the process ended while we looked
    }
  }
  return total;
}

/** Share of the last minute some runnable task waited for a CPU (Linux PSI): other load skews every figure. */
function cpuPressure(): number | null {
  try {
    const match = /avg60=([\d.]+)/.exec(readFileSync('/proc/pressure/cpu', 'utf8'));
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

async function withDatabase<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function prepareDatabase(): Promise<void> {
  const maintenance = new URL(DATABASE_URL);
  const name = maintenance.pathname.slice(1);
  maintenance.pathname = '/postgres';
  await withDatabase(maintenance.toString(), (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
  await ensureDatabase(DATABASE_URL);
  await runMigrations({ connectionString: DATABASE_URL, migrationsDir: path.join(REPO_ROOT, 'prisma/migrations') });
}

async function dropDatabase(): Promise<void> {
  const maintenance = new URL(DATABASE_URL);
  const name = maintenance.pathname.slice(1);
  maintenance.pathname = '/postgres';
  await withDatabase(maintenance.toString(), (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}

/** Users and interviews straight into the database: the benchmark measures the board, not sign-up. */
async function seedRooms(prefix: string, rooms: number, perRoom: number): Promise<{ interviewId: string; userIds: string[] }[]> {
  const seeded: { interviewId: string; userIds: string[] }[] = [];
  await withDatabase(DATABASE_URL, async (client) => {
    const users: string[] = [];
    const interviews: string[] = [];
    const participants: string[] = [];
    for (let r = 0; r < rooms; r++) {
      const interviewId = randomUUID();
      const userIds = Array.from({ length: perRoom }, () => randomUUID());
      userIds.forEach((id, i) => users.push(`('${id}', '${prefix}-${r}-${i}@example.test', 'Bench ${r}.${i}', 'x', now())`));
      interviews.push(`('${interviewId}', 'Bench room ${r}', '${userIds[0]}', now())`);
      userIds.forEach((id, i) =>
        participants.push(`('${randomUUID()}', '${interviewId}', '${id}', '${prefix}-${r}-${i}@example.test', '${i === 0 ? 'interviewer' : 'candidate'}')`),
      );
      seeded.push({ interviewId, userIds });
    }
    await client.query(`INSERT INTO users (id, email, name, password_hash, updated_at) VALUES ${users.join(',')}`);
    await client.query(`INSERT INTO interviews (id, title, created_by_id, updated_at) VALUES ${interviews.join(',')}`);
    await client.query(`INSERT INTO participants (id, interview_id, user_id, email, role) VALUES ${participants.join(',')}`);
  });
  return seeded;
}

function syncMessage(step: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  encoding.writeVarUint(encoder, step);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

function awarenessMessage(clientId: number, clock: number, state: object): Uint8Array {
  const inner = encoding.createEncoder();
  encoding.writeVarUint(inner, 1);
  encoding.writeVarUint(inner, clientId);
  encoding.writeVarUint(inner, clock);
  encoding.writeVarString(inner, JSON.stringify(state));
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 1);
  encoding.writeVarUint8Array(encoder, encoding.toUint8Array(inner));
  return encoding.toUint8Array(encoder);
}

const EMPTY_STEP_1 = syncMessage(0, Y.encodeStateVector(new Y.Doc()));

function connect(port: number, interviewId: string, userId: string): WebSocket {
  return new WebSocket(`ws://127.0.0.1:${port}/yjs/${interviewId}?token=${token(userId)}`, { perMessageDeflate: false });
}

/**
 * Opens a connection and resolves when the board has arrived, ms from start: the full state comes
 * as sync step 2, or as an update after it while the room's next checkpoint is pending.
 */
function timeJoin(port: number, interviewId: string, userId: string): Promise<{ ms: number; bytes: number; ws: WebSocket }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const ws = connect(port, interviewId, userId);
    ws.on('open', () => ws.send(EMPTY_STEP_1));
    ws.on('message', (data: Buffer) => {
      if (data[0] === 0 && data[1] !== 0 && data.length > 1000) resolve({ ms: performance.now() - started, bytes: data.length, ws });
    });
    ws.on('close', (code) => reject(new Error(`join closed with ${code}`)));
    ws.on('error', reject);
  });
}

async function benchJoins(server: ChildServer): Promise<void> {
  const [{ interviewId, userIds }] = await seedRooms('join', 1, 11);
  const board = new Y.Doc();
  board.transact(() => {
    for (let i = 0; i < BIG_BOARD_ELEMENTS; i++) board.getMap('elements').set(`el-${i}`, excalidrawElement(`el-${i}`, 1, i));
  });
  const state = Y.encodeStateAsUpdate(board);
  const jsonBytes = JSON.stringify(board.getMap('elements').toJSON()).length;

  // The author uploads the board as its handshake reply and stays connected, as in a live interview.
  const author = connect(server.port, interviewId, userIds[0]);
  await new Promise<void>((resolve, reject) => {
    author.on('open', () => author.send(syncMessage(1, state)));
    author.on('message', (data: Buffer) => data[0] === 4 && resolve());
    author.on('close', (code) => reject(new Error(`the author was closed with ${code}`)));
  });

  const close = (ws: WebSocket) => new Promise((resolve) => (ws.once('close', resolve), ws.close()));
  const sequential: number[] = [];
  let stateBytes = 0;
  for (let i = 0; i < 40; i++) {
    const join = await timeJoin(server.port, interviewId, userIds[1 + (i % 10)]);
    sequential.push(join.ms);
    stateBytes = join.bytes;
    await close(join.ws);
  }
  const concurrent: number[] = [];
  for (let round = 0; round < 4; round++) {
    // Ten different people at once, as when a class of observers joins.
    const joins = await Promise.all(Array.from({ length: 10 }, (_, i) => timeJoin(server.port, interviewId, userIds[1 + i])));
    concurrent.push(...joins.map((join) => join.ms));
    await Promise.all(joins.map((join) => close(join.ws)));
  }

  await close(author);
  const cold: number[] = [];
  for (let i = 0; i < 5; i++) {
    await new Promise((resolve) => setTimeout(resolve, 300));
    const join = await timeJoin(server.port, interviewId, userIds[1]);
    cold.push(join.ms);
    await close(join.ws);
  }

  console.log(`\nJoin a ${BIG_BOARD_ELEMENTS}-element board (${(jsonBytes / BIG_BOARD_ELEMENTS).toFixed(0)} B of JSON per element; full state ${(state.length / 1e6).toFixed(2)} MB, initial sync ${(stateBytes / 1e6).toFixed(2)} MB)`);
  console.log(`  sequential          ${summary(sequential)}`);
  console.log(`  10 at once          ${summary(concurrent)}`);
  console.log(`  first join (loads)  ${summary(cold)}`);
}

interface LoadClient {
  ws: WebSocket;
  updates: Uint8Array[];
  sentAt: number[];
  acked: number;
  awarenessClock: number;
  clientId: number;
  name: string;
}

/** Sums and counts of the API's own histograms, and its event-loop lag, from /metrics. */
async function scrape(server: ChildServer): Promise<Record<string, number>> {
  const text = await fetch(`http://127.0.0.1:${server.port}/metrics`).then((response) => response.text());
  const values: Record<string, number> = {};
  for (const line of text.split('\n')) {
    const match = /^(board_write_batch_size_(?:sum|count)|board_write_duration_seconds_(?:sum|count)|nodejs_eventloop_lag_p99_seconds) ([\d.e+-]+)$/.exec(line);
    if (match) values[match[1]] = Number(match[2]);
    const slow = /^board_write_duration_seconds_bucket\{le="0.025"\} ([\d.e+-]+)$/.exec(line);
    if (slow) values.board_writes_within_25ms = Number(slow[1]);
    const gc = /^nodejs_gc_duration_seconds_(sum|count)\{kind="(\w+)"\} ([\d.e+-]+)$/.exec(line);
    if (gc) values[`gc_${gc[2]}_${gc[1]}`] = Number(gc[3]);
  }
  return values;
}

async function benchLoad(server: ChildServer): Promise<void> {
  const rooms = await seedRooms('load', ROOMS, CLIENTS_PER_ROOM);
  const updatesPerClient = Math.ceil(((WARMUP_MS + MEASURE_MS) / 1000 + 5) * UPDATES_PER_SECOND);
  const clients: LoadClient[] = [];
  for (const [r, room] of rooms.entries()) {
    for (const [c, userId] of room.userIds.entries()) {
      // Each client's updates come from its own document, prepared up front so the clients stay cheap.
      const doc = new Y.Doc();
      const updates: Uint8Array[] = [];
      doc.on('update', (update: Uint8Array) => updates.push(syncMessage(2, update)));
      for (let k = 0; k < updatesPerClient; k++) {
        const id = `r${r}-c${c}-${k % 12}`;
        doc.getMap('elements').set(id, excalidrawElement(id, k + 1, r * 100 + k));
      }
      clients.push({ ws: connect(server.port, room.interviewId, userId), updates, sentAt: [], acked: 0, awarenessClock: 0, clientId: doc.clientID, name: `User ${r}.${c}` });
    }
  }
  let closedEarly = 0;
  const latencies: number[] = [];
  let measuring = false;
  let received = 0;
  for (const client of clients) {
    client.ws.on('message', (data: Buffer) => {
      received++;
      if (data[0] !== 4) return;
      let n = 0;
      let multiplier = 1;
      for (let i = 1; i < data.length; i++) {
        n += (data[i] & 0x7f) * multiplier;
        if (data[i] < 0x80) break;
        multiplier *= 128;
      }
      const now = performance.now();
      for (let i = client.acked; i < n; i++) if (measuring) latencies.push(now - client.sentAt[i]);
      client.acked = n;
    });
    client.ws.on('close', () => closedEarly++);
    client.ws.on('error', () => undefined);
  }
  await Promise.all(clients.map((client) => new Promise<void>((resolve) => client.ws.once('open', () => resolve()))));
  for (const client of clients) client.ws.send(EMPTY_STEP_1);

  const timers: NodeJS.Timeout[] = [];
  for (const client of clients) {
    const sendUpdate = () => {
      const next = client.sentAt.length;
      if (next >= client.updates.length || client.ws.readyState !== WebSocket.OPEN) return;
      client.sentAt.push(performance.now());
      client.ws.send(client.updates[next]);
    };
    const sendAwareness = () => {
      if (client.ws.readyState !== WebSocket.OPEN) return;
      client.awarenessClock++;
      const cursor = { x: Math.round(Math.random() * 1600), y: Math.round(Math.random() * 900) };
      client.ws.send(awarenessMessage(client.clientId, client.awarenessClock, { user: { name: client.name, color: '#e8590c' }, cursor, selected: [] }));
    };
    const jitter = Math.random() * 1000;
    timers.push(setTimeout(() => timers.push(setInterval(sendUpdate, 1000 / UPDATES_PER_SECOND)), jitter));
    if (AWARENESS_PER_SECOND > 0) timers.push(setTimeout(() => timers.push(setInterval(sendAwareness, 1000 / AWARENESS_PER_SECOND)), jitter / 2));
  }

  await new Promise((resolve) => setTimeout(resolve, WARMUP_MS));
  measuring = true;
  const serverCpu0 = cpuSeconds(server.process.pid as number);
  const serverSplit0 = cpuSplit(server.process.pid as number);
  const postgresCpu0 = postgresCpuSeconds();
  const benchCpu0 = process.cpuUsage();
  const benchLag = monitorEventLoopDelay({ resolution: 5 });
  benchLag.enable();
  const sent0 = clients.reduce((sum, client) => sum + client.sentAt.length, 0);
  const received0 = received;
  const metrics0 = await scrape(server);
  const started = performance.now();
  await new Promise((resolve) => setTimeout(resolve, MEASURE_MS));
  const seconds = (performance.now() - started) / 1000;
  const serverCpu = cpuSeconds(server.process.pid as number) - serverCpu0;
  const serverSystem = cpuSplit(server.process.pid as number).system - serverSplit0.system;
  const postgresCpu = postgresCpuSeconds() - postgresCpu0;
  const benchCpu = process.cpuUsage(benchCpu0);
  benchLag.disable();
  const sent = clients.reduce((sum, client) => sum + client.sentAt.length, 0) - sent0;
  const receivedInWindow = received - received0;
  const metrics1 = await scrape(server);
  const delta = (name: string) => (metrics1[name] ?? 0) - (metrics0[name] ?? 0);
  const writes = delta('board_write_batch_size_count');
  measuring = false;
  for (const timer of timers) clearTimeout(timer);
  await new Promise((resolve) => setTimeout(resolve, 500));
  const unacked = clients.reduce((sum, client) => sum + (client.sentAt.length - client.acked), 0);
  const closedBeforeEnd = closedEarly;
  await Promise.all(clients.map((client) => new Promise((resolve) => (client.ws.once('close', resolve), client.ws.close()))));

  const roomSeconds = ROOMS * seconds;
  console.log(`\nLoad: ${ROOMS} rooms x ${CLIENTS_PER_ROOM} clients, ${UPDATES_PER_SECOND} updates/s and ${AWARENESS_PER_SECOND} awareness msgs/s per client, ${seconds.toFixed(1)} s measured`);
  console.log(`  document updates    ${(sent / seconds).toFixed(0)}/s sent, messages received by clients ${(receivedInWindow / seconds).toFixed(0)}/s`);
  console.log(`  stored ack latency  ${summary(latencies)}`);
  console.log(
    `  API process CPU     ${((serverCpu / roomSeconds) * 1000).toFixed(2)} ms per room-second (${((serverCpu / seconds) * 100).toFixed(0)}% of a core, ${((serverSystem / serverCpu) * 100).toFixed(0)}% of it in the kernel)`,
  );
  console.log(
    `  group commit        ${(writes / seconds).toFixed(0)} writes/s, ${(delta('board_write_batch_size_sum') / writes).toFixed(1)} rows per write, ${((delta('board_write_duration_seconds_sum') / writes) * 1000).toFixed(1)} ms per write, ${writes - delta('board_writes_within_25ms')} writes over 25 ms; event-loop lag p99 ${((metrics1.nodejs_eventloop_lag_p99_seconds ?? 0) * 1000).toFixed(1)} ms`,
  );
  const gcKinds = Object.keys(metrics1).filter((name) => name.startsWith('gc_') && name.endsWith('_count')).map((name) => name.slice(3, -6));
  console.log(
    `  API garbage collection ${gcKinds
      .map((kind) => `${kind} ${delta(`gc_${kind}_count`)}x avg ${((delta(`gc_${kind}_sum`) / Math.max(1, delta(`gc_${kind}_count`))) * 1000).toFixed(1)} ms`)
      .join(', ')}`,
  );
  console.log(`  PostgreSQL CPU      ${((postgresCpu / roomSeconds) * 1000).toFixed(2)} ms per room-second (${((postgresCpu / seconds) * 100).toFixed(0)}% of a core)`);
  console.log(
    `  load clients        ${(((benchCpu.user + benchCpu.system) / 1e6 / seconds) * 100).toFixed(0)}% of a core on the same machine; their event-loop lag p99 ${(benchLag.percentile(99) / 1e6).toFixed(1)} ms (part of the latency above)`,
  );
  console.log(`  unacknowledged at the end: ${unacked}; connections closed early: ${closedBeforeEnd}`);
  const pressure = cpuPressure();
  if (pressure !== null) console.log(`  machine CPU pressure (time some task waited for a CPU, last 60 s): ${pressure.toFixed(0)}%`);
}

async function main(): Promise<void> {
  const started = Date.now();
  await prepareDatabase();
  const server = await startChildServer({
    DATABASE_URL,
    REDIS_URL,
    JWT_SECRET,
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    WEB_DIST: '/nonexistent',
    // BOARD_* settings of this shell reach the server, to compare configurations.
    ...Object.fromEntries(Object.entries(process.env).filter(([name]) => name.startsWith('BOARD_'))),
  }, 60_000, PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`] : []);
  server.process.once('exit', (code, signal) => {
    if (code !== 0 && signal !== 'SIGTERM') console.error(`The API exited early (${signal ?? code}):\n${server.output().slice(-4000)}`);
  });
  console.log(`API started (pid ${server.process.pid}) on 127.0.0.1:${server.port}; ${cpus().length} cores`);
  try {
    await benchJoins(server);
    await benchLoad(server);
  } finally {
    await server.kill('SIGTERM');
    await dropDatabase();
  }
  const warnings = server.output().split('\n').filter((line) => line.trim()).length;
  if (warnings > 0) console.log(`\nAPI stderr: ${warnings} lines (last: ${server.output().trim().split('\n').slice(-1)[0]?.slice(0, 200)})`);
  console.log(`\nDone in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

main().then(
  // Exit only once stdout is flushed: a pipe (npm run … | tail) would lose the figures otherwise.
  () => process.stdout.write('', () => process.exit(0)),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
