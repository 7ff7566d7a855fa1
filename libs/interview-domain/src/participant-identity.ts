import { displayNameCharacterProblem, isBlankDisplayName, normaliseDisplayName, type ParticipantRole } from '@pairboard/contracts';

/** Excalidraw's string hash, bit for bit, so our colours match the ones it gives cursors. */
function excalidrawHash(value: string): number {
  let hash = 0;
  for (let index = 0; index < value.length; index += 1) hash = (hash << 5) - hash + value.charCodeAt(index);
  return hash;
}

/**
 * A person's colour: the one Excalidraw gives their cursor and selection (it derives it from the
 * collaborator id), so the header, the people list and the board agree. Light pastels: pair them
 * with dark text.
 */
export function participantColor(userId: string): string {
  return `hsl(${(Math.abs(excalidrawHash(userId)) % 37) * 10}, 100%, 83%)`;
}

export interface NamedParticipant {
  userId: string | null;
  name: string | null;
  role: ParticipantRole;
}

const FALLBACK_NAME = 'Participant';

/**
 * The name a participant is shown under in the room and on the board. Two participants with the
 * same name (compared after normalising, ignoring case) are told apart by their role, and within one
 * role by their order in the participant list ("Sam (observer 2)"), so nobody can pass for someone
 * else by copying their name; every instance derives the same label from the same list. A name
 * stored before names were checked is shown without control or direction characters. Null for
 * someone who is not in the list.
 */
export function participantLabel(userId: string, participants: readonly NamedParticipant[]): string | null {
  const me = participants.find((participant) => participant.userId === userId);
  if (!me) return null;
  const name = displayableName(me.name);
  const key = name.toLocaleLowerCase();
  const namesakes = participants.filter((participant) => participant.userId && displayableName(participant.name).toLocaleLowerCase() === key);
  if (namesakes.length <= 1) return name;
  const sameRole = namesakes.filter((participant) => participant.role === me.role);
  return sameRole.length > 1 ? `${name} (${me.role} ${sameRole.indexOf(me) + 1})` : `${name} (${me.role})`;
}

function displayableName(name: string | null): string {
  if (!name) return FALLBACK_NAME;
  const cleaned = normaliseDisplayName([...name].map((char) => (displayNameCharacterProblem(char) === null ? char : ' ')).join(''));
  return isBlankDisplayName(cleaned) ? FALLBACK_NAME : cleaned;
}
