import type { AddressInfo } from 'node:net';
import { BOARD_CLOSE, BOARD_ENDED_REASON } from '@pairboard/contracts';
import request from 'supertest';
import { RoomClient } from '../rooms/support/room-clients';
import { resetDatabase, startTestApp, TestApp } from '../support/test-app';
import { createInterview, ProviderClient, RawClient, registerUser, storedRows, TestUser, waitFor, withDatabase } from './support/board-clients';
import { excalidrawElement } from './support/board-fixtures';

/** The board of an ended interview is what its recording shows: the server takes no more changes. */
describe('the board after the interview ends', () => {
  let api: TestApp;
  let port: number;
  let baseUrl: string;
  const clients: { destroy(): void }[] = [];

  beforeAll(async () => {
    await resetDatabase();
    api = await startTestApp();
    await api.app.listen(0, '127.0.0.1');
    port = (api.app.getHttpServer().address() as AddressInfo).port;
    baseUrl = `http://127.0.0.1:${port}`;
  });
  afterEach(() => {
    for (const client of clients.splice(0)) client.destroy();
  });
  afterAll(() => api.close());

  function provider(interviewId: string, user: TestUser): ProviderClient {
    const client = new ProviderClient(port, interviewId, user.token);
    clients.push(client);
    return client;
  }

  async function clock(interviewId: string, user: TestUser, action: 'start' | 'end'): Promise<void> {
    const room = new RoomClient(port, user.token);
    clients.push({ destroy: () => room.socket.disconnect() });
    await room.connected();
    await room.ok('room:join', { interviewId });
    await room.ok('clock:command', { action });
    room.socket.disconnect();
  }

  async function timeline(interviewId: string, user: TestUser) {
    const response = await request(baseUrl).get(`/api/interviews/${interviewId}/timeline`).set('Authorization', `Bearer ${user.token}`).expect(200);
    return response.body as { startedAt: string; endedAt: string | null; durationMs: number };
  }

  it('refuses, on a connection opened before the end and on one opened after, every change with 4403: nothing stored or relayed', async () => {
    const alice = await registerUser(baseUrl, 'Alice');
    const bob = await registerUser(baseUrl, 'Bob');
    const interviewId = await createInterview(baseUrl, alice, [{ user: bob, role: 'candidate' }]);
    await clock(interviewId, alice, 'start');
    const a = provider(interviewId, alice);
    const b = provider(interviewId, bob);
    await Promise.all([a.synced(), b.synced()]);
    a.elements.set('before-the-end', excalidrawElement('before-the-end'));
    await waitFor(() => b.elements.has('before-the-end') && a.stored === 1, 5000, 'the edit before the end to be stored and relayed');

    await clock(interviewId, alice, 'end');

    // Already open: the candidate's connection learns of the end without reconnecting.
    b.elements.set('after-the-end', excalidrawElement('after-the-end'));
    await waitFor(() => b.closeCodes.includes(BOARD_CLOSE.forbidden), 5000, 'the open connection to be refused');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(a.elements.has('after-the-end')).toBe(false);

    // Opened after the end: it still reads the board, and still may not change it.
    const late = RawClient.forInterview(port, interviewId, alice.token);
    clients.push({ destroy: () => late.close() });
    await late.opened;
    late.handshake();
    late.setElement('late', excalidrawElement('late'));
    expect(await late.closed).toEqual({ code: BOARD_CLOSE.forbidden, reason: BOARD_ENDED_REASON });

    const rows = await storedRows(interviewId);
    expect(rows).toHaveLength(1);
    expect(rows[0].author_id).toBe(alice.id);

    const { startedAt, endedAt, durationMs } = await timeline(interviewId, alice);
    expect(durationMs).toBe(Date.parse(endedAt as string) - Date.parse(startedAt));
  });

  it("ends the replay's timeline at the end, even when the log holds board changes stored after it", async () => {
    const alice = await registerUser(baseUrl, 'Alice');
    const bob = await registerUser(baseUrl, 'Bob');
    const interviewId = await createInterview(baseUrl, alice, [{ user: bob, role: 'candidate' }]);
    await clock(interviewId, alice, 'start');
    const a = provider(interviewId, alice);
    await a.synced();
    a.elements.set('drawn', excalidrawElement('drawn'));
    await waitFor(() => a.stored === 1, 5000, 'the edit to be stored');
    await clock(interviewId, alice, 'end');
    // A change recorded a minute after the end, as boards stayed writable before the end was enforced.
    await withDatabase((client) =>
      client.query(
        `INSERT INTO board_updates (interview_id, author_id, data, received_at)
         SELECT interview_id, author_id, data, received_at + interval '1 minute' FROM board_updates WHERE interview_id = $1`,
        [interviewId],
      ),
    );

    const { startedAt, endedAt, durationMs } = await timeline(interviewId, alice);
    expect(endedAt).not.toBeNull();
    expect(durationMs).toBe(Date.parse(endedAt as string) - Date.parse(startedAt));
  });
});
