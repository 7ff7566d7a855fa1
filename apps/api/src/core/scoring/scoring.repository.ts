import { Injectable } from '@nestjs/common';
import type { Recommendation, ScorecardEventKind } from '@pairboard/contracts';
import { Prisma, PrismaService } from '../../base/prisma';

export type ScorecardRow = Prisma.ScorecardGetPayload<object>;
export type ScorecardEventRow = Prisma.ScorecardEventGetPayload<object>;

const feedbackPeople = { from: { select: { name: true } }, to: { select: { name: true } } } as const;
export type PeerFeedbackRow = Prisma.PeerFeedbackGetPayload<{ include: typeof feedbackPeople }>;

export interface InterviewFacts {
  id: string;
  status: string;
  startedAt: Date | null;
  participants: { userId: string | null; role: 'interviewer' | 'candidate' | 'observer'; name: string | null }[];
}

export interface DraftInput {
  interviewId: string;
  candidateId: string | null;
  rubricId: string;
  scores: Record<string, number>;
  evidence: Record<string, { noteIds: string[]; text: string; sharedText: Record<string, string> }>;
  recommendation: Recommendation | null;
  feedback: string;
  byUserId: string;
  at: Date;
}

/** Autosave writes often; saves by the same person within this window extend one audit row. */
const SAVE_COALESCE_MS = 60_000;

export interface CandidateHistoryRow {
  id: string;
  title: string;
  status: string;
  endedAt: Date | null;
  scriptPhases: unknown;
  phaseEvents: { kind: string; phaseIndex: number; at: Date }[];
  scorecard: { scores: unknown; recommendation: Recommendation | null; submittedAt: Date | null } | null;
}

/** Scorecards, their audit trail and peer feedback: the only code of this capability that touches Prisma. */
@Injectable()
export class ScoringRepository {
  constructor(private readonly prisma: PrismaService) {}

  async interviewFacts(interviewId: string): Promise<InterviewFacts | null> {
    const row = await this.prisma.interview.findUnique({
      where: { id: interviewId },
      select: {
        id: true,
        status: true,
        startedAt: true,
        participants: { select: { userId: true, role: true, user: { select: { name: true } } }, orderBy: { createdAt: 'asc' } },
      },
    });
    if (!row) return null;
    return {
      id: row.id,
      status: row.status,
      startedAt: row.startedAt,
      participants: row.participants.map((participant) => ({ userId: participant.userId, role: participant.role, name: participant.user?.name ?? null })),
    };
  }

  findScorecard(interviewId: string): Promise<ScorecardRow | null> {
    return this.prisma.scorecard.findUnique({ where: { interviewId } });
  }

  scorecardEvents(interviewId: string): Promise<ScorecardEventRow[]> {
    return this.prisma.scorecardEvent.findMany({ where: { scorecard: { interviewId } }, orderBy: { id: 'asc' } });
  }

  notesOf(interviewId: string, noteIds: string[]) {
    if (noteIds.length === 0) return Promise.resolve([]);
    return this.prisma.note.findMany({
      where: { interviewId, id: { in: noteIds } },
      select: { id: true, body: true, sessionMs: true, phaseIndex: true },
    });
  }

  /** Creates or replaces the draft. Returns false when the scorecard is submitted (nothing written). */
  async saveDraft(input: DraftInput): Promise<boolean> {
    const data = {
      rubricId: input.rubricId,
      scores: input.scores,
      evidence: input.evidence,
      recommendation: input.recommendation,
      feedback: input.feedback,
    };
    try {
      return await this.prisma.$transaction(async (tx) => {
        const existing = await tx.scorecard.findUnique({ where: { interviewId: input.interviewId }, select: { id: true } });
        if (!existing) {
          const created = await tx.scorecard.create({ data: { ...data, interviewId: input.interviewId, candidateId: input.candidateId } });
          await tx.scorecardEvent.create({ data: { scorecardId: created.id, kind: 'created', userId: input.byUserId, at: input.at } });
          return true;
        }
        // Conditional on the status, so a save racing a submit cannot change a submitted scorecard.
        const { count } = await tx.scorecard.updateMany({ where: { id: existing.id, status: 'draft' }, data });
        if (count === 0) return false;
        await this.recordSave(tx, existing.id, input.byUserId, input.at);
        return true;
      });
    } catch (error) {
      // Two first saves at once: the loser saves again over the row the winner created.
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') return this.saveDraft(input);
      throw error;
    }
  }

  private async recordSave(tx: Prisma.TransactionClient, scorecardId: string, userId: string, at: Date): Promise<void> {
    const last = await tx.scorecardEvent.findFirst({ where: { scorecardId }, orderBy: { id: 'desc' } });
    if (last && last.kind === 'saved' && last.userId === userId && at.getTime() - last.at.getTime() < SAVE_COALESCE_MS) {
      await tx.scorecardEvent.update({ where: { id: last.id }, data: { at } });
      return;
    }
    await tx.scorecardEvent.create({ data: { scorecardId, kind: 'saved', userId, at } });
  }

  /** Draft → submitted. False when it was not a draft any more. */
  submit(scorecardId: string, byUserId: string, at: Date): Promise<boolean> {
    return this.transition(scorecardId, { status: 'draft' }, { status: 'submitted', submittedAt: at }, 'submitted', byUserId, at);
  }

  /** Submitted → draft, only while the candidate has not seen it. */
  reopen(scorecardId: string, byUserId: string, at: Date): Promise<boolean> {
    return this.transition(
      scorecardId,
      { status: 'submitted', candidateSeenAt: null },
      { status: 'draft', submittedAt: null },
      'reopened',
      byUserId,
      at,
    );
  }

  /** The candidate's first look at the submitted scorecard; later looks change nothing. */
  markSeen(scorecardId: string, byUserId: string, at: Date): Promise<boolean> {
    return this.transition(scorecardId, { status: 'submitted', candidateSeenAt: null }, { candidateSeenAt: at }, 'seen', byUserId, at);
  }

  private transition(
    scorecardId: string,
    expected: Prisma.ScorecardWhereInput,
    change: Prisma.ScorecardUpdateManyMutationInput,
    kind: ScorecardEventKind,
    userId: string,
    at: Date,
  ): Promise<boolean> {
    return this.prisma.$transaction(async (tx) => {
      const { count } = await tx.scorecard.updateMany({ where: { id: scorecardId, ...expected }, data: change });
      if (count === 0) return false;
      await tx.scorecardEvent.create({ data: { scorecardId, kind, userId, at } });
      return true;
    });
  }

  findFeedback(interviewId: string, fromUserId: string, toUserId: string): Promise<PeerFeedbackRow | null> {
    return this.prisma.peerFeedback.findUnique({
      where: { interviewId_fromUserId_toUserId: { interviewId, fromUserId, toUserId } },
      include: feedbackPeople,
    });
  }

  feedbackFor(interviewId: string, filter: { fromUserId?: string; toUserId?: string }): Promise<PeerFeedbackRow[]> {
    return this.prisma.peerFeedback.findMany({ where: { interviewId, ...filter }, include: feedbackPeople, orderBy: { createdAt: 'asc' } });
  }

  upsertFeedback(input: {
    interviewId: string;
    fromUserId: string;
    toUserId: string;
    preparedness: number;
    hintClarity: number;
    helpfulness: number;
    comment: string;
  }): Promise<PeerFeedbackRow> {
    const { interviewId, fromUserId, toUserId, ...ratings } = input;
    return this.prisma.peerFeedback.upsert({
      where: { interviewId_fromUserId_toUserId: { interviewId, fromUserId, toUserId } },
      create: input,
      update: ratings,
      include: feedbackPeople,
    });
  }

  /** Average of every aspect of every rating the person received, and how many ratings. */
  async ratingOf(userId: string): Promise<{ average: number | null; count: number }> {
    const result = await this.prisma.peerFeedback.aggregate({
      where: { toUserId: userId },
      _avg: { preparedness: true, hintClarity: true, helpfulness: true },
      _count: { _all: true },
    });
    const count = result._count._all;
    if (count === 0) return { average: null, count };
    const { preparedness, hintClarity, helpfulness } = result._avg;
    return { average: ((preparedness ?? 0) + (hintClarity ?? 0) + (helpfulness ?? 0)) / 3, count };
  }

  /** Average of the three ratings and their count, per rated interviewer, for many people at once. */
  async ratingsOf(userIds: readonly string[]): Promise<Map<string, { average: number; count: number }>> {
    const result = new Map<string, { average: number; count: number }>();
    if (userIds.length === 0) return result;
    const rows = await this.prisma.peerFeedback.groupBy({
      by: ['toUserId'],
      where: { toUserId: { in: [...userIds] } },
      _avg: { preparedness: true, hintClarity: true, helpfulness: true },
      _count: { _all: true },
    });
    for (const row of rows) {
      const { preparedness, hintClarity, helpfulness } = row._avg;
      result.set(row.toUserId, { average: ((preparedness ?? 0) + (hintClarity ?? 0) + (helpfulness ?? 0)) / 3, count: row._count._all });
    }
    return result;
  }

  /** Interviews in which the person was the candidate and that ended or have a submitted scorecard. */
  async candidateHistory(userId: string): Promise<CandidateHistoryRow[]> {
    const rows = await this.prisma.interview.findMany({
      where: {
        participants: { some: { userId, role: 'candidate' } },
        OR: [{ status: 'ended' }, { scorecard: { status: 'submitted' } }],
      },
      select: {
        id: true,
        title: true,
        status: true,
        endedAt: true,
        script: { select: { phases: true } },
        phaseEvents: { select: { kind: true, phaseIndex: true, at: true }, orderBy: { clockVersion: 'asc' } },
        scorecard: { select: { status: true, scores: true, recommendation: true, submittedAt: true } },
      },
      orderBy: [{ endedAt: 'asc' }, { createdAt: 'asc' }],
    });
    return rows.map((row) => ({
      id: row.id,
      title: row.title,
      status: row.status,
      endedAt: row.endedAt,
      scriptPhases: row.script?.phases ?? null,
      phaseEvents: row.phaseEvents,
      scorecard: row.scorecard?.status === 'submitted' ? row.scorecard : null,
    }));
  }
}
