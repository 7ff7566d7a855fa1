import { authRefreshMessage } from '@pairboard/board-protocol';
import type { AuthEndedEvent, AuthExpiringEvent } from '@pairboard/contracts';
import { BOARD_MESSAGE } from '@pairboard/contracts';
import { PrismaService } from '../../src/base/prisma';
import { ContentService } from '../../src/core/content';
import { RawClient, waitFor } from '../board/support/board-clients';
import { excalidrawElement } from '../board/support/board-fixtures';
import { createInterview, listen, RoomClient } from '../rooms/support/room-clients';
import { flushRedis, resetDatabase, startTestApp, TestApp } from '../support/test-app';
import { boardSessionMessages, NotificationsClient, PASSWORD, refreshed, signIn, SignedIn, signUp } from './support/session-clients';

/** Why the server ended a room socket; listened for from the start, since a local revocation is immediate. */
const endings = new WeakMap<RoomClient, Promise<string>>();

function roomClient(port: number, token: string): RoomClient {
  const room = new RoomClient(port, token);
  endings.set(room, new Promise((resolve) => room.socket.once('disconnect', (reason) => resolve(reason))));
  return room;
}

function disconnected(room: RoomClient): Promise<string> {
  return endings.get(room) as Promise<string>;
}

/** How soon an ended session must have closed its sockets. */
const CLOSE_WITHIN_MS = 3000;

interface OpenSockets {
  room: RoomClient;
  notifications: NotificationsClient;
  board: RawClient;
}

describe('sockets end with their session', () => {
  let a: TestApp;
  let b: TestApp;
  let portA: number;
  let portB: number;
  const rooms: RoomClient[] = [];
  const feeds: NotificationsClient[] = [];
  const boards: RawClient[] = [];

  beforeAll(async () => {
    await resetDatabase();
    await flushRedis();
    a = await startTestApp();
    b = await startTestApp();
    await a.app.get(ContentService).seedBuiltIns();
    portA = await listen(a.app);
    portB = await listen(b.app);
  });
  afterEach(() => {
    for (const client of rooms.splice(0)) client.close();
    for (const client of feeds.splice(0)) client.close();
    for (const client of boards.splice(0)) client.close();
  });
  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
  });

  async function pair(): Promise<{ ivan: SignedIn; cara: SignedIn; interviewId: string }> {
    const ivan = await signUp(a, 'Ivan');
    const cara = await signUp(a, 'Cara');
    const interviewId = await createInterview(a, ivan, [{ user: cara, role: 'candidate' }]);
    return { ivan, cara, interviewId };
  }

  async function openRoom(port: number, user: SignedIn, interviewId: string): Promise<RoomClient> {
    const room = roomClient(port, user.token);
    rooms.push(room);
    await room.connected();
    await room.ok('room:join', { interviewId });
    return room;
  }

  async function openFeed(port: number, user: SignedIn): Promise<NotificationsClient> {
    const feed = new NotificationsClient(port, user.token);
    feeds.push(feed);
    await feed.connected();
    return feed;
  }

  async function openBoard(port: number, user: SignedIn, interviewId: string): Promise<RawClient> {
    const board = RawClient.forInterview(port, interviewId, user.token);
    boards.push(board);
    await board.opened;
    board.handshake();
    const sent = board.setElement('first', excalidrawElement('first', 1, 0));
    await waitFor(() => board.lastStored() === sent, 5000, 'the first board update to be stored');
    return board;
  }

  async function openAll(port: number, user: SignedIn, interviewId: string): Promise<OpenSockets> {
    return { room: await openRoom(port, user, interviewId), notifications: await openFeed(port, user), board: await openBoard(port, user, interviewId) };
  }


  async function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what} not within ${ms} ms`)), ms)));
    try {
      return await Promise.race([promise, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Every socket of the ended session is closed with UNAUTHORIZED / 4401 and can no longer act. */
  async function expectEnded(sockets: OpenSockets, token: string, port: number, interviewId: string, reason: 'revoked' | 'expired', ms = CLOSE_WITHIN_MS) {
    const { room, notifications, board } = sockets;
    const [roomReason, feedReason, boardClose] = await within(
      Promise.all([disconnected(room), notifications.disconnected, board.closed]),
      ms,
      'closing every socket of the session',
    );
    expect(roomReason).toBe('io server disconnect');
    expect(feedReason).toBe('io server disconnect');
    expect(boardClose.code).toBe(4401);
    const ended = await room.next<AuthEndedEvent>('auth:ended', () => true, 1000);
    expect(ended).toEqual({ reason, error: { code: 'UNAUTHORIZED', message: expect.any(String) } });
    expect(notifications.received.find((entry) => entry.event === 'auth:ended')?.payload).toMatchObject({ reason });

    // Nothing it sent afterwards was acted on, and the same (unexpired) token opens nothing new.
    const prisma = a.app.get(PrismaService);
    const chatsBefore = await prisma.chatMessage.count({ where: { interviewId } });
    room.emitRaw('chat:send', { text: 'after the end' });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await prisma.chatMessage.count({ where: { interviewId } })).toBe(chatsBefore);
    if (reason === 'revoked') {
      const again = new RoomClient(port, token);
      rooms.push(again);
      expect((await again.connectError()).message).toBe('UNAUTHORIZED');
      const boardAgain = RawClient.forInterview(port, interviewId, token);
      boards.push(boardAgain);
      expect((await boardAgain.closed).code).toBe(4401);
    }
  }

  it('closes /rooms, /notifications and /yjs with 4401 within seconds of a sign-out, and only that session', async () => {
    const { ivan, cara, interviewId } = await pair();
    const candidate = await openAll(portA, cara, interviewId);
    const interviewer = await openRoom(portA, ivan, interviewId);
    // Another sign-in of the same person stays open.
    const otherDevice = await signIn(a, cara);
    const otherRoom = await openRoom(portA, otherDevice, interviewId);

    await a.http.post('/api/auth/logout').set('Cookie', cara.cookie).expect(204);
    await expectEnded(candidate, cara.token, portA, interviewId, 'revoked');

    expect((await otherRoom.ok('chat:send', { text: 'still here' })).message.text).toBe('still here');
    expect((await interviewer.ok('note:create', { text: 'a note' })).note.text).toBe('a note');
  });

  it('closes every session of the person after a password change; the caller carries on with the new token', async () => {
    const { cara, interviewId } = await pair();
    const here = await openAll(portA, cara, interviewId);
    const otherDevice = await signIn(a, cara);
    const elsewhere = await openAll(portA, otherDevice, interviewId);

    const changed = await a.http
      .post('/api/auth/password')
      .set('Authorization', `Bearer ${cara.token}`)
      .send({ currentPassword: PASSWORD, newPassword: 'a brand new passphrase' })
      .expect(200);
    await expectEnded(here, cara.token, portA, interviewId, 'revoked');
    await expectEnded(elsewhere, otherDevice.token, portA, interviewId, 'revoked');

    const fresh = await openRoom(portA, { ...cara, token: changed.body.accessToken }, interviewId);
    expect((await fresh.ok('chat:send', { text: 'new password, same me' })).message.text).toBe('new password, same me');
  });

  it('closes the sockets on another instance: sign out on A, sockets on B end within seconds', async () => {
    const { cara, interviewId } = await pair();
    const onB = await openAll(portB, cara, interviewId);
    await a.http.post('/api/auth/logout').set('Cookie', cara.cookie).expect(204);
    await expectEnded(onB, cara.token, portB, interviewId, 'revoked');
  });

  it('closes them after a reused refresh token revokes the family', async () => {
    const { cara, interviewId } = await pair();
    const sockets = await openAll(portA, cara, interviewId);
    const next = await refreshed(a, cara);
    await refreshed(a, next);
    // The first token is now older than the just-rotated one: reuse.
    await a.http.post('/api/auth/refresh').set('Cookie', cara.cookie).expect(401);
    await expectEnded(sockets, cara.token, portA, interviewId, 'revoked');
  });

  it('refuses a renewal with another person’s token and keeps the deadline; the board closes on it', async () => {
    const { ivan, cara, interviewId } = await pair();
    const room = await openRoom(portA, cara, interviewId);
    const feed = await openFeed(portA, cara);
    const board = await openBoard(portA, cara, interviewId);

    expect(await room.request('auth:refresh', { token: ivan.token })).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    expect(await feed.renew(ivan.token)).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    expect(await room.request('auth:refresh', { token: 'not.a.token' })).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    // A token of the same person from a signed-out session renews nothing either.
    const gone = await signIn(a, cara);
    await a.http.post('/api/auth/logout').set('Cookie', gone.cookie).expect(204);
    expect(await room.request('auth:refresh', { token: gone.token })).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    expect((await room.ok('chat:send', { text: 'still mine' })).message.text).toBe('still mine');

    board.send(authRefreshMessage(ivan.token));
    expect((await within(board.closed, CLOSE_WITHIN_MS, 'the board refusing the renewal')).code).toBe(4401);
  });
});

describe('sockets and access token expiry', () => {
  let api: TestApp;
  let port: number;
  const rooms: RoomClient[] = [];
  const feeds: NotificationsClient[] = [];
  const boards: RawClient[] = [];

  beforeAll(async () => {
    await resetDatabase();
    await flushRedis();
    api = await startTestApp({ ACCESS_TOKEN_TTL_SECONDS: '5', SOCKET_REFRESH_LEAD_SECONDS: '3' });
    await api.app.get(ContentService).seedBuiltIns();
    port = await listen(api.app);
  });
  afterAll(async () => {
    for (const client of rooms) client.close();
    for (const client of feeds) client.close();
    for (const client of boards) client.close();
    await api?.close();
  });

  it('asks for a fresh token before expiry, keeps a socket that renews and closes one that does not, at expiry', async () => {
    const cara = await signUp(api, 'Cara');
    const ivan = await signUp(api, 'Ivan');
    const interviewId = await createInterview(api, ivan, [{ user: cara, role: 'candidate' }]);
    const issuedAt = Date.now();

    const renewing = roomClient(port, cara.token);
    const lapsing = roomClient(port, cara.token);
    rooms.push(renewing, lapsing);
    const feed = new NotificationsClient(port, cara.token);
    feeds.push(feed);
    const renewingBoard = RawClient.forInterview(port, interviewId, cara.token);
    const lapsingBoard = RawClient.forInterview(port, interviewId, cara.token);
    boards.push(renewingBoard, lapsingBoard);
    await Promise.all([renewing.connected(), lapsing.connected(), feed.connected(), renewingBoard.opened, lapsingBoard.opened]);
    await renewing.ok('room:join', { interviewId });
    await lapsing.ok('room:join', { interviewId });
    renewingBoard.handshake();

    // Told about two seconds in (five-second tokens, three seconds' notice).
    const expiring = await renewing.next<AuthExpiringEvent>('auth:expiring', () => true, 5000);
    expect(expiring.expiresAt).toBeGreaterThan(Date.now());
    expect(expiring.expiresAt).toBeLessThanOrEqual(issuedAt + 6000);
    await waitFor(() => boardSessionMessages(renewingBoard, BOARD_MESSAGE.authExpiring).length > 0, 3000, 'the board asking for a token');

    const fresh = await refreshed(api, cara);
    const ack = await renewing.ok('auth:refresh', { token: fresh.token });
    expect(ack.expiresAt).toBeGreaterThan(expiring.expiresAt);
    expect(await feed.renew(fresh.token)).toMatchObject({ ok: true });
    renewingBoard.send(authRefreshMessage(fresh.token));
    await waitFor(() => boardSessionMessages(renewingBoard, BOARD_MESSAGE.authRenewed).length > 0, 3000, 'the board confirming the renewal');

    // The one that did not renew ends at its token's expiry, not before.
    const [reason, boardClose] = await within(Promise.all([disconnected(lapsing), lapsingBoard.closed]), 6000, 'the lapsing sockets closing');
    expect(Date.now()).toBeGreaterThanOrEqual(expiring.expiresAt - 50);
    expect(reason).toBe('io server disconnect');
    expect(boardClose.code).toBe(4401);
    expect(await lapsing.next<AuthEndedEvent>('auth:ended', () => true, 1000)).toMatchObject({ reason: 'expired' });

    // The renewed ones carry on past the first token's expiry.
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, expiring.expiresAt + 500 - Date.now())));
    expect(renewing.socket.connected).toBe(true);
    expect(feed.socket.connected).toBe(true);
    expect((await renewing.ok('chat:send', { text: 'renewed' })).message.text).toBe('renewed');
    const sent = renewingBoard.setElement('after', excalidrawElement('after', 1, 0));
    await waitFor(() => renewingBoard.lastStored() === sent, 3000, 'an update after the renewal to be stored');
  }, 30_000);


  async function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what} not within ${ms} ms`)), ms)));
    try {
      return await Promise.race([promise, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }
});
