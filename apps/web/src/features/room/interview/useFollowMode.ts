import type { ExcalidrawImperativeAPI } from '@excalidraw/excalidraw/types';
import type { Presence, ViewportEvent } from '@pairboard/contracts';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { BoardViewport } from '../Board';
import type { RoomsSocket } from './rooms-socket';

/** Own viewport reaches followers at most this often; the last one is repeated for late followers. */
const SEND_EVERY_MS = 100;
const REPEAT_EVERY_MS = 1_000;
/** A scroll this far from the followed position is the person's own. */
const OWN_MOVE_PX = 1;

/** The scroll that shows the leader's centre in a board of this size at the leader's zoom. */
export function followedScroll(viewport: ViewportEvent, width: number, height: number): { scrollX: number; scrollY: number } {
  if (!viewport.width || !viewport.height || !width || !height) return { scrollX: viewport.scrollX, scrollY: viewport.scrollY };
  const centreX = viewport.width / (2 * viewport.zoom) - viewport.scrollX;
  const centreY = viewport.height / (2 * viewport.zoom) - viewport.scrollY;
  return { scrollX: width / (2 * viewport.zoom) - centreX, scrollY: height / (2 * viewport.zoom) - centreY };
}

export interface FollowMode {
  following: string | null;
  follow(userId: string): void;
  stop(): void;
  /** For the Board: every scroll or zoom. */
  onViewportChange(viewport: BoardViewport): void;
  onApi(api: ExcalidrawImperativeAPI | null): void;
}

/**
 * Follow mode: sends this person's viewport (volatile, throttled; the server relays it only to
 * followers), applies the followed person's, follows whoever presents, and stops as soon as the
 * follower scrolls or zooms by themselves.
 */
export function useFollowMode(socket: RoomsSocket | null, presence: Presence | null, myId: string | null, onError: (message: string) => void): FollowMode {
  const [following, setFollowing] = useState<string | null>(null);
  const api = useRef<ExcalidrawImperativeAPI | null>(null);
  const applied = useRef<{ scrollX: number; scrollY: number; zoom: number } | null>(null);
  const last = useRef<BoardViewport | null>(null);
  const lastSent = useRef(0);
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);
  const followingRef = useRef<string | null>(null);
  followingRef.current = following;

  const sendNow = useCallback(() => {
    pending.current = null;
    const viewport = last.current;
    if (!socket || !viewport) return;
    lastSent.current = Date.now();
    socket.sendViewport({
      scrollX: viewport.scrollX,
      scrollY: viewport.scrollY,
      zoom: viewport.zoom,
      width: Math.round(viewport.width),
      height: Math.round(viewport.height),
    });
  }, [socket]);

  const stop = useCallback(() => {
    if (followingRef.current === null) return;
    setFollowing(null);
    applied.current = null;
    socket?.send('follow:stop', {}).catch(() => undefined);
  }, [socket]);

  const follow = useCallback(
    (userId: string) => {
      if (!socket) return;
      setFollowing(userId);
      applied.current = null;
      socket.send('follow:start', { userId }).catch((error: unknown) => {
        setFollowing(null);
        onError(error instanceof Error ? error.message : String(error));
      });
    },
    [socket, onError],
  );

  const onViewportChange = useCallback(
    (viewport: BoardViewport) => {
      last.current = viewport;
      const target = applied.current;
      if (followingRef.current !== null && target) {
        const own =
          Math.abs(viewport.scrollX - target.scrollX) > OWN_MOVE_PX ||
          Math.abs(viewport.scrollY - target.scrollY) > OWN_MOVE_PX ||
          Math.abs(viewport.zoom - target.zoom) > 0.001;
        if (own) stop();
      }
      if (pending.current === null) pending.current = setTimeout(sendNow, Math.max(0, lastSent.current + SEND_EVERY_MS - Date.now()));
    },
    [sendNow, stop],
  );

  // Late followers get the current position within a second.
  useEffect(() => {
    const timer = setInterval(() => {
      if (Date.now() - lastSent.current >= REPEAT_EVERY_MS) sendNow();
    }, REPEAT_EVERY_MS);
    return () => {
      clearInterval(timer);
      if (pending.current !== null) clearTimeout(pending.current);
      pending.current = null;
    };
  }, [sendNow]);

  // The followed person's viewport, applied to the board.
  useEffect(() => {
    if (!socket) return;
    return socket.onViewport((viewport) => {
      const board = api.current;
      if (!board || viewport.userId !== followingRef.current) return;
      const state = board.getAppState();
      const { scrollX, scrollY } = followedScroll(viewport, state.width, state.height);
      applied.current = { scrollX, scrollY, zoom: viewport.zoom };
      board.updateScene({ appState: { scrollX, scrollY, zoom: { value: viewport.zoom as never } } });
    });
  }, [socket]);

  // Whoever presents is followed, once per presentation, until the follower moves away.
  const presenterId = presence?.presenterId ?? null;
  useEffect(() => {
    if (presenterId && presenterId !== myId) follow(presenterId);
  }, [presenterId, myId, follow]);

  // The followed person left.
  useEffect(() => {
    if (following && presence && !presence.participants.some((person) => person.userId === following)) {
      setFollowing(null);
      applied.current = null;
    }
  }, [presence, following]);

  const onApi = useCallback((next: ExcalidrawImperativeAPI | null) => {
    api.current = next;
  }, []);

  return { following, follow, stop, onViewportChange, onApi };
}
