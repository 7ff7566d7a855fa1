import {
  closePolicy,
  describeSync,
  initialSyncState,
  syncReducer,
  unsavedChanges,
  unsavedUpdates,
  type SyncEvent,
  type SyncState,
} from './connection-state';

const run = (events: SyncEvent[], from: SyncState = initialSyncState) => events.reduce(syncReducer, from);
const live = run([{ type: 'connecting' }, { type: 'open' }, { type: 'synced' }]);
const local = (sent = true): SyncEvent => ({ type: 'local', sent });

describe('syncReducer', () => {
  it('starts connecting and goes live once synced', () => {
    expect(describeSync(initialSyncState)).toMatchObject({ tone: 'neutral', label: 'Connecting…', saving: null });
    expect(describeSync(run([{ type: 'connecting' }, { type: 'open' }]))).toMatchObject({ label: 'Connecting…' });
    expect(describeSync(live)).toMatchObject({ tone: 'live', label: 'Live', saving: null });
  });

  it('says "Saving…" until the server has stored every change, then "Saved"', () => {
    const sent = run([local(), local(), local()], live);
    expect(unsavedChanges(sent)).toBe(3);
    expect(describeSync(sent).saving).toBe('Saving…');

    const partly = syncReducer(sent, { type: 'stored', count: 2 });
    expect(unsavedChanges(partly)).toBe(1);

    const all = syncReducer(partly, { type: 'stored', count: 3 });
    expect(unsavedChanges(all)).toBe(0);
    expect(describeSync(all)).toMatchObject({ tone: 'live', label: 'Live', saving: 'Saved' });
  });

  it('shows offline changes as unsaved and saves them with the next handshake', () => {
    const before = run([local(), { type: 'stored', count: 1 }], live);
    const offline = run([{ type: 'closed', code: 1006 }, local(false), local(false), { type: 'connecting' }], before);
    expect(describeSync(offline)).toMatchObject({ tone: 'warning', label: 'Offline', saving: '2 unsaved changes' });

    // The new connection counts from zero; its first counted message is the handshake reply.
    const back = run([{ type: 'open' }, { type: 'handshakeReply', hasContent: true }, { type: 'synced' }], offline);
    expect(unsavedChanges(back)).toBe(2);
    expect(describeSync(back).saving).toBe('Saving…');
    const stored = syncReducer(back, { type: 'stored', count: 1 });
    expect(unsavedChanges(stored)).toBe(0);
  });

  it('counts changed things, not updates: one dragged rectangle is one change', () => {
    const drag = (sent: boolean): SyncEvent => ({ type: 'local', sent, ids: ['rect'] });
    const offline = run([{ type: 'closed', code: 1006 }, drag(false), drag(false), drag(false), { type: 'local', sent: false, ids: ['arrow', 'rect'] }], live);
    expect(unsavedUpdates(offline)).toBe(4);
    expect(unsavedChanges(offline)).toBe(2);
    expect(describeSync(offline).saving).toBe('2 unsaved changes');
    const saved = run([{ type: 'handshakeReply', hasContent: true }, { type: 'synced' }, { type: 'stored', count: 1 }], offline);
    expect(unsavedChanges(saved)).toBe(0);
    expect(saved.pending).toEqual([]);
  });

  it('treats a handshake with nothing to send as everything saved', () => {
    const state = run([local(), { type: 'closed', code: 1006 }, { type: 'handshakeReply', hasContent: false }], live);
    expect(unsavedChanges(state)).toBe(0);
  });

  it('covers changes made after the handshake separately', () => {
    const state = run(
      [{ type: 'closed', code: 1006 }, local(false), { type: 'handshakeReply', hasContent: true }, { type: 'synced' }, local(), local()],
      live,
    );
    expect(unsavedChanges(syncReducer(state, { type: 'stored', count: 1 }))).toBe(2);
    expect(unsavedChanges(syncReducer(state, { type: 'stored', count: 2 }))).toBe(1);
    expect(unsavedChanges(syncReducer(state, { type: 'stored', count: 3 }))).toBe(0);
  });

  it('ignores acknowledgements beyond what was sent and never goes backwards', () => {
    const state = run([local(), local(), { type: 'stored', count: 5 }], live);
    expect(unsavedChanges(state)).toBe(0);
    expect(run([{ type: 'stored', count: 1 }], state).saved).toBe(2);
    expect(syncReducer(live, { type: 'stored', count: 1 })).toBe(live);
  });

  it('renews the token once on 4401, then asks to sign in', () => {
    const first = syncReducer(live, { type: 'closed', code: 4401 });
    expect(first).toMatchObject({ phase: 'offline', authRetried: true, stop: null });
    const second = syncReducer(first, { type: 'closed', code: 4401 });
    expect(second).toMatchObject({ phase: 'stopped', stop: 'signIn' });
    expect(describeSync(second)).toMatchObject({ tone: 'error', label: 'Disconnected' });
  });

  it('forgets the renewal once a connection synced', () => {
    const state = run([{ type: 'closed', code: 4401 }, { type: 'synced' }, { type: 'closed', code: 4401 }], live);
    expect(state).toMatchObject({ phase: 'offline', authRetried: true });
  });

  it('stays "connecting" while renewing the token before the first sync', () => {
    expect(syncReducer(initialSyncState, { type: 'closed', code: 4401 }).phase).toBe('connecting');
  });

  it('stops on refusals and keeps counting unsaved changes', () => {
    for (const [code, stop] of [
      [4403, 'forbidden'],
      [4404, 'notFound'],
      [4400, 'malformed'],
      [4413, 'tooLarge'],
      [4429, 'rateLimited'],
      [4409, 'tooManyConnections'],
      [4499, 'refused'],
    ] as const) {
      const state = run([local(), { type: 'closed', code }], live);
      expect(state).toMatchObject({ phase: 'stopped', stop });
      expect(describeSync(state).saving).toBe('1 unsaved change');
    }
  });

  it('reconnects on request after a refusal', () => {
    const stopped = run([{ type: 'closed', code: 4429 }], live);
    const retrying = syncReducer(stopped, { type: 'reconnect' });
    expect(retrying).toMatchObject({ phase: 'offline', stop: null });
    expect(syncReducer(retrying, { type: 'synced' }).phase).toBe('live');
  });

  it('goes offline, not stopped, on network failures', () => {
    for (const code of [1006, 1001, 1011, 1013, null]) {
      expect(syncReducer(live, { type: 'closed', code })).toMatchObject({ phase: 'offline', stop: null });
    }
    expect(describeSync(syncReducer(live, { type: 'closed', code: 1006 }))).toMatchObject({ label: 'Offline', saving: null });
  });
});

describe('closePolicy', () => {
  it('maps close codes to what the client does', () => {
    expect(closePolicy(null, false)).toEqual({ kind: 'retry' });
    expect(closePolicy(1006, false)).toEqual({ kind: 'retry' });
    expect(closePolicy(4401, false)).toEqual({ kind: 'refreshToken' });
    expect(closePolicy(4401, true)).toEqual({ kind: 'stop', reason: 'signIn' });
    expect(closePolicy(4403, false)).toEqual({ kind: 'stop', reason: 'forbidden' });
    expect(closePolicy(4500, false)).toEqual({ kind: 'retry' });
  });
});
