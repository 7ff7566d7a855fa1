import { TokenBucket } from '../../base/rate-limit';

/** One connection as the room sees it; the transport (WebSocket or a test) implements it. */
export interface BoardPeer {
  readonly userId: string;
  /** false for observers: they receive everything but may not change the document */
  readonly canEdit: boolean;
  send(message: Uint8Array): void;
  close(code: number, reason: string): void;
}

/**
 * Who a connection is, as others see it in awareness (`state.user`): set by the server from the
 * authenticated account, never taken from what the client sends.
 */
export interface BoardIdentity {
  id: string;
  name: string;
  color: string;
  role: string;
}

/** What a room keeps about one of its connections while it is joined. */
export class PeerState {
  /** this connection's document updates stored so far: the n of `[4, n]` */
  stored = 0;
  /** awareness client ids this connection speaks for, removed for everyone when it leaves */
  readonly clientIds = new Set<number>();
  /** false once the connection left or was refused: nothing more is sent to it or taken from it */
  open = true;

  constructor(
    readonly peer: BoardPeer,
    /** replaces the `user` of every awareness state the connection sends; null leaves states as sent */
    readonly identity: BoardIdentity | null,
    /** document updates this connection may still send now */
    readonly updates: TokenBucket,
  ) {}

  /** Sends unless the connection is closed. */
  send(message: Uint8Array): void {
    if (this.open) this.peer.send(message);
  }
}
