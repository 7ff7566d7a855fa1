import * as decoding from 'lib0/decoding';
import { REFRESH_COOKIE_NAME } from '@pairboard/contracts';
import { io, Socket } from 'socket.io-client';
import { RawClient } from '../../board/support/board-clients';
import { markEmailVerified } from '../../support/accounts';
import { cookieFrom, TestApp, uniqueEmail } from '../../support/test-app';

export const PASSWORD = 'correct horse battery staple';

export interface SignedIn {
  id: string;
  name: string;
  email: string;
  token: string;
  /** `pb_refresh=…`, as a browser sends it back. */
  cookie: string;
}

function refreshCookie(response: { headers: Record<string, unknown> }): string {
  const cookie = cookieFrom(response, REFRESH_COOKIE_NAME);
  if (!cookie) throw new Error('the response set no refresh cookie');
  return cookie.split(';')[0];
}

export async function signUp(api: TestApp, name: string): Promise<SignedIn> {
  const email = uniqueEmail(name.toLowerCase());
  const response = await api.http.post('/api/auth/register').send({ email, password: PASSWORD, name }).expect(201);
  // Invitations link to proven addresses only.
  await markEmailVerified(response.body.user.id);
  return { id: response.body.user.id, name, email, token: response.body.accessToken, cookie: refreshCookie(response) };
}

/** A second sign-in of the same person: another refresh family. */
export async function signIn(api: TestApp, user: SignedIn): Promise<SignedIn> {
  const response = await api.http.post('/api/auth/login').send({ email: user.email, password: PASSWORD }).expect(200);
  return { ...user, token: response.body.accessToken, cookie: refreshCookie(response) };
}

/** Rotates the refresh cookie, as the web app does before the access token expires. */
export async function refreshed(api: TestApp, user: SignedIn): Promise<SignedIn> {
  const response = await api.http.post('/api/auth/refresh').set('Cookie', user.cookie).expect(200);
  return { ...user, token: response.body.accessToken, cookie: refreshCookie(response) };
}

/** A socket.io client of `/notifications` that records what it is sent and how it ended. */
export class NotificationsClient {
  readonly socket: Socket;
  readonly received: { event: string; payload: unknown }[] = [];
  readonly disconnected: Promise<string>;

  constructor(port: number, token: string) {
    this.socket = io(`http://127.0.0.1:${port}/notifications`, { auth: { token }, transports: ['websocket'], reconnection: false, forceNew: true });
    this.socket.onAny((event: string, payload: unknown) => this.received.push({ event, payload }));
    this.disconnected = new Promise((resolve) => this.socket.once('disconnect', (reason) => resolve(reason)));
  }

  connected(): Promise<void> {
    return new Promise((resolve, reject) => {
      if (this.socket.connected) return resolve();
      this.socket.once('connect', () => resolve());
      this.socket.once('connect_error', reject);
    });
  }

  renew(token: string): Promise<unknown> {
    return this.socket.timeout(5000).emitWithAck('auth:refresh', { token });
  }

  close(): void {
    this.socket.disconnect();
  }
}

/** The seconds-left values of the session messages of one type the board sent. */
export function boardSessionMessages(client: RawClient, type: number): number[] {
  return client.received
    .filter((message) => message[0] === type)
    .map((message) => {
      const decoder = decoding.createDecoder(message);
      decoding.readVarUint(decoder);
      return decoding.readVarUint(decoder);
    });
}
