import { useEffect, useState, useSyncExternalStore } from 'react';
import type { TokenSource } from '../board-connection';
import { RoomsSocket, type RoomSnapshot } from './rooms-socket';

const idle: RoomSnapshot = { room: null, freshHints: [], link: 'connecting', offsetMs: 0, rttMs: null, problem: null };
const noSubscription = () => () => undefined;
const idleSnapshot = () => idle;

/** One `/rooms` socket for the page, and its snapshot. */
export function useInterviewRoom(interviewId: string, session: TokenSource): { socket: RoomsSocket | null; snapshot: RoomSnapshot } {
  const [socket, setSocket] = useState<RoomsSocket | null>(null);
  useEffect(() => {
    const next = new RoomsSocket({ interviewId, session });
    setSocket(next);
    return () => next.destroy();
  }, [interviewId, session]);
  const snapshot = useSyncExternalStore(socket?.subscribe ?? noSubscription, socket?.getSnapshot ?? idleSnapshot);
  return { socket, snapshot };
}

/** The server's clock, re-read every `everyMs` while `running`. */
export function useServerNow(offsetMs: number, running: boolean, everyMs = 250): number {
  const [now, setNow] = useState(() => Date.now() + offsetMs);
  useEffect(() => {
    setNow(Date.now() + offsetMs);
    if (!running) return;
    const timer = setInterval(() => setNow(Date.now() + offsetMs), everyMs);
    return () => clearInterval(timer);
  }, [offsetMs, running, everyMs]);
  return now;
}
