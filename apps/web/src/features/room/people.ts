import type { BoardUser } from '@pairboard/board-binding';

/** Excalidraw's string hash, kept bit for bit so the colours below match its cursors. */
function excalidrawHash(value: string): number {
  let hash = 0;
  for (let index = 0; index < value.length; index += 1) hash = (hash << 5) - hash + value.charCodeAt(index);
  return hash;
}

/**
 * A person's colour: the one Excalidraw gives their cursor and selection (it derives it from the
 * collaborator id), so the header and the board agree. Light pastels: pair them with dark text.
 */
export function colorFor(userId: string): string {
  return `hsl(${(Math.abs(excalidrawHash(userId)) % 37) * 10}, 100%, 83%)`;
}

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
