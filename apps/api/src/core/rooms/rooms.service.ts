import { Injectable } from '@nestjs/common';
import {
  CHAT_HISTORY_LENGTH,
  ChatMessage,
  MAX_REQUIREMENT_ITEMS,
  Note,
  ParticipantRole,
  Presence,
  RequirementItem,
  RequirementKind,
  RevealedHint,
  RoomClock,
  RoomState,
} from '@pairboard/contracts';
import { participantLabel, sessionElapsedMs } from '@pairboard/interview-domain';
import { AppError } from '../../base/errors';
import { DomainEvent, DomainEvents } from '../events';
import { InterviewsService } from '../interviews';
import { questionContent, scriptPhases, toPhaseGuide, toRoomPhase } from './room-content';
import { ChatRow, NoteRow, RequirementRow, RevealedHintRow, RoomsRepository } from './rooms.repository';

/** The person acting in a room, as authenticated at the handshake and authorised at join. */
export interface RoomActor {
  userId: string;
  name: string;
  role: ParticipantRole;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function requireRole(actor: RoomActor, role: ParticipantRole, message: string): void {
  if (actor.role !== role) throw new AppError('FORBIDDEN', message);
}

/** Presenting steers everyone's view of the board: for the people running the interview, not its audience. */
export function assertMayPresent(actor: RoomActor): void {
  if (actor.role === 'observer') throw new AppError('FORBIDDEN', 'Observers cannot present.');
}

/**
 * The room's rules apart from the clock: who sees what on joining, hints, private notes, chat and
 * the requirements checklist. Returns what changed; the transports broadcast it.
 */
@Injectable()
export class RoomsService {
  constructor(
    private readonly rooms: RoomsRepository,
    private readonly interviews: InterviewsService,
    private readonly events: DomainEvents,
  ) {}

  /** The caller's role; NOT_FOUND for anyone who is not a participant, as over REST. */
  async admit(interviewId: string, userId: string): Promise<ParticipantRole> {
    const access = await this.interviews.accessFor(interviewId, userId);
    if (!access.exists || !access.role) throw new AppError('NOT_FOUND', 'No such interview.');
    return access.role;
  }

  /** The name the room shows a participant under: namesakes told apart, as on the board. */
  async displayNameIn(interviewId: string, userId: string): Promise<string> {
    const interview = await this.interviews.getForParticipant(interviewId, userId);
    return participantLabel(userId, interview.participants) ?? 'Participant';
  }

  /**
   * Opens a stay in the room (the replay's joins and leaves) and notes the first time each
   * participant enters (the show-up record reads it). Returns the stay's id.
   */
  async recordJoin(interviewId: string, userId: string): Promise<string> {
    const at = new Date();
    const [visitId, first] = await Promise.all([this.rooms.openVisit(interviewId, userId, at), this.interviews.markJoined(interviewId, userId)]);
    if (first) await this.events.emit(DomainEvent.participantJoined, { interviewId, userId });
    return visitId;
  }

  recordLeave(visitId: string): Promise<void> {
    return this.rooms.closeVisit(visitId, new Date());
  }

  /**
   * The room as `actor` may see it. Interviewers get the whole question, the phase guides and the
   * notes; candidates and observers only the prompt, what each phase expects and revealed hints.
   */
  async snapshot(interviewId: string, actor: RoomActor, presence: Presence): Promise<RoomState> {
    const isInterviewer = actor.role === 'interviewer';
    const [room, hints, requirements, chat, notes] = await Promise.all([
      this.rooms.findRoom(interviewId),
      this.rooms.revealedHints(interviewId),
      this.rooms.requirements(interviewId),
      this.rooms.recentChat(interviewId, CHAT_HISTORY_LENGTH),
      isInterviewer ? this.rooms.notes(interviewId) : Promise.resolve([]),
    ]);
    if (!room) throw new AppError('NOT_FOUND', 'No such interview.');
    const phases = scriptPhases(room.script);
    const question = questionContent(room.question);
    const revealed = new Set(hints.map((hint) => hint.hintIndex));
    const state: RoomState = {
      interview: { id: room.interviewId, title: room.title },
      me: { userId: actor.userId, name: actor.name, role: actor.role },
      clock: room.clock,
      serverTime: Date.now(),
      script: room.script ? { id: room.script.id, name: room.script.name, autoAdvance: room.script.autoAdvance, phases: phases.map(toRoomPhase) } : null,
      question: room.question ? { id: room.question.id, title: room.question.title, prompt: room.question.prompt } : null,
      revealedHints: hints.map(toRevealedHint),
      requirements: requirements.map(toRequirementItem),
      chat: chat.map(toChatMessage),
      presence,
    };
    if (!isInterviewer) return state;
    return {
      ...state,
      interviewer: {
        question: question && {
          requirements: { functional: [...question.requirements.functional], nonFunctional: [...question.requirements.nonFunctional] },
          entities: [...question.entities],
          hints: question.hints.map((hint, index) => ({ index, phase: hint.phase, text: hint.text, revealed: revealed.has(index) })),
          probes: question.probes.map((probe) => ({ topic: probe.topic, text: probe.text })),
          signals: Object.fromEntries(Object.entries(question.signals).map(([key, list]) => [key, [...list]])),
        },
        phaseGuides: phases.map(toPhaseGuide),
        notes: notes.map(toNote),
      },
    };
  }

  /** `created` is false when it had been revealed before: nothing new to broadcast. */
  async revealHint(interviewId: string, actor: RoomActor, hintIndex: number): Promise<{ hint: RevealedHint; created: boolean }> {
    requireRole(actor, 'interviewer', 'Only interviewers reveal hints.');
    const room = await this.rooms.findRoom(interviewId);
    if (!room) throw new AppError('NOT_FOUND', 'No such interview.');
    const hint = questionContent(room.question)?.hints[hintIndex];
    if (!hint) throw new AppError('NOT_FOUND', 'No such hint.');
    const { row, created } = await this.rooms.revealHint({
      interviewId,
      hintIndex,
      phase: hint.phase,
      text: hint.text,
      phaseIndex: sessionPhase(room.clock),
      at: new Date(),
      byUserId: actor.userId,
    });
    return { hint: toRevealedHint(row), created };
  }

  /** Notes are pinned to the session time and phase they were written in. */
  async createNote(interviewId: string, actor: RoomActor, text: string): Promise<Note> {
    requireRole(actor, 'interviewer', 'Only interviewers take notes.');
    const record = await this.rooms.findClock(interviewId);
    if (!record) throw new AppError('NOT_FOUND', 'No such interview.');
    const now = Date.now();
    const started = record.clock.startedAt !== null;
    const row = await this.rooms.createNote({
      interviewId,
      authorId: actor.userId,
      body: text,
      sessionMs: started ? sessionElapsedMs(record.clock, now) : null,
      phaseIndex: sessionPhase(record.clock),
      at: new Date(now),
    });
    return toNote(row);
  }

  async updateNote(interviewId: string, actor: RoomActor, noteId: string, text: string): Promise<Note> {
    await this.requireOwnNote(interviewId, actor, noteId);
    const row = await this.rooms.updateNote(interviewId, noteId, actor.userId, text, new Date());
    if (!row) throw new AppError('NOT_FOUND', 'No such note.');
    return toNote(row);
  }

  async deleteNote(interviewId: string, actor: RoomActor, noteId: string): Promise<void> {
    await this.requireOwnNote(interviewId, actor, noteId);
    if (!(await this.rooms.deleteNote(interviewId, noteId, actor.userId))) throw new AppError('NOT_FOUND', 'No such note.');
  }

  /** For REST: interviewers read every interviewer's notes; everyone else is refused. */
  async notesFor(interviewId: string, userId: string): Promise<Note[]> {
    const role = await this.admit(interviewId, userId);
    if (role !== 'interviewer') throw new AppError('FORBIDDEN', 'Notes are private to the interviewers.');
    return (await this.rooms.notes(interviewId)).map(toNote);
  }

  /** Stored exactly as sent; clients render it as text. */
  async sendChat(interviewId: string, actor: RoomActor, text: string): Promise<ChatMessage> {
    const row = await this.rooms.createChat({ interviewId, authorId: actor.userId, body: text, at: new Date() });
    return toChatMessage(row);
  }

  async addRequirement(interviewId: string, actor: RoomActor, kind: RequirementKind, text: string): Promise<{ item: RequirementItem; items: RequirementItem[] }> {
    requireRole(actor, 'candidate', 'The candidate fills the requirements checklist.');
    const row = await this.rooms.addRequirement({ interviewId, kind, text, byUserId: actor.userId, at: new Date(), maxItems: MAX_REQUIREMENT_ITEMS });
    if (!row) throw new AppError('CONFLICT', `The checklist holds at most ${MAX_REQUIREMENT_ITEMS} items.`);
    return { item: toRequirementItem(row), items: await this.requirementItems(interviewId) };
  }

  async updateRequirement(
    interviewId: string,
    actor: RoomActor,
    itemId: string,
    change: { text?: string; checked?: boolean },
  ): Promise<{ item: RequirementItem; items: RequirementItem[] }> {
    requireRole(actor, 'candidate', 'The candidate fills the requirements checklist.');
    const row = UUID.test(itemId) ? await this.rooms.updateRequirement(interviewId, itemId, { ...change, byUserId: actor.userId, at: new Date() }) : null;
    if (!row) throw new AppError('NOT_FOUND', 'No such checklist item.');
    return { item: toRequirementItem(row), items: await this.requirementItems(interviewId) };
  }

  async removeRequirement(interviewId: string, actor: RoomActor, itemId: string): Promise<RequirementItem[]> {
    requireRole(actor, 'candidate', 'The candidate fills the requirements checklist.');
    if (!UUID.test(itemId) || !(await this.rooms.removeRequirement(interviewId, itemId))) throw new AppError('NOT_FOUND', 'No such checklist item.');
    return this.requirementItems(interviewId);
  }

  private async requirementItems(interviewId: string): Promise<RequirementItem[]> {
    return (await this.rooms.requirements(interviewId)).map(toRequirementItem);
  }

  /** Interviewers may edit only their own notes; a note id from elsewhere is simply not found. */
  private async requireOwnNote(interviewId: string, actor: RoomActor, noteId: string): Promise<void> {
    requireRole(actor, 'interviewer', 'Only interviewers take notes.');
    const note = UUID.test(noteId) ? await this.rooms.findNote(interviewId, noteId) : null;
    if (!note) throw new AppError('NOT_FOUND', 'No such note.');
    if (note.authorId !== actor.userId) throw new AppError('FORBIDDEN', 'Only the author edits a note.');
  }
}

/** The phase something happened in; null before the interview started. */
function sessionPhase(clock: RoomClock): number | null {
  return clock.status === 'scheduled' ? null : clock.phaseIndex;
}

function toRevealedHint(row: RevealedHintRow): RevealedHint {
  return {
    hintIndex: row.hintIndex,
    phase: row.phase,
    text: row.text,
    phaseIndex: row.phaseIndex,
    revealedAt: row.revealedAt.getTime(),
    revealedBy: row.revealedById,
  };
}

function toNote(row: NoteRow): Note {
  return {
    id: row.id,
    authorId: row.authorId,
    authorName: row.author.name,
    text: row.body,
    sessionMs: row.sessionMs,
    phaseIndex: row.phaseIndex,
    createdAt: row.createdAt.getTime(),
    updatedAt: row.updatedAt.getTime(),
  };
}

function toChatMessage(row: ChatRow): ChatMessage {
  return { id: row.id, authorId: row.authorId, authorName: row.author?.name ?? 'Former participant', text: row.body, sentAt: row.sentAt.getTime() };
}

function toRequirementItem(row: RequirementRow): RequirementItem {
  return { id: row.id, kind: row.kind, text: row.text, checked: row.checked, updatedAt: row.updatedAt.getTime(), updatedBy: row.updatedById };
}
