import type {
  ChatMessage,
  Note,
  Presence,
  RequirementItem,
  RevealedHint,
  RoomClock,
  RoomState,
} from '@pairboard/contracts';

/** What the room shows, fed by the join acknowledgement and then by server events. */
export interface InterviewRoomState {
  room: RoomState | null;
  /** Hint indexes revealed since this page joined; the candidate sees them highlighted. */
  freshHints: number[];
}

export type RoomAction =
  | { type: 'joined'; state: RoomState }
  | { type: 'clock'; clock: RoomClock }
  | { type: 'presence'; presence: Presence }
  | { type: 'hintRevealed'; hint: RevealedHint }
  | { type: 'noteSaved'; note: Note }
  | { type: 'noteDeleted'; noteId: string }
  | { type: 'requirements'; items: RequirementItem[] }
  | { type: 'chat'; message: ChatMessage }
  | { type: 'left' };

export const initialRoomState: InterviewRoomState = { room: null, freshHints: [] };

const byCreated = (a: Note, b: Note) => a.createdAt - b.createdAt;

export function roomReducer(state: InterviewRoomState, action: RoomAction): InterviewRoomState {
  if (action.type === 'joined') {
    // A re-join keeps the highlight of hints that arrived while this page was open.
    const known = new Set(action.state.revealedHints.map((hint) => hint.hintIndex));
    return { room: action.state, freshHints: state.freshHints.filter((index) => known.has(index)) };
  }
  if (action.type === 'left') return initialRoomState;
  const room = state.room;
  if (!room) return state;
  switch (action.type) {
    case 'clock':
      // Keep the newest clock: events may cross an acknowledgement on the way.
      if (action.clock.version < room.clock.version) return state;
      return { ...state, room: { ...room, clock: action.clock } };
    case 'presence':
      return { ...state, room: { ...room, presence: action.presence } };
    case 'hintRevealed': {
      const { hint } = action;
      if (room.revealedHints.some((known) => known.hintIndex === hint.hintIndex)) return state;
      const interviewer = room.interviewer?.question
        ? {
            ...room.interviewer,
            question: {
              ...room.interviewer.question,
              hints: room.interviewer.question.hints.map((known) =>
                known.index === hint.hintIndex ? { ...known, revealed: true } : known,
              ),
            },
          }
        : room.interviewer;
      return {
        room: { ...room, revealedHints: [...room.revealedHints, hint], interviewer },
        freshHints: [...state.freshHints, hint.hintIndex],
      };
    }
    case 'noteSaved': {
      if (!room.interviewer) return state;
      const notes = room.interviewer.notes.filter((note) => note.id !== action.note.id);
      notes.push(action.note);
      notes.sort(byCreated);
      return { ...state, room: { ...room, interviewer: { ...room.interviewer, notes } } };
    }
    case 'noteDeleted': {
      if (!room.interviewer) return state;
      const notes = room.interviewer.notes.filter((note) => note.id !== action.noteId);
      return { ...state, room: { ...room, interviewer: { ...room.interviewer, notes } } };
    }
    case 'requirements':
      return { ...state, room: { ...room, requirements: action.items } };
    case 'chat':
      if (room.chat.some((message) => message.id === action.message.id)) return state;
      return { ...state, room: { ...room, chat: [...room.chat, action.message] } };
  }
}
