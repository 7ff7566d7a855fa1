import { authEndedEventSchema, SOCKET_SESSION_EVENTS } from '@pairboard/contracts';
import type { Socket } from 'socket.io-client';

/** The part of the app's session a socket needs: the current token, a renewal, and changes. */
export interface SocketTokenSource {
  readonly accessToken: string | null;
  refresh(): Promise<string | null>;
  subscribe(listener: (token: string | null) => void): () => void;
}

const RENEW_TIMEOUT_MS = 10_000;

/**
 * Keeps an open socket.io connection within the session (see socket-session.ts in the contracts):
 * sends every renewed access token on the open connection, renews when the server says the token
 * is about to expire, and when the server ends the socket reconnects with a fresh token — or, when
 * the session is over, reports it. Returns a function that stops all of it.
 */
export function keepSocketSession(socket: Socket, session: SocketTokenSource, onSessionOver: () => void): () => void {
  let presented = session.accessToken;
  let ended = false;

  const present = (token: string) => {
    presented = token;
    if (!socket.connected) return;
    // An unanswered or refused renewal changes nothing here: the server's deadline decides.
    socket.timeout(RENEW_TIMEOUT_MS).emit(SOCKET_SESSION_EVENTS.refresh, { token }, () => undefined);
  };
  const reconnectOrSignIn = () => {
    session.refresh().then(
      (token) => {
        if (token === null) onSessionOver();
        else if (!socket.active) socket.connect();
      },
      // Not reachable now: the next attempt uses whatever token the session has by then.
      () => {
        if (!socket.active) socket.connect();
      },
    );
  };

  const stopSubscription = session.subscribe((token) => {
    if (token && token !== presented) present(token);
  });
  const onConnect = () => {
    ended = false;
    presented = session.accessToken;
  };
  const onExpiring = () => {
    const current = session.accessToken;
    // Another part of the page may have renewed already; otherwise renew now (one request per tab).
    if (current && current !== presented) return present(current);
    session.refresh().then((token) => {
      if (token && token !== presented) present(token);
    }, () => undefined);
  };
  const onEnded = (payload: unknown) => {
    if (authEndedEventSchema.safeParse(payload).success) ended = true;
  };
  const onDisconnect = (reason: string) => {
    // The server ended the session's socket: a signed-out session asks for sign-in, a renewed one goes on.
    if (reason === 'io server disconnect' && ended) reconnectOrSignIn();
  };
  socket.on('connect', onConnect);
  socket.on(SOCKET_SESSION_EVENTS.expiring, onExpiring);
  socket.on(SOCKET_SESSION_EVENTS.ended, onEnded);
  socket.on('disconnect', onDisconnect);
  return () => {
    stopSubscription();
    socket.off('connect', onConnect);
    socket.off(SOCKET_SESSION_EVENTS.expiring, onExpiring);
    socket.off(SOCKET_SESSION_EVENTS.ended, onEnded);
    socket.off('disconnect', onDisconnect);
  };
}
