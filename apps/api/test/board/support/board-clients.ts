import { syncStep1Message, updateMessage } from '@pairboard/board-protocol';
import * as decoding from 'lib0/decoding';
import { Client } from 'pg';
import request from 'supertest';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { acceptInvitations, markEmailVerified } from '../../support/accounts';
import { uniqueEmail } from '../../support/test-app';

const PASSWORD = 'correct horse battery staple';

export interface TestUser {
  id: string;
  email: string;
  token: string;
}

/** Registers a user through the real REST API. */
export async function registerUser(baseUrl: string, name: string): Promise<TestUser> {
  const email = uniqueEmail(name.toLowerCase());
  const response = await request(baseUrl).post('/api/auth/register').send({ email, password: PASSWORD, name });
  if (response.status !== 201) throw new Error(`register failed: ${response.status} ${JSON.stringify(response.body)}`);
  await markEmailVerified(response.body.user.id);
  return { id: response.body.user.id, email: response.body.user.email, token: response.body.accessToken };
}

/** Creates an interview through the REST API with `owner` as interviewer and the others invited. */
export async function createInterview(
  baseUrl: string,
  owner: TestUser,
  invite: { user: TestUser; role: 'interviewer' | 'candidate' | 'observer' }[] = [],
): Promise<string> {
  const response = await request(baseUrl)
    .post('/api/interviews')
    .set('Authorization', `Bearer ${owner.token}`)
    .send({ title: 'Design a URL shortener', invite: invite.map(({ user, role }) => ({ email: user.email, role })) });
  if (response.status !== 201) throw new Error(`creating the interview failed: ${response.status} ${JSON.stringify(response.body)}`);
  await acceptInvitations(baseUrl, response.body.id, invite.map(({ user }) => user.token));
  return response.body.id;
}

/** The stock y-websocket client in Node, with a handler for the server's stored acknowledgement. */
export class ProviderClient {
  readonly doc = new Y.Doc();
  readonly provider: WebsocketProvider;
  stored = 0;
  closeCodes: number[] = [];

  constructor(port: number, interviewId: string, token: string) {
    this.provider = new WebsocketProvider(`ws://127.0.0.1:${port}/yjs`, interviewId, this.doc, {
      params: { token },
      WebSocketPolyfill: WebSocket as never,
      disableBc: true,
    });
    this.provider.messageHandlers[4] = (_encoder, decoder) => {
      this.stored = decoding.readVarUint(decoder);
    };
    this.provider.on('connection-close', (event) => {
      if (event) this.closeCodes.push(event.code);
    });
  }

  get elements(): Y.Map<unknown> {
    return this.doc.getMap('elements');
  }

  synced(timeoutMs = 10_000): Promise<void> {
    return waitFor(() => this.provider.synced, timeoutMs, 'the provider to sync');
  }

  destroy(): void {
    this.provider.awareness.destroy();
    this.provider.destroy();
    this.doc.destroy();
  }
}

/** A bare WebSocket speaking the protocol by hand: sees exactly what the server sends and how it closes. */
export class RawClient {
  readonly ws: WebSocket;
  readonly received: Buffer[] = [];
  readonly closed: Promise<{ code: number; reason: string }>;
  readonly opened: Promise<void>;
  readonly doc = new Y.Doc();
  private sentUpdates = 0;

  constructor(port: number, path: string, protocols?: string[]) {
    this.ws = new WebSocket(`ws://127.0.0.1:${port}${path}`, protocols);
    this.ws.on('message', (data: Buffer) => this.received.push(data));
    this.ws.on('error', () => undefined);
    this.opened = new Promise((resolve, reject) => {
      this.ws.once('open', () => resolve());
      this.ws.once('unexpected-response', (_request, response) => reject(new Error(`HTTP ${response.statusCode} on upgrade`)));
    });
    this.closed = new Promise((resolve) => this.ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() })));
  }

  static forInterview(port: number, interviewId: string, token?: string): RawClient {
    return new RawClient(port, `/yjs/${interviewId}${token ? `?token=${encodeURIComponent(token)}` : ''}`);
  }

  send(message: Uint8Array): void {
    this.ws.send(message);
  }

  handshake(): void {
    this.send(syncStep1Message(this.doc));
  }

  /** Sets one element in the local doc and sends the update; returns how many updates were sent. */
  setElement(id: string, value: Record<string, unknown>): number {
    let update: Uint8Array | null = null;
    const listener = (u: Uint8Array) => (update = u);
    this.doc.on('update', listener);
    this.doc.getMap('elements').set(id, value);
    this.doc.off('update', listener);
    if (update) this.send(updateMessage(update));
    return ++this.sentUpdates;
  }

  /** The n of the last `[4, n]` received. */
  lastStored(): number {
    let n = 0;
    for (const message of this.received) if (message[0] === 4) n = decoding.readVarUint(decoding.createDecoder(message.subarray(1)));
    return n;
  }

  close(): void {
    this.ws.close();
  }
}

export async function waitFor(condition: () => boolean, timeoutMs = 10_000, what = 'a condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export async function withDatabase<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function storedRows(interviewId: string): Promise<{ id: string; author_id: string | null; data: Buffer; end_clocks: Buffer | null }[]> {
  return withDatabase(async (client) => {
    const result = await client.query('SELECT id, author_id, data, end_clocks FROM board_updates WHERE interview_id = $1 ORDER BY id', [interviewId]);
    return result.rows;
  });
}

/** The board a replay of every stored row builds. */
export async function replayStored(interviewId: string): Promise<Y.Doc> {
  const doc = new Y.Doc();
  for (const row of await storedRows(interviewId)) Y.applyUpdate(doc, new Uint8Array(row.data));
  return doc;
}
