import { storedMessage, syncStep1Message, syncStep2Message, updateHasContent, updateMessage } from '@pairboard/board-protocol';
import * as decoding from 'lib0/decoding';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';

/** One browser socket as the provider sees it; the server side drives it. */
export class FakeSocket {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSING = 2;
  static readonly CLOSED = 3;
  readonly CONNECTING = 0;
  readonly OPEN = 1;
  readonly CLOSING = 2;
  readonly CLOSED = 3;
  readyState = 0;
  binaryType = 'arraybuffer';
  onopen: (() => void) | null = null;
  onmessage: ((event: { data: ArrayBuffer }) => void) | null = null;
  onclose: ((event: { code: number; reason: string }) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;
  /** Document messages with content received on this socket, the n of `[4, n]`. */
  received = 0;
  acknowledged = 0;
  /** Like the real server, nothing is answered before the token is checked; messages wait. */
  authorised = false;
  readonly queued: Uint8Array[] = [];

  constructor(
    readonly url: string,
    private readonly server: FakeBoardServer,
  ) {
    server.sockets.push(this);
    setTimeout(() => server.accept(this), 0);
  }

  get token(): string | null {
    return new URL(this.url).searchParams.get('token');
  }

  send(data: ArrayBuffer | Uint8Array): void {
    if (this.readyState !== FakeSocket.OPEN) return;
    const message = data instanceof Uint8Array ? data : new Uint8Array(data);
    if (this.authorised) this.server.receive(this, message);
    else this.queued.push(message);
  }

  /** Closed by the browser side (the provider's disconnect). */
  close(): void {
    if (this.readyState === FakeSocket.CLOSED) return;
    this.readyState = FakeSocket.CLOSED;
    this.onclose?.({ code: 1000, reason: '' });
  }

  /** Closed by the server with a code. */
  serverClose(code: number): void {
    if (this.readyState === FakeSocket.CLOSED) return;
    this.readyState = FakeSocket.CLOSED;
    this.onclose?.({ code, reason: '' });
  }

  deliver(message: Uint8Array): void {
    if (this.readyState !== FakeSocket.OPEN) return;
    this.onmessage?.({ data: message.slice().buffer });
  }

  /** Sends `[4, n]` for everything received so far. */
  acknowledge(): void {
    if (this.acknowledged === this.received) return;
    this.acknowledged = this.received;
    this.deliver(storedMessage(this.received));
  }
}

/**
 * A y-websocket server in memory with Pairboard's additions: a close code instead of accepting
 * (`refuseWith`), and stored acknowledgements, sent at once (`autoAcknowledge`) or when asked.
 */
export class FakeBoardServer {
  readonly doc = new Y.Doc();
  readonly sockets: FakeSocket[] = [];
  refuseWith: ((socket: FakeSocket) => number | null) | null = null;
  autoAcknowledge = true;

  readonly WebSocket = (() => {
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const server = this;
    return class extends FakeSocket {
      constructor(url: string) {
        super(url, server);
      }
    } as unknown as typeof WebSocket;
  })();

  get last(): FakeSocket {
    return this.sockets[this.sockets.length - 1];
  }

  accept(socket: FakeSocket): void {
    if (socket.readyState !== FakeSocket.CONNECTING) return;
    socket.readyState = FakeSocket.OPEN;
    socket.onopen?.();
    const code = this.refuseWith?.(socket) ?? null;
    if (code !== null) {
      socket.serverClose(code);
      return;
    }
    socket.deliver(syncStep1Message(this.doc));
    socket.deliver(syncStep2Message(Y.encodeStateAsUpdate(this.doc)));
    socket.authorised = true;
    for (const message of socket.queued.splice(0)) this.receive(socket, message);
  }

  receive(socket: FakeSocket, message: Uint8Array): void {
    const decoder = decoding.createDecoder(message);
    if (decoding.readVarUint(decoder) !== 0) return;
    const syncType = decoding.readVarUint(decoder);
    if (syncType === syncProtocol.messageYjsSyncStep1) {
      socket.deliver(syncStep2Message(Y.encodeStateAsUpdate(this.doc, decoding.readVarUint8Array(decoder))));
      return;
    }
    const update = decoding.readVarUint8Array(decoder);
    if (!updateHasContent(update)) return;
    Y.applyUpdate(this.doc, update, socket);
    socket.received += 1;
    if (this.autoAcknowledge) setTimeout(() => socket.acknowledge(), 0);
    for (const other of this.sockets) {
      if (other === socket || other.readyState !== FakeSocket.OPEN) continue;
      other.deliver(updateMessage(update));
    }
  }
}
