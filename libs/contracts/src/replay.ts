import { z } from 'zod';
import { PARTICIPANT_ROLES } from './interviews';
import { PHASE_EVENT_KINDS } from './rooms';

/**
 * Recording and review: the timeline of a session, the board at any instant, the board's update log
 * for playback in the browser, and share links to a read-only replay.
 */

/** A phase chapter: one stay in a phase, in milliseconds since the session started. */
export const timelinePhaseSchema = z.object({
  name: z.string(),
  phaseIndex: z.number().int(),
  startMs: z.number().int(),
  endMs: z.number().int(),
  pausedMs: z.number().int(),
});
export type TimelinePhase = z.infer<typeof timelinePhaseSchema>;

const at = { atMs: z.number().int() };
export const timelineEventSchema = z.discriminatedUnion('kind', [
  z.object({ ...at, kind: z.literal('phase'), change: z.enum(PHASE_EVENT_KINDS), phaseIndex: z.number().int(), phaseName: z.string().nullable() }),
  z.object({ ...at, kind: z.literal('note'), id: z.string(), text: z.string(), authorName: z.string().nullable(), phaseIndex: z.number().int().nullable() }),
  z.object({ ...at, kind: z.literal('hint'), text: z.string(), phase: z.string() }),
  z.object({ ...at, kind: z.literal('chat'), id: z.string(), text: z.string(), authorName: z.string().nullable() }),
  z.object({ ...at, kind: z.literal('join'), userId: z.string(), name: z.string().nullable(), role: z.enum(PARTICIPANT_ROLES) }),
  z.object({ ...at, kind: z.literal('leave'), userId: z.string(), name: z.string().nullable(), role: z.enum(PARTICIPANT_ROLES) }),
]);
export type TimelineEvent = z.infer<typeof timelineEventSchema>;
export type TimelineEventKind = TimelineEvent['kind'];

/** `GET /api/interviews/:id/timeline`; the empty shape for an interview that has not started. */
export const timelineSchema = z.object({
  startedAt: z.string().nullable(),
  endedAt: z.string().nullable(),
  durationMs: z.number().int(),
  phases: z.array(timelinePhaseSchema),
  events: z.array(timelineEventSchema),
});
export type Timeline = z.infer<typeof timelineSchema>;

export const EMPTY_TIMELINE: Timeline = { startedAt: null, endedAt: null, durationMs: 0, phases: [], events: [] };

/** Longest session a seek may address (a week): keeps `at` a safe integer of milliseconds. */
export const MAX_SEEK_MS = 7 * 24 * 3600 * 1000;

/** `?at=` of the board call: whole milliseconds since the session started; absent means "now". */
export const boardAtQuerySchema = z.object({
  at: z
    .string()
    .regex(/^\d{1,10}$/, 'at must be a whole number of milliseconds, 0 or more')
    .transform(Number)
    .pipe(z.number().max(MAX_SEEK_MS, 'at is past the longest session that can be replayed'))
    .optional(),
});

/** `GET /api/interviews/:id/board?at=`: the elements the Yjs document held (tombstones included) and its files. */
export const boardSceneSchema = z.object({
  elements: z.array(z.record(z.string(), z.unknown())),
  files: z.record(z.string(), z.unknown()),
});
export type BoardScene = z.infer<typeof boardSceneSchema>;

/** Updates per page of the update log. */
export const MAX_UPDATES_PAGE = 5000;

export const boardUpdatesQuerySchema = z.object({
  /** the last update id the client already has; pages continue after it */
  after: z.string().regex(/^\d{1,19}$/, 'after must be an update id').optional(),
  limit: z
    .string()
    .regex(/^\d{1,5}$/, 'limit must be a whole number')
    .transform(Number)
    .pipe(z.number().int().min(1).max(MAX_UPDATES_PAGE))
    .optional(),
});

/**
 * `GET /api/interviews/:id/board/updates`: one page of the update log, oldest first. `data` is the
 * Yjs update in base64; `atMs` is its server receive time since the session started. Pages end early
 * once `MAX_UPDATES_PAGE_BYTES` of update data are in.
 */
export const boardUpdatesPageSchema = z.object({
  sessionStartedAt: z.string().nullable(),
  updates: z.array(z.object({ id: z.string(), atMs: z.number().int(), data: z.string() })),
  /** pass as `after` for the next page; null on the last page */
  nextAfter: z.string().nullable(),
});
export type BoardUpdatesPage = z.infer<typeof boardUpdatesPageSchema>;
export const MAX_UPDATES_PAGE_BYTES = 4 * 1024 * 1024;

/** Share links live between an hour and 30 days. */
export const SHARE_LINK_MIN_HOURS = 1;
export const SHARE_LINK_MAX_HOURS = 30 * 24;

export const createShareLinkRequestSchema = z.object({
  expiresInHours: z
    .number({ error: 'expiresInHours must be a number' })
    .int()
    .min(SHARE_LINK_MIN_HOURS, 'A link lasts at least an hour')
    .max(SHARE_LINK_MAX_HOURS, 'A link lasts at most 30 days'),
  includeNotes: z.boolean().default(false),
});
export type CreateShareLinkRequest = z.input<typeof createShareLinkRequestSchema>;

export const shareLinkSchema = z.object({
  id: z.string(),
  interviewId: z.string(),
  /** whether the link shows the interviewers' notes: made with them by someone who is still an interviewer */
  includeNotes: z.boolean(),
  expiresAt: z.string(),
  revokedAt: z.string().nullable(),
  createdAt: z.string(),
  /** active, or why it no longer opens the replay */
  state: z.enum(['active', 'expired', 'revoked']),
  /** who made the link */
  createdBy: z.object({ id: z.string(), name: z.string().nullable() }),
  /** the caller made it */
  mine: z.boolean(),
  /** the caller may revoke it (interviewers any link of their interview, others their own) */
  canRevoke: z.boolean(),
});
export type ShareLink = z.infer<typeof shareLinkSchema>;

/** Answer to creating a link: the token is shown this once; only its hash is stored. */
export const createdShareLinkSchema = shareLinkSchema.extend({ token: z.string(), path: z.string() });
export type CreatedShareLink = z.infer<typeof createdShareLinkSchema>;

/**
 * `GET /api/interviews/:id/share-links`, newest first: every link of the interview for an
 * interviewer; for the candidate their own and any link showing notes.
 */
export const shareLinkListSchema = z.object({ items: z.array(shareLinkSchema) });
export type ShareLinkList = z.infer<typeof shareLinkListSchema>;

/** `GET /api/shared/:token`: what the holder of a link may see about the interview. */
export const sharedReplaySchema = z.object({
  interviewId: z.string(),
  title: z.string(),
  /** whether the timeline shows the interviewers' notes */
  includeNotes: z.boolean(),
  expiresAt: z.string(),
});
export type SharedReplay = z.infer<typeof sharedReplaySchema>;

/** Share tokens are 32 random bytes in base64url. */
export const SHARE_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function replayPath(token: string): string {
  return `/replay/${token}`;
}
