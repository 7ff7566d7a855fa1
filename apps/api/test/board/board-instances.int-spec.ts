import type { AddressInfo } from 'node:net';
import { isDeepStrictEqual } from 'node:util';
import { resetDatabase, startTestApp, TestApp } from '../support/test-app';
import { createInterview, ProviderClient, registerUser, storedRows, waitFor } from './support/board-clients';
import { excalidrawElement } from './support/board-fixtures';

describe('board sync across two API instances (Redis fan-out)', () => {
  const apps: TestApp[] = [];
  const ports: number[] = [];
  const clients: ProviderClient[] = [];

  beforeAll(async () => {
    await resetDatabase();
    for (let i = 0; i < 2; i++) {
      const api = await startTestApp();
      await api.app.listen(0, '127.0.0.1');
      apps.push(api);
      ports.push((api.app.getHttpServer().address() as AddressInfo).port);
    }
  });
  afterAll(async () => {
    for (const client of clients) client.destroy();
    await Promise.all(apps.map((api) => api.close()));
  });

  function connect(instance: number, interviewId: string, token: string): ProviderClient {
    const client = new ProviderClient(ports[instance], interviewId, token);
    clients.push(client);
    return client;
  }

  it('relays edits and cursors live between clients on different instances, storing each edit once', async () => {
    const baseUrl = `http://127.0.0.1:${ports[0]}`;
    const alice = await registerUser(baseUrl, 'Alice');
    const bob = await registerUser(baseUrl, 'Bob');
    const interviewId = await createInterview(baseUrl, alice, [{ user: bob, role: 'candidate' }]);
    const a = connect(0, interviewId, alice.token);
    await a.synced();
    const b = connect(1, interviewId, bob.token);
    await b.synced();

    for (let i = 0; i < 20; i++) {
      const [client, id] = i % 2 === 0 ? [a, `a-${i}`] : [b, `b-${i}`];
      client.elements.set(id, excalidrawElement(id, 1, i));
    }
    await waitFor(() => a.elements.size === 20 && b.elements.size === 20 && a.stored === 10 && b.stored === 10, 10_000, 'edits to cross instances');
    expect(isDeepStrictEqual(a.elements.toJSON(), b.elements.toJSON())).toBe(true);
    expect(await storedRows(interviewId)).toHaveLength(20);

    b.provider.awareness.setLocalStateField('user', { name: 'Bob', color: '#1971c2' });
    await waitFor(
      () => [...a.provider.awareness.getStates().values()].some((state) => state.user?.name === 'Bob'),
      10_000,
      "Bob's cursor on Alice's instance",
    );

    const late = connect(1, interviewId, alice.token);
    await late.synced();
    expect(late.elements.size).toBe(20);
  });
});
