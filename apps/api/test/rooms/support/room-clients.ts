import type { AddressInfo } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import type { ClientToServerEvents, RoomAck, RoomAckFor, RoomClientEvent, ServerToClientEvents } from '@pairboard/contracts';
import { io, Socket } from 'socket.io-client';
import type { TestApp } from '../../support/test-app';
import { acceptInvitations, markEmailVerified } from '../../support/accounts';
import { uniqueEmail } from '../../support/test-app';

const PASSWORD = 'correct horse battery staple';

export interface TestUser {
  id: string;
  name: string;
  email: string;
  token: string;
}

export async function signUp(api: TestApp, name: string): Promise<TestUser> {
  const email = uniqueEmail(name.toLowerCase());
  const response = await api.http.post('/api/auth/register').send({ email, password: PASSWORD, name }).expect(201);
  await markEmailVerified(response.body.user.id);
  return { id: response.body.user.id, name, email, token: response.body.accessToken };
}

/** Creates an interview owned by `owner` (interviewer) with the given people invited. */
export async function createInterview(
  api: TestApp,
  owner: TestUser,
  invite: { user: TestUser; role: 'interviewer' | 'candidate' | 'observer' }[],
  extra: { scriptId?: string; questionId?: string } = { questionId: 'url-shortener' },
): Promise<string> {
  const response = await api.http
    .post('/api/interviews')
    .set('Authorization', `Bearer ${owner.token}`)
    .send({ ...extra, invite: invite.map(({ user, role }) => ({ email: user.email, role })) })
    .expect(201);
  await acceptInvitations(api.http, response.body.id, invite.map(({ user }) => user.token));
  return response.body.id as string;
}

export async function listen(app: INestApplication): Promise<number> {
  await app.listen(0, '127.0.0.1');
  return (app.getHttpServer().address() as AddressInfo).port;
}

interface Received {
  event: string;
  payload: unknown;
}

/** A socket.io client of `/rooms` that records everything the server sends it. */
export class RoomClient {
  readonly socket: Socket<ServerToClientEvents, ClientToServerEvents>;
  readonly received: Received[] = [];
  private readonly waiters = new Set<() => void>();

  constructor(port: number, token: string | undefined, extraAuth: Record<string, unknown> = {}) {
    this.socket = io(`http://127.0.0.1:${port}/rooms`, {
      auth: token === undefined ? extraAuth : { token, ...extraAuth },
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
    });
    this.socket.onAny((event: string, payload: unknown) => {
      this.received.push({ event, payload });
      for (const wake of this.waiters) wake();
    });
  }

  connected(): Promise<void> {
    return new Promise((resolve, reject) => {
      if (this.socket.connected) return resolve();
      this.socket.once('connect', () => resolve());
      this.socket.once('connect_error', reject);
    });
  }

  connectError(): Promise<Error & { data?: unknown }> {
    return new Promise((resolve, reject) => {
      this.socket.once('connect', () => reject(new Error('connected, expected a refusal')));
      this.socket.once('connect_error', resolve);
    });
  }

  request<E extends RoomClientEvent>(event: E, payload: unknown, timeoutMs = 5000): Promise<RoomAckFor<E>> {
    return this.requestRaw(event, [payload], timeoutMs) as Promise<RoomAckFor<E>>;
  }

  /** Sends anything at all, for the malformed-input tests. */
  requestRaw(event: string, args: unknown[], timeoutMs = 5000): Promise<RoomAck<unknown>> {
    const socket = this.socket.timeout(timeoutMs) as unknown as { emitWithAck(event: string, ...args: unknown[]): Promise<RoomAck<unknown>> };
    return socket.emitWithAck(event, ...args);
  }

  /** Sends without waiting for an acknowledgement. */
  emitRaw(event: string, ...args: unknown[]): void {
    (this.socket as unknown as { emit(event: string, ...args: unknown[]): void }).emit(event, ...args);
  }

  async ok<E extends RoomClientEvent>(event: E, payload: unknown): Promise<Extract<RoomAckFor<E>, { ok: true }>['data']> {
    const ack = await this.request(event, payload);
    if (!ack.ok) throw new Error(`${event} refused: ${JSON.stringify(ack.error)}`);
    return (ack as Extract<RoomAckFor<E>, { ok: true }>).data;
  }

  /** The first event of that name matching `match`, already received or still to come. */
  next<T = unknown>(event: string, match: (payload: T) => boolean = () => true, timeoutMs = 5000): Promise<T> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const found = this.received.find((entry) => entry.event === event && match(entry.payload as T));
        if (!found) return false;
        cleanup();
        resolve(found.payload as T);
        return true;
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`no ${event} within ${timeoutMs} ms; received: ${this.received.map((entry) => entry.event).join(', ')}`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        this.waiters.delete(wake);
      };
      const wake = () => void check();
      if (!check()) this.waiters.add(wake);
    });
  }

  count(event: string): number {
    return this.received.filter((entry) => entry.event === event).length;
  }

  close(): void {
    this.socket.disconnect();
  }
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
