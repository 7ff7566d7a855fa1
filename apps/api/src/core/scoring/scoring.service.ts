import { Injectable } from '@nestjs/common';
import {
  PEER_FEEDBACK_EDIT_WINDOW_MS,
  saveScorecardRequestSchema,
  type Evidence,
  type FieldIssue,
  type ParticipantRole,
  type PeerFeedback,
  type PeerFeedbackList,
  type PhaseEventKind,
  type Progress,
  type Recommendation,
  type SavePeerFeedbackRequest,
  type Scorecard,
  type ScorecardEventList,
} from '@pairboard/contracts';
import { frameworkPhaseSchema } from '@pairboard/interview-content';
import { averagePhaseTimes, summariseScores, UNRATED_PEER } from '@pairboard/interview-domain';
import { z } from 'zod';
import { AppError } from '../../base/errors';
import { ContentService } from '../content';
import { DomainEvent, DomainEvents } from '../events';
import { InterviewsService } from '../interviews';
import { assertScoringAccess } from './scoring-access';
import { InterviewFacts, PeerFeedbackRow, ScorecardRow, ScoringRepository } from './scoring.repository';

type SaveScorecard = z.output<typeof saveScorecardRequestSchema>;
type StoredEvidence = Record<string, { noteIds: string[]; text: string; sharedText: Record<string, string> }>;

const storedScores = z.record(z.string(), z.number().int().min(1).max(4));
// Scorecards saved before the shared wording existed have none: their quotes read as the note does.
const storedEvidence = z.record(
  z.string(),
  z.object({ noteIds: z.array(z.string()), text: z.string(), sharedText: z.record(z.string(), z.string()).optional() }),
);
const storedPhases = z.array(frameworkPhaseSchema);

@Injectable()
export class ScoringService {
  constructor(
    private readonly scoring: ScoringRepository,
    private readonly interviews: InterviewsService,
    private readonly content: ContentService,
    private readonly events: DomainEvents,
  ) {}

  /**
   * Interviewers get the scorecard (an empty draft before the first save); the candidate gets it only
   * once submitted, and their first look marks it seen, which ends the interviewers' chance to reopen.
   */
  async getScorecard(interviewId: string, userId: string): Promise<Scorecard> {
    const { role, facts } = await this.participation(interviewId, userId);
    let row = await this.scoring.findScorecard(interviewId);
    assertScoringAccess('scorecard.read', role, { scorecardSubmitted: row?.status === 'submitted' });
    if (role === 'candidate' && row && row.candidateSeenAt === null) {
      await this.scoring.markSeen(row.id, userId, new Date());
      // Re-read: an interviewer may have reopened it just before, and then it is hidden again.
      row = await this.scoring.findScorecard(interviewId);
      assertScoringAccess('scorecard.read', role, { scorecardSubmitted: row?.status === 'submitted' });
    }
    return this.toView(interviewId, row, facts, role);
  }

  async saveScorecard(interviewId: string, userId: string, request: SaveScorecard): Promise<Scorecard> {
    const { role, facts } = await this.participation(interviewId, userId);
    assertScoringAccess('scorecard.write', role, { scorecardSubmitted: false });
    const rubric = await this.content.defaultRubric();
    const known = new Set(rubric.dimensions.map((dimension) => dimension.key));
    const evidence = request.evidence ?? {};
    const issues: FieldIssue[] = [
      ...Object.keys(request.scores).filter((key) => !known.has(key)).map((key) => ({ path: `scores.${key}`, message: 'Not a dimension of the rubric' })),
      ...Object.keys(evidence).filter((key) => !known.has(key)).map((key) => ({ path: `evidence.${key}`, message: 'Not a dimension of the rubric' })),
    ];
    const noteIds = [...new Set(Object.values(evidence).flatMap((entry) => entry.noteIds))];
    const notes = new Map((await this.scoring.notesOf(interviewId, noteIds)).map((note) => [note.id, note.body]));
    for (const [key, entry] of Object.entries(evidence)) {
      entry.noteIds.forEach((noteId, index) => {
        if (!notes.has(noteId)) issues.push({ path: `evidence.${key}.noteIds.${index}`, message: 'No such note in this interview' });
      });
    }
    if (issues.length > 0) throw new AppError('VALIDATION_FAILED', undefined, issues);
    const stored: StoredEvidence = Object.fromEntries(
      Object.entries(evidence).map(([key, entry]) => {
        const picked = [...new Set(entry.noteIds)];
        // The wording is fixed here, so a later edit of the private note never reaches the candidate.
        const sharedText = Object.fromEntries(picked.map((noteId) => [noteId, entry.sharedText[noteId] ?? notes.get(noteId) ?? '']));
        return [key, { noteIds: picked, text: entry.text, sharedText }];
      }),
    );

    const saved = await this.scoring.saveDraft({
      interviewId,
      candidateId: candidateOf(facts)?.userId ?? null,
      rubricId: rubric.id,
      scores: request.scores,
      evidence: stored,
      recommendation: request.recommendation ?? null,
      feedback: request.feedback ?? '',
      byUserId: userId,
      at: new Date(),
    });
    if (!saved) throw new AppError('CONFLICT', 'The scorecard is submitted; reopen it to change it.');
    return this.toView(interviewId, await this.scoring.findScorecard(interviewId), facts, role);
  }

  /** Locks the scorecard. Every dimension needs a score and a recommendation must be chosen. */
  async submitScorecard(interviewId: string, userId: string): Promise<Scorecard> {
    const { role, facts } = await this.participation(interviewId, userId);
    assertScoringAccess('scorecard.write', role, { scorecardSubmitted: false });
    const row = await this.scoring.findScorecard(interviewId);
    if (row?.status === 'submitted') throw new AppError('CONFLICT', 'The scorecard is already submitted.');
    const rubric = await this.content.defaultRubric();
    const scores = row ? storedScores.parse(row.scores) : {};
    const issues: FieldIssue[] = rubric.dimensions
      .filter((dimension) => scores[dimension.key] === undefined)
      .map((dimension) => ({ path: `scores.${dimension.key}`, message: `Score “${dimension.name}” before submitting` }));
    if (!row?.recommendation) issues.push({ path: 'recommendation', message: 'Choose a recommendation before submitting' });
    if (!row || issues.length > 0) throw new AppError('VALIDATION_FAILED', 'The scorecard is not complete.', issues);
    const submittedAt = new Date();
    if (!(await this.scoring.submit(row.id, userId, submittedAt))) throw new AppError('CONFLICT', 'The scorecard is already submitted.');
    await this.events.emit(DomainEvent.scorecardSubmitted, { interviewId, candidateId: row.candidateId, byUserId: userId, submittedAt });
    return this.toView(interviewId, await this.scoring.findScorecard(interviewId), facts, role);
  }

  /** Back to draft, recorded in the audit trail; impossible once the candidate has seen it. */
  async reopenScorecard(interviewId: string, userId: string): Promise<Scorecard> {
    const { role, facts } = await this.participation(interviewId, userId);
    assertScoringAccess('scorecard.write', role, { scorecardSubmitted: false });
    const row = await this.scoring.findScorecard(interviewId);
    if (!row || row.status !== 'submitted') throw new AppError('CONFLICT', 'Only a submitted scorecard can be reopened.');
    if (!(await this.scoring.reopen(row.id, userId, new Date()))) {
      throw new AppError('CONFLICT', 'The candidate has already seen the scorecard; it can no longer be reopened.');
    }
    return this.toView(interviewId, await this.scoring.findScorecard(interviewId), facts, role);
  }

  /** The audit trail, oldest first (interviewers only). */
  async scorecardEvents(interviewId: string, userId: string): Promise<ScorecardEventList> {
    const { role } = await this.participation(interviewId, userId);
    assertScoringAccess('scorecard.write', role, { scorecardSubmitted: false });
    const events = await this.scoring.scorecardEvents(interviewId);
    return { items: events.map((event) => ({ kind: event.kind, userId: event.userId, at: event.at.toISOString() })) };
  }

  async getFeedback(interviewId: string, userId: string): Promise<PeerFeedbackList> {
    const { role, facts } = await this.participation(interviewId, userId);
    assertScoringAccess('feedback.read', role, { scorecardSubmitted: false });
    if (role === 'candidate') {
      const rows = await this.scoring.feedbackFor(interviewId, { fromUserId: userId });
      return { items: rows.map(toFeedbackView), rateable: interviewersOf(facts) };
    }
    const rows = await this.scoring.feedbackFor(interviewId, { toUserId: userId });
    return { items: rows.map(toFeedbackView), rateable: [] };
  }

  /** The candidate rates an interviewer once the interview has started; changes are allowed for a day. */
  async saveFeedback(interviewId: string, userId: string, request: SavePeerFeedbackRequest): Promise<PeerFeedback> {
    const { role, facts } = await this.participation(interviewId, userId);
    assertScoringAccess('feedback.write', role, { scorecardSubmitted: false });
    if (!facts.startedAt) throw new AppError('CONFLICT', 'The interviewer can be rated once the interview has started.');
    const interviewers = interviewersOf(facts);
    const target = request.interviewerId
      ? interviewers.find((interviewer) => interviewer.userId === request.interviewerId)
      : interviewers.length === 1
        ? interviewers[0]
        : undefined;
    if (!target) {
      const message = request.interviewerId ? 'Not an interviewer of this interview' : 'Name the interviewer you are rating';
      throw new AppError('VALIDATION_FAILED', undefined, [{ path: 'interviewerId', message }]);
    }
    const existing = await this.scoring.findFeedback(interviewId, userId, target.userId);
    if (existing && Date.now() > existing.createdAt.getTime() + PEER_FEEDBACK_EDIT_WINDOW_MS) {
      throw new AppError('CONFLICT', 'This rating can no longer be changed.');
    }
    const row = await this.scoring.upsertFeedback({
      interviewId,
      fromUserId: userId,
      toUserId: target.userId,
      preparedness: request.preparedness,
      hintClarity: request.hintClarity,
      helpfulness: request.helpfulness,
      comment: request.comment ?? '',
    });
    return toFeedbackView(row);
  }

  /**
   * How candidates rated this person as an interviewer: the mean of all aspects of all ratings (1–5),
   * null without ratings. For the matchmaker's preference for well-rated peers.
   */
  peerRating(userId: string): Promise<{ average: number | null; count: number }> {
    return this.scoring.ratingOf(userId);
  }

  /**
   * Peer ratings as the matchmaker weighs them, in [0, 1]: the 1–5 average mapped onto [0, 1] and
   * pulled towards the newcomer's value by two imaginary ratings, so one harsh rating does not sink
   * anyone. People nobody rated yet are left out (the matchmaker gives them the newcomer's value).
   */
  async peerRatings(userIds: readonly string[]): Promise<Map<string, number>> {
    const ratings = await this.scoring.ratingsOf(userIds);
    const weighed = new Map<string, number>();
    for (const [userId, { average, count }] of ratings) {
      weighed.set(userId, (((average - 1) / 4) * count + 2 * UNRATED_PEER) / (count + 2));
    }
    return weighed;
  }

  async progress(userId: string): Promise<Progress> {
    const [rubric, history] = await Promise.all([this.content.defaultRubric(), this.scoring.candidateHistory(userId)]);
    const scored = history
      .filter((row) => row.scorecard?.submittedAt)
      .map((row) => ({
        interviewId: row.id,
        title: row.title,
        at: (row.endedAt ?? (row.scorecard?.submittedAt as Date)).toISOString(),
        scores: storedScores.parse(row.scorecard?.scores),
        recommendation: row.scorecard?.recommendation ?? null,
      }))
      .sort((a, b) => a.at.localeCompare(b.at));
    const ended = history.filter((row) => row.status === 'ended');
    const phases = averagePhaseTimes(
      ended.flatMap((row) => {
        const parsed = storedPhases.safeParse(row.scriptPhases);
        if (!parsed.success) return [];
        return [{ phases: parsed.data, events: row.phaseEvents.map((event) => ({ kind: event.kind as PhaseEventKind, phaseIndex: event.phaseIndex, at: event.at.getTime() })) }];
      }),
    );
    return {
      sessionsDone: ended.length,
      dimensions: rubric.dimensions.map((dimension) => ({
        key: dimension.key,
        name: dimension.name,
        ...summariseScores(scored.flatMap((card) => (card.scores[dimension.key] === undefined ? [] : [card.scores[dimension.key]]))),
      })),
      scorecards: scored,
      phases,
    };
  }

  private async participation(interviewId: string, userId: string): Promise<{ role: ParticipantRole | null; facts: InterviewFacts }> {
    const access = await this.interviews.accessFor(interviewId, userId);
    const facts = access.exists ? await this.scoring.interviewFacts(interviewId) : null;
    // Outsiders learn nothing, not even whether the interview exists.
    if (!facts || access.role === null) throw new AppError('NOT_FOUND', 'No such interview.');
    return { role: access.role, facts };
  }

  private async toView(interviewId: string, row: ScorecardRow | null, facts: InterviewFacts, role: ParticipantRole | null): Promise<Scorecard> {
    const candidate = candidateOf(facts);
    const evidence = row ? storedEvidence.parse(row.evidence) : {};
    const notes = new Map(
      (await this.scoring.notesOf(interviewId, [...new Set(Object.values(evidence).flatMap((entry) => entry.noteIds))])).map((note) => [note.id, note]),
    );
    const evidenceView: Record<string, Evidence> = {};
    for (const [key, entry] of Object.entries(evidence)) {
      evidenceView[key] = {
        noteIds: entry.noteIds,
        text: entry.text,
        // A note deleted after it was attached simply drops out of the quotes.
        quotes: entry.noteIds.flatMap((noteId) => {
          const note = notes.get(noteId);
          return note ? [{ noteId, text: entry.sharedText?.[noteId] ?? note.body, sessionMs: note.sessionMs, phaseIndex: note.phaseIndex }] : [];
        }),
      };
    }
    return {
      interviewId,
      status: row?.status ?? 'draft',
      scores: row ? storedScores.parse(row.scores) : {},
      recommendation: (row?.recommendation as Recommendation | null | undefined) ?? null,
      feedback: row?.feedback ?? '',
      evidence: evidenceView,
      submittedAt: row?.submittedAt?.toISOString() ?? null,
      updatedAt: row?.updatedAt.toISOString() ?? null,
      candidateSeenAt: row?.candidateSeenAt?.toISOString() ?? null,
      canReopen: role === 'interviewer' && row?.status === 'submitted' && row.candidateSeenAt === null,
      candidate: { userId: candidate?.userId ?? null, name: candidate?.name ?? null },
    };
  }
}

function candidateOf(facts: InterviewFacts) {
  return facts.participants.find((participant) => participant.role === 'candidate');
}

function interviewersOf(facts: InterviewFacts): { userId: string; name: string }[] {
  return facts.participants.flatMap((participant) =>
    participant.role === 'interviewer' && participant.userId ? [{ userId: participant.userId, name: participant.name ?? '' }] : [],
  );
}

function toFeedbackView(row: PeerFeedbackRow): PeerFeedback {
  return {
    id: row.id,
    interviewId: row.interviewId,
    from: { userId: row.fromUserId, name: row.from.name },
    to: { userId: row.toUserId, name: row.to.name },
    preparedness: row.preparedness,
    hintClarity: row.hintClarity,
    helpfulness: row.helpfulness,
    comment: row.comment,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    editableUntil: new Date(row.createdAt.getTime() + PEER_FEEDBACK_EDIT_WINDOW_MS).toISOString(),
  };
}
