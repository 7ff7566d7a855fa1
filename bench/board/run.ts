/**
 * Board sync benchmark (npm run bench:board). Boots the API from source in a child process against
 * its own database, then measures, over 127.0.0.1 only:
 *   1. joining a 5,000-element board: sequential, 10 at once, and the first join of an unloaded board;
 *   2. 200 rooms x 4 clients, each sending 2 document updates/s and 5 awareness messages/s: stored
 *      acknowledgement and relay latency, and CPU per room-second of the API process and of PostgreSQL;
 *   3. the same joins and load against the reference y-websocket server and Hocuspocus (in memory,
 *      child processes too, see peer-server.ts), and a table of ours against each with ratios.
 * About two minutes. Goals: join p99 <= 100 ms, acknowledgement p99 <= 50 ms. See README.md.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import * as path from 'node:path';
import { awarenessStatesMessage, syncStep1Message, syncStep2Message, updateMessage } from '@pairboard/board-protocol';
import * as encoding from 'lib0/encoding';
import { Client } from 'pg';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { ensureDatabase } from '../../apps/api/src/base/database/ensure-database';
import { runMigrations } from '../../apps/api/src/base/database/migrator';
import { excalidrawElement } from '../../apps/api/test/board/support/board-fixtures';
import { startChildServer } from '../../apps/api/test/board/support/child-server';

const ROOMS = Number(process.env.BENCH_ROOMS ?? 200);
const CLIENTS_PER_ROOM = 4;
const UPDATES_PER_SECOND = 2;
const AWARENESS_PER_SECOND = Number(process.env.BENCH_AWARENESS_PER_SECOND ?? 5);
const WARMUP_MS = 5_000;
const MEASURE_MS = Number(process.env.BENCH_MEASURE_MS ?? 20_000);
const BIG_BOARD_ELEMENTS = 5_000;
/** BENCH_PROFILE=<dir>: the servers write a V8 CPU profile there when they exit (open it in Chrome DevTools). */
const PROFILE_DIR = process.env.BENCH_PROFILE ? path.resolve(process.env.BENCH_PROFILE) : null;
/** BENCH_NODE_ARGS: node options for every server under test, ours and peers alike (e.g. GC settings). */
const SERVER_NODE_ARGS = [
  ...(process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean),
  ...(PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`] : []),
];
/** First joins of the unloaded board (each waits for the room to unload first). */
const COLD_JOINS = Number(process.env.BENCH_COLD_JOINS ?? 20);
/** BENCH_PEERS: which peer servers to run after ours, comma-separated, or "none". */
const PEERS = (process.env.BENCH_PEERS ?? 'y-websocket,hocuspocus')
  .split(',')
  .map((name) => name.trim())
  .filter((name): name is 'y-websocket' | 'hocuspocus' => {
    if (name === 'y-websocket' || name === 'hocuspocus') return true;
    if (name !== '' && name !== 'none') throw new Error(`BENCH_PEERS: unknown peer "${name}" (y-websocket, hocuspocus or none)`);
    return false;
  });

const DATABASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/pairboard_bench';
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379/5';
const JWT_SECRET = randomBytes(32).toString('hex');
const REPO_ROOT = path.resolve(__dirname, '../..');
const CLOCK_TICKS = 100;

/** Each seeded user's signed-in session (refresh-token family): the API admits sockets of live sessions only. */
const sessionOf = new Map<string, string>();

function token(userId: string): string {
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  const sid = sessionOf.get(userId) ?? randomUUID();
  const claims = { sub: userId, sid, aud: 'pairboard-api', iat: now, exp: now + 900, jti: randomUUID() };
  const unsigned = `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode(claims)}`;
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
    const sessions: string[] = [];
    for (let r = 0; r < rooms; r++) {
      const interviewId = randomUUID();
      const userIds = Array.from({ length: perRoom }, () => randomUUID());
      userIds.forEach((id, i) => users.push(`('${id}', '${prefix}-${r}-${i}@example.test', 'Bench ${r}.${i}', 'x', now())`));
      for (const id of userIds) {
        const familyId = randomUUID();
        sessionOf.set(id, familyId);
        sessions.push(`('${randomUUID()}', '${id}', '${familyId}', '${randomBytes(32).toString('hex')}', now() + interval '1 day')`);
      }
      interviews.push(`('${interviewId}', 'Bench room ${r}', '${userIds[0]}', now())`);
      userIds.forEach((id, i) =>
        participants.push(`('${randomUUID()}', '${interviewId}', '${id}', '${prefix}-${r}-${i}@example.test', '${i === 0 ? 'interviewer' : 'candidate'}')`),
      );
      seeded.push({ interviewId, userIds });
    }
    await client.query(`INSERT INTO users (id, email, name, password_hash, updated_at) VALUES ${users.join(',')}`);
    await client.query(`INSERT INTO interviews (id, title, created_by_id, updated_at) VALUES ${interviews.join(',')}`);
    await client.query(`INSERT INTO participants (id, interview_id, user_id, email, role) VALUES ${participants.join(',')}`);
    await client.query(`INSERT INTO refresh_tokens (id, user_id, family_id, token_hash, expires_at) VALUES ${sessions.join(',')}`);
  });
  return seeded;
}

const EMPTY_STEP_1 = syncStep1Message(new Y.Doc());

/** A board server under test: ours (the API) or a peer speaking the same protocol. */
interface Target {
  kind: ServerKind;
  label: string;
  port: number;
  pid: number;
}

type ServerKind = 'pairboard' | 'y-websocket' | 'hocuspocus';

const PEER_LABELS: Record<Exclude<ServerKind, 'pairboard'>, string> = { 'y-websocket': 'y-websocket', hocuspocus: 'Hocuspocus' };

/** Hocuspocus puts the document name before every message (it multiplexes documents on one socket). */
function framed(target: Target, room: string, message: Uint8Array): Uint8Array {
  if (target.kind !== 'hocuspocus') return message;
  const encoder = encoding.createEncoder();
  encoding.writeVarString(encoder, room);
  encoding.writeUint8Array(encoder, message);
  return encoding.toUint8Array(encoder);
}

/** The y-websocket message inside what a server sent. */
function unframed(target: Target, data: Buffer): Uint8Array {
  if (target.kind !== 'hocuspocus') return data;
  const [length, start] = readVarUint(data, 0);
  return data.subarray(start + length);
}

function readVarUint(bytes: Uint8Array, position: number): [value: number, next: number] {
  let value = 0;
  let multiplier = 1;
  while (position < bytes.length) {
    const byte = bytes[position++];
    value += (byte & 0x7f) * multiplier;
    if (byte < 0x80) break;
    multiplier *= 128;
  }
  return [value, position];
}

/**
 * "client:clock" of the first item in a sync update message (`[0, 2, length, update]`): every
 * server relays the item under the same id, whether it forwards the bytes or re-encodes them.
 */
function updateKey(message: Uint8Array): string {
  let position = 2;
  // Skip the payload length, the number of clients in the update and the first client's struct count.
  for (let skip = 0; skip < 3; skip++) position = readVarUint(message, position)[1];
  const [client, next] = readVarUint(message, position);
  return `${client}:${readVarUint(message, next)[0]}`;
}

function connect(target: Target, room: string, userId: string): WebSocket {
  const url =
    target.kind === 'pairboard'
      ? `ws://127.0.0.1:${target.port}/yjs/${room}?token=${token(userId)}`
      : `ws://127.0.0.1:${target.port}/yjs/${room}`;
  const ws = new WebSocket(url, { perMessageDeflate: false });
  if (target.kind === 'hocuspocus') {
    // Hocuspocus handles nothing of a document before its auth message (any token passes without hooks).
    ws.once('open', () => {
      const encoder = encoding.createEncoder();
      encoding.writeVarString(encoder, room);
      encoding.writeVarUint(encoder, 2);
      encoding.writeVarUint(encoder, 0);
      encoding.writeVarString(encoder, 'bench');
      ws.send(encoding.toUint8Array(encoder));
    });
  }
  return ws;
}

/**
 * Opens a connection and resolves when the board has arrived, ms from start: the full state comes
 * as sync step 2, or as an update after it while the room's next checkpoint is pending.
 */
function timeJoin(target: Target, room: string, userId: string): Promise<{ ms: number; bytes: number; ws: WebSocket }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const ws = connect(target, room, userId);
    ws.on('open', () => ws.send(framed(target, room, EMPTY_STEP_1)));
    ws.on('message', (data: Buffer) => {
      const message = unframed(target, data);
      if (message[0] === 0 && message[1] !== 0 && message.length > 1000) resolve({ ms: performance.now() - started, bytes: message.length, ws });
    });
    ws.on('close', (code) => reject(new Error(`join closed with ${code}`)));
    ws.on('error', reject);
  });
}

/** What one server under test achieved; the comparison table is built from these. */
interface Figures {
  label: string;
  joinSequential: number[];
  joinConcurrent: number[];
  /** null where the server keeps no board once everyone has left */
  joinCold: number[] | null;
  relay: number[];
  /** null where the server acknowledges nothing */
  ack: number[] | null;
  cpuMsPerRoomSecond: number;
  postgresMsPerRoomSecond: number | null;
  messagesReceivedPerSecond: number;
}

interface BigBoard {
  state: Uint8Array;
  jsonBytes: number;
}

function bigBoard(): BigBoard {
  const board = new Y.Doc();
  board.transact(() => {
    for (let i = 0; i < BIG_BOARD_ELEMENTS; i++) board.getMap('elements').set(`el-${i}`, excalidrawElement(`el-${i}`, 1, i));
  });
  return { state: Y.encodeStateAsUpdate(board), jsonBytes: JSON.stringify(board.getMap('elements').toJSON()).length };
}

async function benchJoins(target: Target, room: { interviewId: string; userIds: string[] }, board: BigBoard): Promise<Pick<Figures, 'joinSequential' | 'joinConcurrent' | 'joinCold'>> {
  const { interviewId, userIds } = room;
  const { state, jsonBytes } = board;

  // The author uploads the board as its handshake reply and stays connected, as in a live interview.
  // Done once ours acknowledges it stored, Hocuspocus that it applied it, y-websocket echoes it back.
  const author = connect(target, interviewId, userIds[0]);
  await new Promise<void>((resolve, reject) => {
    author.on('open', () => author.send(framed(target, interviewId, syncStep2Message(state))));
    author.on('message', (data: Buffer) => {
      const message = unframed(target, data);
      const done =
        target.kind === 'pairboard' ? message[0] === 4 : target.kind === 'hocuspocus' ? message[0] === 8 : message[0] === 0 && message[1] === 2 && message.length > 1000;
      if (done) resolve();
    });
    author.on('close', (code) => reject(new Error(`the author was closed with ${code}`)));
  });

  const close = (ws: WebSocket) => new Promise((resolve) => (ws.once('close', resolve), ws.close()));
  const sequential: number[] = [];
  let stateBytes = 0;
  for (let i = 0; i < 40; i++) {
    const join = await timeJoin(target, interviewId, userIds[1 + (i % 10)]);
    sequential.push(join.ms);
    stateBytes = join.bytes;
    await close(join.ws);
  }
  const concurrent: number[] = [];
  for (let round = 0; round < 4; round++) {
    // Ten different people at once, as when a class of observers joins.
    const joins = await Promise.all(Array.from({ length: 10 }, (_, i) => timeJoin(target, interviewId, userIds[1 + i])));
    concurrent.push(...joins.map((join) => join.ms));
    await Promise.all(joins.map((join) => close(join.ws)));
  }

  await close(author);
  // Peers keep no board once everyone left (Hocuspocus unloads it, y-websocket keeps it in memory):
  // only ours has a cold join, from PostgreSQL.
  let cold: number[] | null = null;
  if (target.kind === 'pairboard') {
    cold = [];
    for (let i = 0; i < COLD_JOINS; i++) {
      // Long enough for the room to unload once its last connection left.
      await new Promise((resolve) => setTimeout(resolve, 300));
      const join = await timeJoin(target, interviewId, userIds[1]);
      cold.push(join.ms);
      await close(join.ws);
    }
  }

  console.log(
    `\n${target.label}: join a ${BIG_BOARD_ELEMENTS}-element board (${(jsonBytes / BIG_BOARD_ELEMENTS).toFixed(0)} B of JSON per element; full state ${(state.length / 1e6).toFixed(2)} MB, initial sync ${(stateBytes / 1e6).toFixed(2)} MB)`,
  );
  console.log(`  sequential          ${summary(sequential)}`);
  console.log(`  10 at once          ${summary(concurrent)}`);
  if (cold) console.log(`  first join (loads)  ${summary(cold)}`);
  return { joinSequential: sequential, joinConcurrent: concurrent, joinCold: cold };
}

interface LoadClient {
  ws: WebSocket;
  room: string;
  updates: Uint8Array[];
  /** updateKey of each of `updates` */
  keys: string[];
  sentAt: number[];
  acked: number;
  awarenessClock: number;
  clientId: number;
  name: string;
}

/** Sums and counts of the API's own histograms, and its event-loop lag, from /metrics. */
async function scrape(target: Target): Promise<Record<string, number>> {
  const values: Record<string, number> = {};
  if (target.kind !== 'pairboard') return values;
  const text = await fetch(`http://127.0.0.1:${target.port}/metrics`).then((response) => response.text());
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

async function benchLoad(target: Target, rooms: { interviewId: string; userIds: string[] }[]): Promise<Omit<Figures, 'label' | 'joinSequential' | 'joinConcurrent' | 'joinCold'>> {
  const updatesPerClient = Math.ceil(((WARMUP_MS + MEASURE_MS) / 1000 + 5) * UPDATES_PER_SECOND);
  const clients: LoadClient[] = [];
  for (const [r, room] of rooms.entries()) {
    for (const [c, userId] of room.userIds.entries()) {
      // Each client's updates come from its own document, prepared up front so the clients stay cheap.
      const doc = new Y.Doc();
      const updates: Uint8Array[] = [];
      doc.on('update', (update: Uint8Array) => updates.push(framed(target, room.interviewId, updateMessage(update))));
      for (let k = 0; k < updatesPerClient; k++) {
        const id = `r${r}-c${c}-${k % 12}`;
        doc.getMap('elements').set(id, excalidrawElement(id, k + 1, r * 100 + k));
      }
      const keys = updates.map((update) => updateKey(unframed(target, update as Buffer)));
      clients.push({
        ws: connect(target, room.interviewId, userId),
        room: room.interviewId,
        updates,
        keys,
        sentAt: [],
        acked: 0,
        awarenessClock: 0,
        clientId: doc.clientID,
        name: `User ${r}.${c}`,
      });
    }
  }
  let closedEarly = 0;
  const closeCodes = new Map<number, number>();
  const acks: number[] = [];
  const relays: number[] = [];
  const sentAtByKey = new Map<string, number>();
  let measuring = false;
  let received = 0;
  for (const client of clients) {
    client.ws.on('message', (data: Buffer) => {
      received++;
      const message = unframed(target, data);
      const now = performance.now();
      if (message[0] === 0 && message[1] === 2) {
        // A relayed update (y-websocket also echoes the sender's own, which is not a relay).
        if (!measuring) return;
        const key = updateKey(message);
        const sentAt = sentAtByKey.get(key);
        if (sentAt !== undefined && !key.startsWith(`${client.clientId}:`)) relays.push(now - sentAt);
        return;
      }
      let acked = client.acked;
      // Ours: `[4, n]`, n stored so far; Hocuspocus: one `[8, 1]` per update applied in memory.
      if (target.kind === 'pairboard' && message[0] === 4) acked = readVarUint(message, 1)[0];
      else if (target.kind === 'hocuspocus' && message[0] === 8) acked++;
      else return;
      for (let i = client.acked; i < acked; i++) if (measuring) acks.push(now - client.sentAt[i]);
      client.acked = acked;
    });
    client.ws.on('close', (code) => {
      closedEarly++;
      closeCodes.set(code, (closeCodes.get(code) ?? 0) + 1);
    });
    client.ws.on('error', () => undefined);
  }
  // A connection refused or dropped (a busy machine) must not hold the benchmark: it counts as closed early.
  await Promise.all(clients.map((client) => new Promise<void>((resolve) => (client.ws.once('open', () => resolve()), client.ws.once('close', () => resolve())))));
  for (const client of clients) client.ws.send(framed(target, client.room, EMPTY_STEP_1));

  const timers: NodeJS.Timeout[] = [];
  for (const client of clients) {
    const sendUpdate = () => {
      const next = client.sentAt.length;
      if (next >= client.updates.length || client.ws.readyState !== WebSocket.OPEN) return;
      const now = performance.now();
      client.sentAt.push(now);
      sentAtByKey.set(client.keys[next], now);
      client.ws.send(client.updates[next]);
    };
    const sendAwareness = () => {
      if (client.ws.readyState !== WebSocket.OPEN) return;
      client.awarenessClock++;
      const cursor = { x: Math.round(Math.random() * 1600), y: Math.round(Math.random() * 900) };
      client.ws.send(framed(target, client.room, awarenessStatesMessage([{ clientId: client.clientId, clock: client.awarenessClock, state: { user: { name: client.name, color: '#e8590c' }, cursor, selected: [] } }])));
    };
    const jitter = Math.random() * 1000;
    timers.push(setTimeout(() => timers.push(setInterval(sendUpdate, 1000 / UPDATES_PER_SECOND)), jitter));
    if (AWARENESS_PER_SECOND > 0) timers.push(setTimeout(() => timers.push(setInterval(sendAwareness, 1000 / AWARENESS_PER_SECOND)), jitter / 2));
  }

  await new Promise((resolve) => setTimeout(resolve, WARMUP_MS));
  measuring = true;
  const serverCpu0 = cpuSeconds(target.pid);
  const serverSplit0 = cpuSplit(target.pid);
  const postgresCpu0 = postgresCpuSeconds();
  const benchCpu0 = process.cpuUsage();
  const benchLag = monitorEventLoopDelay({ resolution: 5 });
  benchLag.enable();
  const sent0 = clients.reduce((sum, client) => sum + client.sentAt.length, 0);
  const received0 = received;
  const metrics0 = await scrape(target);
  const started = performance.now();
  await new Promise((resolve) => setTimeout(resolve, MEASURE_MS));
  const seconds = (performance.now() - started) / 1000;
  const serverCpu = cpuSeconds(target.pid) - serverCpu0;
  const serverSystem = cpuSplit(target.pid).system - serverSplit0.system;
  const postgresCpu = postgresCpuSeconds() - postgresCpu0;
  const benchCpu = process.cpuUsage(benchCpu0);
  benchLag.disable();
  const sent = clients.reduce((sum, client) => sum + client.sentAt.length, 0) - sent0;
  const receivedInWindow = received - received0;
  const metrics1 = await scrape(target);
  const delta = (name: string) => (metrics1[name] ?? 0) - (metrics0[name] ?? 0);
  const writes = delta('board_write_batch_size_count');
  measuring = false;
  for (const timer of timers) clearTimeout(timer);
  await new Promise((resolve) => setTimeout(resolve, 500));
  const unacked = clients.reduce((sum, client) => sum + (client.sentAt.length - client.acked), 0);
  const closedBeforeEnd = closedEarly;
  const codes = [...closeCodes].map(([code, count]) => `${count}x ${code}`).join(', ');
  await Promise.all(
    clients.map((client) =>
      client.ws.readyState === WebSocket.CLOSED ? undefined : new Promise((resolve) => (client.ws.once('close', resolve), client.ws.close())),
    ),
  );

  const roomSeconds = rooms.length * seconds;
  console.log(
    `\n${target.label}: load of ${rooms.length} rooms x ${CLIENTS_PER_ROOM} clients, ${UPDATES_PER_SECOND} updates/s and ${AWARENESS_PER_SECOND} awareness msgs/s per client, ${seconds.toFixed(1)} s measured`,
  );
  console.log(`  document updates    ${(sent / seconds).toFixed(0)}/s sent, messages received by clients ${(receivedInWindow / seconds).toFixed(0)}/s`);
  console.log(`  relay latency       ${summary(relays)}`);
  if (target.kind === 'pairboard') console.log(`  stored ack latency  ${summary(acks)}`);
  if (target.kind === 'hocuspocus') console.log(`  applied ack latency ${summary(acks)}`);
  console.log(
    `  server process CPU  ${((serverCpu / roomSeconds) * 1000).toFixed(2)} ms per room-second (${((serverCpu / seconds) * 100).toFixed(0)}% of a core, ${((serverSystem / Math.max(serverCpu, 1e-9)) * 100).toFixed(0)}% of it in the kernel)`,
  );
  if (target.kind === 'pairboard') {
    console.log(
      `  group commit        ${(writes / seconds).toFixed(0)} writes/s, ${(delta('board_write_batch_size_sum') / writes).toFixed(1)} rows per write, ${((delta('board_write_duration_seconds_sum') / writes) * 1000).toFixed(1)} ms per write, ${writes - delta('board_writes_within_25ms')} writes over 25 ms; event-loop lag p99 ${((metrics1.nodejs_eventloop_lag_p99_seconds ?? 0) * 1000).toFixed(1)} ms`,
    );
    const gcKinds = Object.keys(metrics1).filter((name) => name.startsWith('gc_') && name.endsWith('_count')).map((name) => name.slice(3, -6));
    console.log(
      `  API garbage collection ${gcKinds
        .map((kind) => `${kind} ${delta(`gc_${kind}_count`)}x avg ${((delta(`gc_${kind}_sum`) / Math.max(1, delta(`gc_${kind}_count`))) * 1000).toFixed(1)} ms`)
        .join(', ')}`,
    );
  }
  if (target.kind === 'pairboard') {
    console.log(`  PostgreSQL CPU      ${((postgresCpu / roomSeconds) * 1000).toFixed(2)} ms per room-second (${((postgresCpu / seconds) * 100).toFixed(0)}% of a core)`);
  }
  console.log(
    `  load clients        ${(((benchCpu.user + benchCpu.system) / 1e6 / seconds) * 100).toFixed(0)}% of a core on the same machine; their event-loop lag p99 ${(benchLag.percentile(99) / 1e6).toFixed(1)} ms (part of the latency above)`,
  );
  const early = `connections closed early: ${closedBeforeEnd}${codes ? ` (${codes})` : ''}`;
  console.log(target.kind === 'y-websocket' ? `  ${early}` : `  unacknowledged at the end: ${unacked}; ${early}`);
  const pressure = cpuPressure();
  if (pressure !== null) console.log(`  machine CPU pressure (time some task waited for a CPU, last 60 s): ${pressure.toFixed(0)}%`);
  return {
    relay: relays,
    ack: target.kind === 'y-websocket' ? null : acks,
    cpuMsPerRoomSecond: (serverCpu / roomSeconds) * 1000,
    postgresMsPerRoomSecond: target.kind === 'pairboard' ? (postgresCpu / roomSeconds) * 1000 : null,
    messagesReceivedPerSecond: receivedInWindow / seconds,
  };
}

/** Waits (up to 30 s) until the board has a checkpoint in PostgreSQL. */
async function waitForCheckpoint(interviewId: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  await withDatabase(DATABASE_URL, async (client) => {
    while (Date.now() < deadline) {
      const result = await client.query('SELECT 1 FROM board_snapshots WHERE interview_id = $1 LIMIT 1', [interviewId]);
      if (result.rowCount) return;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    console.log('  (the join room has no checkpoint after 30 s: the load below may include it)');
  });
}

/** Starts a peer server in a child process, as the API runs in one; resolves with its port. */
async function startPeer(kind: Exclude<ServerKind, 'pairboard'>): Promise<{ target: Target; child: ChildProcess }> {
  const child = spawn(
    process.execPath,
    [...SERVER_NODE_ARGS, '-r', path.join(REPO_ROOT, 'apps/api/test/board/support/swc-register.cjs'), path.join(__dirname, 'peer-server.ts'), kind],
    // stdin stays open while the benchmark lives: the peer exits when it closes.
    { cwd: REPO_ROOT, stdio: ['pipe', 'pipe', 'inherit'] },
  );
  const port = await new Promise<number>((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const line = output.split('\n').find((candidate) => candidate.startsWith('{"port"'));
      if (line) resolve((JSON.parse(line) as { port: number }).port);
    });
    child.once('exit', (code) => reject(new Error(`the ${kind} server exited with ${code} before listening`)));
  });
  return { target: { kind, label: PEER_LABELS[kind], port, pid: child.pid as number }, child };
}

async function stopPeer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

function p(values: number[] | null, q: number): number {
  return values && values.length > 0 ? percentile(values, q) : NaN;
}

/** Ours against each peer, with ours/peer ratios (below 1: ours is cheaper or faster). */
function printComparison(ours: Figures, peers: Figures[]): void {
  const cell = (value: number, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : '–');
  const pair = (values: number[] | null) => (values ? `${cell(p(values, 50))} / ${cell(p(values, 99))}` : 'n/a');
  const ratio = (mine: number, theirs: number) => (Number.isFinite(mine) && Number.isFinite(theirs) && theirs > 0 ? `${(mine / theirs).toFixed(2)}x` : '–');
  const ratioPair = (mine: number[] | null, theirs: number[] | null) =>
    mine && theirs ? `${ratio(p(mine, 50), p(theirs, 50))} / ${ratio(p(mine, 99), p(theirs, 99))}` : '–';
  const rows: { name: string; value: (figures: Figures) => string; ratio: (peer: Figures) => string }[] = [
    {
      name: 'server CPU, ms per room-second',
      value: (f) => cell(f.cpuMsPerRoomSecond, 2),
      ratio: (peer) => ratio(ours.cpuMsPerRoomSecond, peer.cpuMsPerRoomSecond),
    },
    {
      name: '  + PostgreSQL (ours only)',
      value: (f) => (f.postgresMsPerRoomSecond === null ? 'n/a' : cell(f.cpuMsPerRoomSecond + f.postgresMsPerRoomSecond, 2)),
      ratio: (peer) => ratio(ours.cpuMsPerRoomSecond + (ours.postgresMsPerRoomSecond ?? 0), peer.cpuMsPerRoomSecond),
    },
    { name: 'relay latency p50 / p99 ms', value: (f) => pair(f.relay), ratio: (peer) => ratioPair(ours.relay, peer.relay) },
    { name: 'ack latency p50 / p99 ms', value: (f) => pair(f.ack), ratio: (peer) => ratioPair(ours.ack, peer.ack) },
    { name: 'join 5k board, one by one p50 / p99', value: (f) => pair(f.joinSequential), ratio: (peer) => ratioPair(ours.joinSequential, peer.joinSequential) },
    { name: 'join 5k board, 10 at once p50 / p99', value: (f) => pair(f.joinConcurrent), ratio: (peer) => ratioPair(ours.joinConcurrent, peer.joinConcurrent) },
    { name: 'first join, board not loaded p50 / p99', value: (f) => pair(f.joinCold), ratio: (peer) => ratioPair(ours.joinCold, peer.joinCold) },
    { name: 'messages received by clients /s', value: (f) => cell(f.messagesReceivedPerSecond, 0), ratio: (peer) => ratio(ours.messagesReceivedPerSecond, peer.messagesReceivedPerSecond) },
  ];
  const columns = [ours, ...peers];
  const header = ['', ...columns.map((f) => f.label), ...peers.map((peer) => `ours / ${peer.label}`)];
  const table = [header, ...rows.map((row) => [row.name, ...columns.map(row.value), ...peers.map(row.ratio)])];
  const widths = header.map((_, i) => Math.max(...table.map((line) => line[i].length)));
  console.log('\nComparison with peers (same machine, same load generator, same run; ratio below 1 means ours is cheaper or faster)');
  console.log('  Pairboard stores every update in PostgreSQL before relaying it and acknowledges it once stored;');
  console.log('  the peers keep documents in memory only (no persistence configured), and Hocuspocus acknowledges once');
  console.log('  applied in memory, y-websocket not at all. The peers run without authentication; ours checks a JWT and');
  console.log("  the participant list on every join. They have no first join of an unloaded board: nothing is stored.");
  for (const line of table) console.log(`  ${line.map((value, i) => (i === 0 ? value.padEnd(widths[i]) : value.padStart(widths[i]))).join('   ')}`);
}

async function main(): Promise<void> {
  const started = Date.now();
  await prepareDatabase();
  const server = await startChildServer(
    {
      DATABASE_URL,
      REDIS_URL,
      JWT_SECRET,
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      WEB_DIST: '/nonexistent',
      // BOARD_* settings of this shell reach the server, to compare configurations.
      ...Object.fromEntries(Object.entries(process.env).filter(([name]) => name.startsWith('BOARD_'))),
    },
    60_000,
    SERVER_NODE_ARGS,
  );
  server.process.once('exit', (code, signal) => {
    if (code !== 0 && signal !== 'SIGTERM') console.error(`The API exited early (${signal ?? code}):\n${server.output().slice(-4000)}`);
  });
  console.log(`API started (pid ${server.process.pid}) on 127.0.0.1:${server.port}; ${cpus().length} cores; peers: ${PEERS.join(', ') || 'none'}`);
  const ours: Target = { kind: 'pairboard', label: 'Pairboard', port: server.port, pid: server.process.pid as number };
  const board = bigBoard();
  const joinRoom = (await seedRooms('join', 1, 11))[0];
  const loadRooms = await seedRooms('load', ROOMS, CLIENTS_PER_ROOM);
  const peerFigures: Figures[] = [];
  let figures: Figures;
  try {
    const joins = await benchJoins(ours, joinRoom, board);
    // The peers run one at a time, each alone with the same load generator, between our joins and
    // our load: meanwhile the API finishes the checkpoint its join room owes, which would otherwise
    // land in the middle of the load (it waits for earlier writes to settle, 11 s).
    for (const kind of PEERS) {
      const { target, child } = await startPeer(kind);
      console.log(`\n${target.label} started (pid ${target.pid}) on 127.0.0.1:${target.port}`);
      try {
        const peerJoins = await benchJoins(target, joinRoom, board);
        peerFigures.push({ label: target.label, ...peerJoins, ...(await benchLoad(target, loadRooms)) });
      } finally {
        await stopPeer(child);
      }
    }
    await waitForCheckpoint(joinRoom.interviewId);
    figures = { label: ours.label, ...joins, ...(await benchLoad(ours, loadRooms)) };
  } finally {
    await server.kill('SIGTERM');
    await dropDatabase();
  }
  const warnings = server.output().split('\n').filter((line) => line.trim()).length;
  if (warnings > 0) console.log(`\nAPI stderr: ${warnings} lines (last: ${server.output().trim().split('\n').slice(-1)[0]?.slice(0, 200)})`);
  if (peerFigures.length > 0) printComparison(figures, peerFigures);
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
