import { createInterview, RawClient, registerUser, waitFor } from '../board/support/board-clients';
import { ChildServer, startChildServer } from '../board/support/child-server';
import { RoomClient } from '../rooms/support/room-clients';
import { resetDatabase } from '../support/test-app';

/** Well under the deployment's grace period and SHUTDOWN_TIMEOUT_SECONDS. */
const SHUTDOWN_BUDGET_MS = 10_000;

describe('shutting down with people connected', () => {
  let server: ChildServer | undefined;
  const cleanups: (() => void)[] = [];

  beforeAll(() => resetDatabase());
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) cleanup();
    await server?.kill('SIGKILL');
  });

  it('on SIGTERM ends within seconds although a room socket, a board connection and a kept-alive HTTP connection are open', async () => {
    server = await startChildServer();
    const baseUrl = `http://127.0.0.1:${server.port}`;
    const ada = await registerUser(baseUrl, 'Ada');
    const interviewId = await createInterview(baseUrl, ada);

    const room = new RoomClient(server.port, ada.token);
    cleanups.push(() => room.close());
    await room.connected();
    await room.ok('room:join', { interviewId });
    const roomGone = new Promise<string>((resolve) => room.socket.once('disconnect', (reason) => resolve(reason)));
    const board = RawClient.forInterview(server.port, interviewId, ada.token);
    cleanups.push(() => board.close());
    await board.opened;
    await waitFor(() => board.received.length >= 2, 10_000, 'the board handshake');
    // fetch keeps the connection open for the next request.
    expect((await fetch(`${baseUrl}/api/health`)).status).toBe(200);

    const started = Date.now();
    const exited = server.kill('SIGTERM');
    expect((await board.closed).code).toBe(1001);
    expect(await roomGone).toBe('transport close');
    await exited;
    expect(Date.now() - started).toBeLessThan(SHUTDOWN_BUDGET_MS);
    expect(server.process.signalCode ?? server.process.exitCode).toBe('SIGTERM');
  }, 60_000);
});
