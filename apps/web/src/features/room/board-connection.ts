import { authRefreshMessage, updateHasContent } from '@pairboard/board-protocol';
import { BOARD_MESSAGE } from '@pairboard/contracts';
import * as decoding from 'lib0/decoding';
import { messageYjsSyncStep1 } from 'y-protocols/sync';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { closePolicy, initialSyncState, syncReducer, type SyncEvent, type SyncState } from './connection-state';

/** The part of the app's session the board needs: the current token, a renewal, and changes. */
export interface TokenSource {
  readonly accessToken: string | null;
  refresh(): Promise<string | null>;
  subscribe(listener: (token: string | null) => void): () => void;
}

export interface BoardConnectionOptions {
  interviewId: string;
  doc: Y.Doc;
  session: TokenSource;
  /** ws(s)://host/yjs; defaults to this page's origin. */
  serverUrl?: string;
  /** For tests. */
  WebSocketPolyfill?: typeof WebSocket;
}

const OPEN = 1;

export function boardServerUrl(location: Pick<Location, 'protocol' | 'host'> = window.location): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/yjs`;
}

/** Keys of the board's top-level maps (element ids, file ids) a transaction changed. */
function changedIds(transaction: Y.Transaction): string[] {
  const ids = new Set<string>();
  for (const [type, keys] of transaction.changed) {
    if (type._item !== null) continue;
    for (const key of keys) if (key !== null) ids.add(key);
  }
  return [...ids];
}

type MessageHandler = WebsocketProvider['messageHandlers'][number];

/**
 * The stock y-websocket provider for one interview's board, plus what Pairboard adds around it:
 * the access token (renewed before every reconnect), the server's stored acknowledgements, close
 * codes, and the resulting SyncState for the header.
 */
export class BoardConnection {
  readonly provider: WebsocketProvider;
  private state: SyncState = initialSyncState;
  private readonly listeners = new Set<() => void>();
  private readonly stopSession: () => void;
  private destroyed = false;
  /** The token this connection last presented (at connect, or renewed on the open socket). */
  private presented: string | null = null;

  constructor(private readonly options: BoardConnectionOptions) {
    const { doc, interviewId, session } = options;
    this.provider = new WebsocketProvider(options.serverUrl ?? boardServerUrl(), interviewId, doc, {
      connect: false,
      params: { token: session.accessToken ?? '' },
      // What the server has is what everyone sees: no shortcut between tabs of this browser.
      disableBc: true,
      // Refusals are decided here (and a refused token is renewed first), not retried blindly.
      shouldReconnect: (event) => closePolicy(event.code, false).kind === 'retry',
      ...(options.WebSocketPolyfill && { WebSocketPolyfill: options.WebSocketPolyfill }),
    });
    const provider = this.provider;

    provider.messageHandlers[BOARD_MESSAGE.stored] = (_encoder, decoder) => {
      this.dispatch({ type: 'stored', count: decoding.readVarUint(decoder) });
    };
    // The server asks for a fresh token before the current one expires, and confirms a renewal.
    provider.messageHandlers[BOARD_MESSAGE.authExpiring] = (_encoder, decoder) => {
      decoding.readVarUint(decoder);
      void this.renewOnOpenSocket();
    };
    provider.messageHandlers[BOARD_MESSAGE.authRenewed] = (_encoder, decoder) => {
      decoding.readVarUint(decoder);
    };
    const handleSync: MessageHandler = provider.messageHandlers[BOARD_MESSAGE.sync];
    provider.messageHandlers[BOARD_MESSAGE.sync] = (encoder, decoder, ...rest) => {
      // The provider answers the server's step 1 with everything the server lacks, in one message.
      const peek = decoding.clone(decoder);
      if (decoding.readVarUint(peek) === messageYjsSyncStep1) {
        const reply = Y.encodeStateAsUpdate(doc, decoding.readVarUint8Array(peek));
        this.dispatch({ type: 'handshakeReply', hasContent: updateHasContent(reply) });
      }
      handleSync(encoder, decoder, ...rest);
    };

    doc.on('update', this.onUpdate);
    provider.on('status', this.onStatus);
    provider.on('sync', this.onSync);
    provider.on('connection-close', this.onClose);
    this.stopSession = session.subscribe((token) => {
      if (!token) return;
      provider.params = { ...provider.params, token };
      if (token !== this.presented) this.presentToken(token);
    });
    // A socket can look open for a while after the network is gone; the browser knows sooner.
    globalThis.addEventListener?.('offline', this.onBrowserOffline);
    provider.connect();
  }

  getState = (): SyncState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** After a refusal the person chose to retry (too large, rate limited, …). */
  reconnect(): void {
    if (this.destroyed) return;
    this.dispatch({ type: 'reconnect' });
    this.useCurrentToken();
    this.provider.connect();
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.stopSession();
    globalThis.removeEventListener?.('offline', this.onBrowserOffline);
    this.options.doc.off('update', this.onUpdate);
    this.provider.off('status', this.onStatus);
    this.provider.off('sync', this.onSync);
    this.provider.off('connection-close', this.onClose);
    this.provider.destroy();
    this.listeners.clear();
  }

  private dispatch(event: SyncEvent): void {
    const next = syncReducer(this.state, event);
    if (next === this.state) return;
    this.state = next;
    for (const listener of this.listeners) listener();
  }

  private useCurrentToken(): void {
    const token = this.options.session.accessToken;
    if (token) this.provider.params = { ...this.provider.params, token };
  }

  private readonly onUpdate = (_update: Uint8Array, origin: unknown, _doc: Y.Doc, transaction: Y.Transaction): void => {
    if (origin === this.provider) return;
    // The provider sends a local update at once when its socket is open; otherwise the next
    // handshake carries it.
    const ws = this.provider.ws;
    this.dispatch({ type: 'local', sent: this.provider.wsconnected && ws !== null && ws.readyState === OPEN, ids: changedIds(transaction) });
  };

  private readonly onBrowserOffline = (): void => {
    if (this.provider.ws === null || !this.provider.shouldConnect) return;
    // Closes this socket (reported as a close from this side: offline) and keeps retrying.
    this.provider.disconnect();
    this.provider.connect();
  };

  private readonly onStatus = ({ status }: { status: 'connected' | 'disconnected' | 'connecting' }): void => {
    if (status === 'connecting') this.presented = this.provider.params.token ?? null;
    if (status === 'connecting') this.dispatch({ type: 'connecting' });
    else if (status === 'connected') this.dispatch({ type: 'open' });
  };

  private readonly onSync = (synced: boolean): void => {
    if (synced) this.dispatch({ type: 'synced' });
  };

  private readonly onClose = (event: CloseEvent | null): void => {
    const policy = closePolicy(event?.code ?? null, this.state.authRetried);
    this.dispatch({ type: 'closed', code: event?.code ?? null });
    if (policy.kind === 'stop') this.provider.shouldConnect = false;
    if (policy.kind === 'refreshToken') {
      this.provider.shouldConnect = false;
      void this.renewTokenAndConnect();
    }
  };

  /** `[6, token]` on the open socket; the server answers `[7, …]` or closes with 4401. */
  private presentToken(token: string): void {
    const ws = this.provider.ws;
    if (!ws || ws.readyState !== OPEN || !this.provider.wsconnected) return;
    ws.send(authRefreshMessage(token));
    this.presented = token;
  }

  private async renewOnOpenSocket(): Promise<void> {
    const current = this.options.session.accessToken;
    // Another part of the page may have renewed already; otherwise renew now (one request per tab).
    if (current && current !== this.presented) return this.presentToken(current);
    try {
      const token = await this.options.session.refresh();
      if (token && token !== this.presented && !this.destroyed) this.presentToken(token);
    } catch {
      // Not reachable: the server closes with 4401 at expiry and the close policy takes over.
    }
  }

  private async renewTokenAndConnect(): Promise<void> {
    let token: string | null;
    try {
      token = await this.options.session.refresh();
    } catch {
      // Not reachable right now: try once more with the token we have; another 4401 asks to sign in.
      token = this.options.session.accessToken;
    }
    if (this.destroyed) return;
    if (!token) {
      this.dispatch({ type: 'authFailed' });
      return;
    }
    this.provider.params = { ...this.provider.params, token };
    this.provider.connect();
  }
}
