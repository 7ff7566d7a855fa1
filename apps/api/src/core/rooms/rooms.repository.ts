import { Injectable } from '@nestjs/common';
import type { ClockChange, RequirementKind, RoomClock } from '@pairboard/contracts';
import { Prisma, PrismaService } from '../../base/prisma';
import type { Transaction } from '../../base/prisma';

const clockColumns = {
  status: true,
  phaseIndex: true,
  phaseStartedAt: true,
  pausedAt: true,
  pausedMs: true,
  extensionMs: true,
  startedAt: true,
  endedAt: true,
  clockVersion: true,
} satisfies Prisma.InterviewSelect;

type ClockColumns = Prisma.InterviewGetPayload<{ select: typeof clockColumns }>;

const scriptColumns = { select: { id: true, name: true, autoAdvance: true, phases: true } } as const;

export interface ScriptRecord {
  id: string;
  name: string;
  autoAdvance: boolean;
  /** Unvalidated JSON; the service parses it with the content schema. */
  phases: unknown;
}

/** A phase event as stored: a clock change, whose payload may say more than clients are sent (an automatic end). */
export type PhaseEventRecord = Omit<ClockChange, 'payload'> & { payload: Prisma.InputJsonObject };

export interface ClockRecord {
  interviewId: string;
  clock: RoomClock;
  script: ScriptRecord | null;
}

export interface RoomRecord extends ClockRecord {
  title: string;
  question: { id: string; title: string; prompt: string; content: unknown } | null;
}

const withAuthorName = { author: { select: { name: true } } } as const;
export type NoteRow = Prisma.NoteGetPayload<{ include: typeof withAuthorName }>;
export type ChatRow = Prisma.ChatMessageGetPayload<{ include: typeof withAuthorName }>;
export type RevealedHintRow = Prisma.RevealedHintGetPayload<object>;
export type RequirementRow = Prisma.RequirementItemGetPayload<object>;

function toClock(row: ClockColumns): RoomClock {
  return {
    status: row.status,
    phaseIndex: row.phaseIndex,
    phaseStartedAt: row.phaseStartedAt?.getTime() ?? null,
    pausedAt: row.pausedAt?.getTime() ?? null,
    pausedMs: row.pausedMs,
    extensionMs: row.extensionMs,
    startedAt: row.startedAt?.getTime() ?? null,
    endedAt: row.endedAt?.getTime() ?? null,
    version: row.clockVersion,
  };
}

/** The interview room's storage: clock, phase events, hints, notes, chat, checklist. */
@Injectable()
export class RoomsRepository {
  constructor(private readonly prisma: PrismaService) {}

  async findRoom(interviewId: string): Promise<RoomRecord | null> {
    const row = await this.prisma.interview.findUnique({
      where: { id: interviewId },
      select: {
        id: true,
        title: true,
        ...clockColumns,
        question: { select: { id: true, title: true, prompt: true, content: true } },
        script: scriptColumns,
      },
    });
    return row ? { interviewId: row.id, title: row.title, clock: toClock(row), question: row.question, script: row.script } : null;
  }

  async findClock(interviewId: string): Promise<ClockRecord | null> {
    const row = await this.prisma.interview.findUnique({ where: { id: interviewId }, select: { id: true, ...clockColumns, script: scriptColumns } });
    return row ? { interviewId: row.id, clock: toClock(row), script: row.script } : null;
  }

  /**
   * A clock change and its PhaseEvent in one transaction: `saveClock` (the interview's owner) stores
   * the clock on the interview row in it and gives false when another change won, and then no event
   * is written. Without `change` only the clock is stored.
   */
  saveClock(interviewId: string, clockVersion: number, change: PhaseEventRecord | null, saveClock: (tx: Transaction) => Promise<boolean>): Promise<boolean> {
    return this.prisma.$transaction(async (tx) => {
      if (!(await saveClock(tx))) return false;
      if (!change) return true;
      await tx.phaseEvent.create({
        data: {
          interviewId,
          kind: change.kind,
          phaseIndex: change.phaseIndex,
          clockVersion,
          at: new Date(change.at),
          byUserId: change.byUserId,
          payload: change.payload,
        },
      });
      return true;
    });
  }

  /** The clock of a session still scheduled or live for the start it was scheduled for, not cancelled. */
  async findClockOfScheduled(interviewId: string, scheduledAt: Date): Promise<RoomClock | null> {
    const row = await this.prisma.interview.findFirst({
      where: { id: interviewId, status: { in: ['scheduled', 'live'] }, cancelledAt: null, scheduledAt },
      select: clockColumns,
    });
    return row ? toClock(row) : null;
  }

  /** Live, running interviews whose script advances by itself: the ones that need a job. */
  async autoAdvancingClocks(): Promise<ClockRecord[]> {
    const rows = await this.prisma.interview.findMany({
      where: { status: 'live', pausedAt: null, script: { autoAdvance: true } },
      select: { id: true, ...clockColumns, script: scriptColumns },
    });
    return rows.map((row) => ({ interviewId: row.id, clock: toClock(row), script: row.script }));
  }

  async openVisit(interviewId: string, userId: string, at: Date): Promise<string> {
    const row = await this.prisma.roomVisit.create({ data: { interviewId, userId, joinedAt: at }, select: { id: true } });
    return row.id.toString();
  }

  async closeVisit(visitId: string, at: Date): Promise<void> {
    await this.prisma.roomVisit.updateMany({ where: { id: BigInt(visitId), leftAt: null }, data: { leftAt: at } });
  }

  revealedHints(interviewId: string): Promise<RevealedHintRow[]> {
    return this.prisma.revealedHint.findMany({ where: { interviewId }, orderBy: { revealedAt: 'asc' } });
  }

  /** `created` is false when the hint had been revealed already (the first reveal stands). */
  async revealHint(data: {
    interviewId: string;
    hintIndex: number;
    phase: string;
    text: string;
    phaseIndex: number | null;
    at: Date;
    byUserId: string;
  }): Promise<{ row: RevealedHintRow; created: boolean }> {
    try {
      const { at, byUserId, ...hint } = data;
      const row = await this.prisma.revealedHint.create({ data: { ...hint, revealedAt: at, revealedById: byUserId } });
      return { row, created: true };
    } catch (error) {
      if (!(error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002')) throw error;
      const row = await this.prisma.revealedHint.findUniqueOrThrow({ where: { interviewId_hintIndex: { interviewId: data.interviewId, hintIndex: data.hintIndex } } });
      return { row, created: false };
    }
  }

  notes(interviewId: string): Promise<NoteRow[]> {
    return this.prisma.note.findMany({ where: { interviewId }, include: withAuthorName, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
  }

  findNote(interviewId: string, noteId: string): Promise<NoteRow | null> {
    return this.prisma.note.findFirst({ where: { id: noteId, interviewId }, include: withAuthorName });
  }

  createNote(data: { interviewId: string; authorId: string; body: string; sessionMs: number | null; phaseIndex: number | null; at: Date }): Promise<NoteRow> {
    const { at, ...rest } = data;
    return this.prisma.note.create({ data: { ...rest, createdAt: at, updatedAt: at }, include: withAuthorName });
  }

  /** Only the author's own note changes; null when there is no such note of theirs. */
  async updateNote(interviewId: string, noteId: string, authorId: string, body: string, at: Date): Promise<NoteRow | null> {
    const { count } = await this.prisma.note.updateMany({ where: { id: noteId, interviewId, authorId }, data: { body, updatedAt: at } });
    return count === 0 ? null : this.findNote(interviewId, noteId);
  }

  async deleteNote(interviewId: string, noteId: string, authorId: string): Promise<boolean> {
    const { count } = await this.prisma.note.deleteMany({ where: { id: noteId, interviewId, authorId } });
    return count > 0;
  }

  /** The newest `limit` messages, oldest first. */
  async recentChat(interviewId: string, limit: number): Promise<ChatRow[]> {
    const rows = await this.prisma.chatMessage.findMany({
      where: { interviewId },
      include: withAuthorName,
      orderBy: [{ sentAt: 'desc' }, { id: 'desc' }],
      take: limit,
    });
    return rows.reverse();
  }

  createChat(data: { interviewId: string; authorId: string; body: string; at: Date }): Promise<ChatRow> {
    return this.prisma.chatMessage.create({
      data: { interviewId: data.interviewId, authorId: data.authorId, body: data.body, sentAt: data.at },
      include: withAuthorName,
    });
  }

  requirements(interviewId: string): Promise<RequirementRow[]> {
    return this.prisma.requirementItem.findMany({ where: { interviewId }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
  }

  /** Null when the checklist is full. */
  addRequirement(data: { interviewId: string; kind: RequirementKind; text: string; byUserId: string; at: Date; maxItems: number }): Promise<RequirementRow | null> {
    return this.prisma.$transaction(async (tx) => {
      // Serialises adds to one checklist so the limit holds under concurrent adds.
      await tx.$queryRaw`SELECT id FROM interviews WHERE id = ${data.interviewId}::uuid FOR UPDATE`;
      const count = await tx.requirementItem.count({ where: { interviewId: data.interviewId } });
      if (count >= data.maxItems) return null;
      return tx.requirementItem.create({
        data: { interviewId: data.interviewId, kind: data.kind, text: data.text, updatedById: data.byUserId, createdAt: data.at, updatedAt: data.at },
      });
    });
  }

  async updateRequirement(interviewId: string, itemId: string, change: { text?: string; checked?: boolean; byUserId: string; at: Date }): Promise<RequirementRow | null> {
    const { count } = await this.prisma.requirementItem.updateMany({
      where: { id: itemId, interviewId },
      data: { text: change.text, checked: change.checked, updatedById: change.byUserId, updatedAt: change.at },
    });
    return count === 0 ? null : this.prisma.requirementItem.findUnique({ where: { id: itemId } });
  }

  async removeRequirement(interviewId: string, itemId: string): Promise<boolean> {
    const { count } = await this.prisma.requirementItem.deleteMany({ where: { id: itemId, interviewId } });
    return count > 0;
  }
}
