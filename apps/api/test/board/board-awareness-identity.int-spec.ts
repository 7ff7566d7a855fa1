import { BOARD_CLOSE } from '@pairboard/contracts';
import { participantColor } from '@pairboard/interview-domain';
import { ContentService } from '../../src/core/content';
import { flushRedis, resetDatabase, startTestApp, TestApp } from '../support/test-app';
import { createInterview, listen, signUp } from '../rooms/support/room-clients';
import { ProviderClient, RawClient, waitFor } from './support/board-clients';

describe('board awareness carries the server-set identity', () => {
  let api: TestApp;
  let port: number;
  const clients: { destroy(): void }[] = [];

  beforeAll(async () => {
    await resetDatabase();
    await flushRedis();
    api = await startTestApp({ BOARD_AWARENESS_INTERVAL_MS: '0' });
    await api.app.get(ContentService).seedBuiltIns();
    port = await listen(api.app);
  });
  afterEach(() => {
    for (const client of clients.splice(0)) client.destroy();
  });
  afterAll(() => api.close());

  function provider(interviewId: string, token: string): ProviderClient {
    const client = new ProviderClient(port, interviewId, token);
    clients.push(client);
    return client;
  }

  const userOf = (client: ProviderClient, clientId: number) => (client.provider.awareness.getStates().get(clientId) as { user?: unknown } | undefined)?.user;

  it("replaces a forged user in an observer's awareness with the observer's own account, name, colour and role", async () => {
    const [ivan, olga] = await Promise.all([signUp(api, 'Ivan'), signUp(api, 'Olga')]);
    const interviewId = await createInterview(api, ivan, [{ user: olga, role: 'observer' }]);
    const i = provider(interviewId, ivan.token);
    const o = provider(interviewId, olga.token);
    await Promise.all([i.synced(), o.synced()]);

    o.provider.awareness.setLocalState({ user: { id: ivan.id, name: 'Ivan', color: participantColor(ivan.id), role: 'interviewer' }, pointer: { x: 10, y: 20, tool: 'laser' } });
    const olgaClient = o.provider.awareness.clientID;
    await waitFor(() => userOf(i, olgaClient) !== undefined, 5000, "the observer's awareness");
    expect(userOf(i, olgaClient)).toEqual({ id: olga.id, name: 'Olga', color: participantColor(olga.id), role: 'observer' });
    // The rest of the state is the client's own.
    expect((i.provider.awareness.getStates().get(olgaClient) as { pointer?: unknown }).pointer).toEqual({ x: 10, y: 20, tool: 'laser' });

    // A late joiner gets the stored (rewritten) state too.
    const late = provider(interviewId, ivan.token);
    await late.synced();
    await waitFor(() => userOf(late, olgaClient) !== undefined, 5000, 'awareness for the late joiner');
    expect(userOf(late, olgaClient)).toMatchObject({ id: olga.id, name: 'Olga' });
  });

  it('tells two participants with the same name apart by their role', async () => {
    const [ivan, samCandidate, samObserver] = await Promise.all([signUp(api, 'Ivan'), signUp(api, 'Sam'), signUp(api, 'sam')]);
    const interviewId = await createInterview(api, ivan, [
      { user: samCandidate, role: 'candidate' },
      { user: samObserver, role: 'observer' },
    ]);
    const i = provider(interviewId, ivan.token);
    const c = provider(interviewId, samCandidate.token);
    const o = provider(interviewId, samObserver.token);
    await Promise.all([i.synced(), c.synced(), o.synced()]);
    c.provider.awareness.setLocalState({ user: { id: samCandidate.id, name: 'Sam', color: '#000' } });
    o.provider.awareness.setLocalState({ user: { id: samObserver.id, name: 'Sam', color: '#000' } });
    await waitFor(() => userOf(i, c.provider.awareness.clientID) !== undefined && userOf(i, o.provider.awareness.clientID) !== undefined, 5000, 'both states');
    expect(userOf(i, c.provider.awareness.clientID)).toMatchObject({ name: 'Sam (candidate)', role: 'candidate' });
    expect(userOf(i, o.provider.awareness.clientID)).toMatchObject({ name: 'sam (observer)', role: 'observer' });
  });

  it('answers 4404 both for an interview that does not exist and for one the user is not in', async () => {
    const [ivan, eve] = await Promise.all([signUp(api, 'Ivan'), signUp(api, 'Eve')]);
    const interviewId = await createInterview(api, ivan, []);
    for (const id of [interviewId, '6a4ee5bd-9c43-4b4b-9e0b-8cf4c1bb0c0e']) {
      const client = RawClient.forInterview(port, id, eve.token);
      clients.push({ destroy: () => client.close() });
      await client.opened;
      client.handshake();
      expect((await client.closed).code).toBe(BOARD_CLOSE.notFound);
    }
  });
});
