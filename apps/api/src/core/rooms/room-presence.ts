import type { ParticipantRole, Presence, PresenceEntry } from '@pairboard/contracts';
import { connectionQuality } from '@pairboard/interview-domain';

/**
 * What a socket carries in `socket.data`. socket.io hands it to every instance that asks for the
 * room's sockets (Redis adapter), so presence is computed from it without a store of its own.
 */
export interface RoomSocketData {
  userId: string;
  name: string;
  interviewId: string | null;
  role: ParticipantRole | null;
  rttMs: number | null;
  /** The stay in the room this socket is on (`room_visits.id`), closed when it leaves. */
  visitId?: string | null;
}

export interface PresenceSocket {
  data: Partial<RoomSocketData>;
  rooms: ReadonlySet<string>;
}

const ROLE_ORDER: Record<ParticipantRole, number> = { interviewer: 0, candidate: 1, observer: 2 };

/** One entry per person (several tabs count as connections); the presenter is whoever holds the presenter room. */
export function summarizePresence(sockets: readonly PresenceSocket[], presenterRoom: string): Presence {
  const people = new Map<string, PresenceEntry>();
  for (const { data, rooms } of sockets) {
    if (!data.userId || !data.role) continue;
    const presenting = rooms.has(presenterRoom);
    const rtt = data.rttMs ?? null;
    const entry = people.get(data.userId);
    if (!entry) {
      people.set(data.userId, {
        userId: data.userId,
        name: data.name ?? '',
        role: data.role,
        connections: 1,
        rttMs: rtt,
        quality: connectionQuality(rtt),
        presenting,
      });
      continue;
    }
    entry.connections += 1;
    entry.presenting ||= presenting;
    if (rtt !== null && (entry.rttMs === null || rtt < entry.rttMs)) {
      entry.rttMs = rtt;
      entry.quality = connectionQuality(rtt);
    }
  }
  const participants = [...people.values()].sort((a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role] || a.name.localeCompare(b.name) || a.userId.localeCompare(b.userId));
  // Two people starting to present at the same instant: the same one wins everywhere.
  const presenterId = participants.filter((entry) => entry.presenting).map((entry) => entry.userId).sort()[0] ?? null;
  return { participants: participants.map((entry) => ({ ...entry, presenting: entry.userId === presenterId })), presenterId };
}
