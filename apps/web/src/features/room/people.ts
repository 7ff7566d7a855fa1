import type { BoardUser } from '@pairboard/board-binding';
import { participantColor } from '@pairboard/interview-domain';

/**
 * A person's colour: the one Excalidraw gives their cursor and selection, so the header and the
 * board agree (the server puts the same one in awareness).
 */
export const colorFor = participantColor;

export interface RoomPerson extends BoardUser {
  isMe: boolean;
}

function userOf(state: unknown): BoardUser | null {
  if (typeof state !== 'object' || state === null) return null;
  const user = (state as { user?: unknown }).user;
  if (typeof user !== 'object' || user === null) return null;
  const { id, name, color } = user as Record<string, unknown>;
  if (typeof id !== 'string' || typeof name !== 'string' || typeof color !== 'string') return null;
  return { id, name, color };
}

/**
 * Who is in the room, from the awareness states: one entry per person (several tabs count once),
 * the viewer first, then by name.
 */
export function peopleInRoom(states: ReadonlyMap<number, unknown>, me: BoardUser): RoomPerson[] {
  const people = new Map<string, RoomPerson>([[me.id, { ...me, isMe: true }]]);
  for (const state of states.values()) {
    const user = userOf(state);
    if (user && !people.has(user.id)) people.set(user.id, { ...user, isMe: false });
  }
  return [...people.values()].sort((a, b) => (a.isMe !== b.isMe ? (a.isMe ? -1 : 1) : a.name.localeCompare(b.name)));
}
