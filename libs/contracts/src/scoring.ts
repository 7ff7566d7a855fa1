import { z } from 'zod';
import { NOTE_MAX_LENGTH } from './rooms';

/** Scorecards, the candidate's feedback on the interviewer, and the candidate's progress. */

export const RECOMMENDATIONS = ['strong_no', 'no', 'yes', 'strong_yes'] as const;
export type Recommendation = (typeof RECOMMENDATIONS)[number];

export const SCORECARD_STATUSES = ['draft', 'submitted'] as const;
export type ScorecardStatus = (typeof SCORECARD_STATUSES)[number];

export const SCORECARD_EVENT_KINDS = ['created', 'saved', 'submitted', 'reopened', 'seen'] as const;
export type ScorecardEventKind = (typeof SCORECARD_EVENT_KINDS)[number];

export const MAX_SCORECARD_FEEDBACK = 5000;
export const MAX_EVIDENCE_TEXT = 2000;
export const MAX_EVIDENCE_NOTES = 20;
/** Rubric dimension keys are short slugs; anything longer cannot be one. */
const dimensionKey = z.string().min(1).max(60);

export const dimensionScoreSchema = z.number().int().min(1).max(4);

export const evidenceInputSchema = z.object({
  noteIds: z.array(z.string().uuid()).max(MAX_EVIDENCE_NOTES).default([]),
  /**
   * What the candidate reads for each picked note, by note id: the note quoted or paraphrased, as the
   * interviewer previewed it. Notes are private, so this wording is kept as written and never follows
   * later edits of the note; an empty wording shows nothing. A picked note without one is quoted as
   * it reads at this save.
   */
  sharedText: z.record(z.string().uuid(), z.string().max(NOTE_MAX_LENGTH)).default({}),
  text: z.string().max(MAX_EVIDENCE_TEXT).default(''),
});

/** `PUT /api/interviews/:id/scorecard`: the whole draft, replaced on every save (retries are harmless). */
export const saveScorecardRequestSchema = z
  .object({
    scores: z.record(dimensionKey, dimensionScoreSchema),
    recommendation: z.enum(RECOMMENDATIONS).nullable().optional(),
    feedback: z.string().max(MAX_SCORECARD_FEEDBACK).optional(),
    evidence: z.record(dimensionKey, evidenceInputSchema).optional(),
  })
  .strict();
export type SaveScorecardRequest = z.input<typeof saveScorecardRequestSchema>;

/** A note attached as evidence: its stamp, and the wording the interviewer chose to share (`text`). */
export const evidenceQuoteSchema = z.object({
  noteId: z.string(),
  text: z.string(),
  sessionMs: z.number().int().nullable(),
  phaseIndex: z.number().int().nullable(),
});
export type EvidenceQuote = z.infer<typeof evidenceQuoteSchema>;

export const evidenceSchema = z.object({
  noteIds: z.array(z.string()),
  text: z.string(),
  quotes: z.array(evidenceQuoteSchema),
});
export type Evidence = z.infer<typeof evidenceSchema>;

export const scorecardSchema = z.object({
  interviewId: z.string(),
  status: z.enum(SCORECARD_STATUSES),
  scores: z.record(z.string(), dimensionScoreSchema),
  recommendation: z.enum(RECOMMENDATIONS).nullable(),
  feedback: z.string(),
  evidence: z.record(z.string(), evidenceSchema),
  submittedAt: z.string().nullable(),
  updatedAt: z.string().nullable(),
  /** When the candidate first opened the submitted scorecard; from then on it cannot be reopened. */
  candidateSeenAt: z.string().nullable(),
  /** For interviewers: whether "Reopen" is still allowed. Always false for the candidate. */
  canReopen: z.boolean(),
  candidate: z.object({ userId: z.string().nullable(), name: z.string().nullable() }),
});
export type Scorecard = z.infer<typeof scorecardSchema>;

/** `GET /api/interviews/:id/scorecard/events`: the audit trail, oldest first (interviewers only). */
export const scorecardEventListSchema = z.object({
  items: z.array(z.object({ kind: z.enum(SCORECARD_EVENT_KINDS), userId: z.string().nullable(), at: z.string() })),
});
export type ScorecardEventList = z.infer<typeof scorecardEventListSchema>;

export const PEER_RATING_ASPECTS = ['preparedness', 'hintClarity', 'helpfulness'] as const;
export type PeerRatingAspect = (typeof PEER_RATING_ASPECTS)[number];
export const MAX_PEER_COMMENT = 2000;
/** How long the candidate may change a rating after first giving it. */
export const PEER_FEEDBACK_EDIT_WINDOW_MS = 24 * 60 * 60 * 1000;

const rating = z.number().int().min(1).max(5);

/** `PUT /api/interviews/:id/feedback`: the candidate rates an interviewer (the only one, unless named). */
export const savePeerFeedbackRequestSchema = z
  .object({
    interviewerId: z.string().uuid().optional(),
    preparedness: rating,
    hintClarity: rating,
    helpfulness: rating,
    comment: z.string().trim().max(MAX_PEER_COMMENT).optional(),
  })
  .strict();
export type SavePeerFeedbackRequest = z.infer<typeof savePeerFeedbackRequestSchema>;

export const peerFeedbackSchema = z.object({
  id: z.string(),
  interviewId: z.string(),
  from: z.object({ userId: z.string(), name: z.string() }),
  to: z.object({ userId: z.string(), name: z.string() }),
  preparedness: rating,
  hintClarity: rating,
  helpfulness: rating,
  comment: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Until then the candidate may change it. */
  editableUntil: z.string(),
});
export type PeerFeedback = z.infer<typeof peerFeedbackSchema>;

/** `GET /api/interviews/:id/feedback`: what the caller gave (candidate) or received (interviewer). */
export const peerFeedbackListSchema = z.object({
  items: z.array(peerFeedbackSchema),
  /** For the candidate: the interviewers that may be rated. Empty for interviewers. */
  rateable: z.array(z.object({ userId: z.string(), name: z.string() })),
});
export type PeerFeedbackList = z.infer<typeof peerFeedbackListSchema>;

export const TRENDS = ['up', 'down', 'flat'] as const;
export type Trend = (typeof TRENDS)[number];

/** `GET /api/me/progress`: the caller's history as a candidate. */
export const progressSchema = z.object({
  /** Ended interviews in which the caller was the candidate. */
  sessionsDone: z.number().int(),
  dimensions: z.array(
    z.object({
      key: z.string(),
      name: z.string(),
      average: z.number().nullable(),
      latest: z.number().int().nullable(),
      trend: z.enum(TRENDS).nullable(),
    }),
  ),
  /** Submitted scorecards, oldest first: one point per session on the trend charts. */
  scorecards: z.array(
    z.object({
      interviewId: z.string(),
      title: z.string(),
      at: z.string(),
      scores: z.record(z.string(), dimensionScoreSchema),
      recommendation: z.enum(RECOMMENDATIONS).nullable(),
    }),
  ),
  /** Average minutes actually spent per phase (phases matched by key across scripts) against the script. */
  phases: z.array(
    z.object({
      key: z.string(),
      name: z.string(),
      plannedMinutes: z.number(),
      actualMinutes: z.number(),
      sessions: z.number().int(),
    }),
  ),
});
export type Progress = z.infer<typeof progressSchema>;
