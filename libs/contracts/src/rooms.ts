import { z } from 'zod';
import type { ErrorCode } from './errors';
import { INTERVIEW_STATUSES, PARTICIPANT_ROLES } from './interviews';
import { authEndedEventSchema, authExpiringEventSchema, authRefreshAckSchema, authRefreshSchema } from './socket-session';

/**
 * The interview room over socket.io (namespace `/rooms`). Every event has one payload schema here,
 * validated by the server on receipt and usable by clients before sending. Times are epoch
 * milliseconds of the server's clock; clients convert with the offset measured by `time:sync`.
 */
export const ROOMS_NAMESPACE = '/rooms';

/** The transport drops a connection that sends a bigger packet; per-event limits below are much smaller. */
export const ROOM_MAX_PACKET_BYTES = 64 * 1024;
export const CHAT_MESSAGE_MAX_LENGTH = 2000;
export const NOTE_MAX_LENGTH = 5000;
export const REQUIREMENT_MAX_LENGTH = 300;
export const MAX_REQUIREMENT_ITEMS = 40;
/** Chat messages a room sends a joining client (the newest ones). */
export const CHAT_HISTORY_LENGTH = 200;
export const CLOCK_EXTEND_MINUTES = [2, 5] as const;

export const CLOCK_ACTIONS = ['start', 'next', 'previous', 'pause', 'resume', 'extend', 'end'] as const;
export type ClockAction = (typeof CLOCK_ACTIONS)[number];
/** What a PhaseEvent row records; `auto_advanced` is the only kind no person causes. */
export const PHASE_EVENT_KINDS = ['started', 'advanced', 'went_back', 'paused', 'resumed', 'extended', 'auto_advanced', 'ended'] as const;
export type PhaseEventKind = (typeof PHASE_EVENT_KINDS)[number];
export const REQUIREMENT_KINDS = ['functional', 'nonFunctional'] as const;
export type RequirementKind = (typeof REQUIREMENT_KINDS)[number];
export const CONNECTION_QUALITIES = ['good', 'fair', 'poor', 'unknown'] as const;
export type ConnectionQuality = (typeof CONNECTION_QUALITIES)[number];

const id = z.string().min(1).max(64);
const epochMs = z.number().int().min(0);
const clockVersion = z.number().int().min(0);

/** Chat is stored and relayed exactly as typed; clients render it as text, never as markup. */
function plainText(maxLength: number) {
  return z
    .string()
    .max(maxLength, `Use at most ${maxLength} characters`)
    .refine((value) => value.trim().length > 0, 'Text cannot be empty');
}

// ---------------------------------------------------------------------------------------------
// Client → server
// ---------------------------------------------------------------------------------------------

export const roomJoinSchema = z.strictObject({ interviewId: id });
export const emptyPayloadSchema = z.strictObject({});
export const timeSyncSchema = z.strictObject({
  /** The client's own clock when it sent the request; echoed back. */
  clientSentAt: z.number().finite(),
  /** The round trip the client measured last, shown to others as connection quality. */
  rttMs: z.number().finite().min(0).max(120_000).optional(),
});

/**
 * `clockVersion` is the version the interviewer was looking at: when the clock has moved on since,
 * the command is refused with CONFLICT instead of acting twice (two interviewers clicking "next").
 */
export const clockCommandSchema = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('start'), clockVersion: clockVersion.optional() }),
  z.strictObject({ action: z.literal('next'), clockVersion: clockVersion.optional() }),
  z.strictObject({ action: z.literal('previous'), clockVersion: clockVersion.optional() }),
  z.strictObject({ action: z.literal('pause'), clockVersion: clockVersion.optional() }),
  z.strictObject({ action: z.literal('resume'), clockVersion: clockVersion.optional() }),
  z.strictObject({
    action: z.literal('extend'),
    minutes: z.union([z.literal(CLOCK_EXTEND_MINUTES[0]), z.literal(CLOCK_EXTEND_MINUTES[1])]),
    clockVersion: clockVersion.optional(),
  }),
  z.strictObject({ action: z.literal('end'), clockVersion: clockVersion.optional() }),
]);
export type ClockCommand = z.infer<typeof clockCommandSchema>;

export const hintRevealSchema = z.strictObject({ hintIndex: z.number().int().min(0).max(63) });
export const noteCreateSchema = z.strictObject({ text: plainText(NOTE_MAX_LENGTH) });
export const noteUpdateSchema = z.strictObject({ noteId: id, text: plainText(NOTE_MAX_LENGTH) });
export const noteDeleteSchema = z.strictObject({ noteId: id });
export const requirementAddSchema = z.strictObject({ kind: z.enum(REQUIREMENT_KINDS), text: plainText(REQUIREMENT_MAX_LENGTH) });
export const requirementUpdateSchema = z
  .strictObject({ itemId: id, text: plainText(REQUIREMENT_MAX_LENGTH).optional(), checked: z.boolean().optional() })
  .refine((change) => change.text !== undefined || change.checked !== undefined, 'Change the text or the check mark');
export const requirementRemoveSchema = z.strictObject({ itemId: id });
export const chatSendSchema = z.strictObject({ text: plainText(CHAT_MESSAGE_MAX_LENGTH) });
const coordinate = z.number().finite().min(-1e8).max(1e8);
export const viewportUpdateSchema = z.strictObject({
  scrollX: coordinate,
  scrollY: coordinate,
  zoom: z.number().finite().min(0.01).max(100),
  /** The sender's visible area in CSS pixels, so followers can centre the same region. */
  width: z.number().finite().min(0).max(100_000).optional(),
  height: z.number().finite().min(0).max(100_000).optional(),
});
export const followStartSchema = z.strictObject({ userId: id });

// ---------------------------------------------------------------------------------------------
// Server → client
// ---------------------------------------------------------------------------------------------

/** Everything needed to render the clock; see libs/interview-domain for the maths. */
export const roomClockSchema = z.object({
  status: z.enum(INTERVIEW_STATUSES),
  phaseIndex: z.number().int().min(0),
  phaseStartedAt: epochMs.nullable(),
  pausedAt: epochMs.nullable(),
  /** Paused time within the current phase, not counting a pause still running. */
  pausedMs: z.number().int().min(0),
  /** Time added to the current phase by `extend`. */
  extensionMs: z.number().int().min(0),
  startedAt: epochMs.nullable(),
  endedAt: epochMs.nullable(),
  /** Grows by one with every change; keep the clock with the highest version. */
  version: clockVersion,
});
export type RoomClock = z.infer<typeof roomClockSchema>;

export const clockChangeSchema = z.object({
  kind: z.enum(PHASE_EVENT_KINDS),
  phaseIndex: z.number().int().min(0),
  at: epochMs,
  byUserId: z.string().nullable(),
  payload: z.object({ fromPhaseIndex: z.number().int().optional(), extendedMs: z.number().int().optional() }),
});
export type ClockChange = z.infer<typeof clockChangeSchema>;

export const clockStateEventSchema = z.object({ clock: roomClockSchema, change: clockChangeSchema.nullable(), serverTime: epochMs });
export type ClockStateEvent = z.infer<typeof clockStateEventSchema>;

/** What a phase expects from the candidate: shown to everyone. */
export const roomPhaseSchema = z.object({
  key: z.string(),
  name: z.string(),
  minutes: z.number().int(),
  optional: z.boolean(),
  half: z.number().int().nullable(),
  goal: z.string(),
  candidateProduces: z.array(z.string()),
});
export type RoomPhase = z.infer<typeof roomPhaseSchema>;

/** What the interviewer listens for in a phase: interviewers only. */
export const phaseGuideSchema = z.object({ interviewerListensFor: z.array(z.string()), commonMistakes: z.array(z.string()) });
export type PhaseGuide = z.infer<typeof phaseGuideSchema>;

export const revealedHintSchema = z.object({
  hintIndex: z.number().int(),
  phase: z.string(),
  text: z.string(),
  phaseIndex: z.number().int().nullable(),
  revealedAt: epochMs,
  revealedBy: z.string().nullable(),
});
export type RevealedHint = z.infer<typeof revealedHintSchema>;

export const noteSchema = z.object({
  id: z.string(),
  authorId: z.string(),
  authorName: z.string(),
  text: z.string(),
  /** Milliseconds since the interview started; null for a note written before the start. */
  sessionMs: z.number().int().nullable(),
  phaseIndex: z.number().int().nullable(),
  createdAt: epochMs,
  updatedAt: epochMs,
});
export type Note = z.infer<typeof noteSchema>;
/** `GET /api/interviews/:id/notes` (interviewers only). */
export const noteListSchema = z.object({ items: z.array(noteSchema) });
export type NoteList = z.infer<typeof noteListSchema>;

export const chatMessageSchema = z.object({
  id: z.string(),
  authorId: z.string().nullable(),
  authorName: z.string(),
  text: z.string(),
  sentAt: epochMs,
});
export type ChatMessage = z.infer<typeof chatMessageSchema>;

export const requirementItemSchema = z.object({
  id: z.string(),
  kind: z.enum(REQUIREMENT_KINDS),
  text: z.string(),
  checked: z.boolean(),
  updatedAt: epochMs,
  updatedBy: z.string().nullable(),
});
export type RequirementItem = z.infer<typeof requirementItemSchema>;
export const requirementsStateSchema = z.object({ items: z.array(requirementItemSchema) });

export const presenceEntrySchema = z.object({
  userId: z.string(),
  name: z.string(),
  role: z.enum(PARTICIPANT_ROLES),
  /** Open sockets of this person in the room (tabs, devices). */
  connections: z.number().int().min(1),
  /** Best round trip any of those sockets reported; null until one did. */
  rttMs: z.number().nullable(),
  quality: z.enum(CONNECTION_QUALITIES),
  presenting: z.boolean(),
});
export type PresenceEntry = z.infer<typeof presenceEntrySchema>;
export const presenceSchema = z.object({ participants: z.array(presenceEntrySchema), presenterId: z.string().nullable() });
export type Presence = z.infer<typeof presenceSchema>;

/** The question as the interviewer sees it; `hints[i].index` is what `hint:reveal` takes. */
export const interviewerQuestionSchema = z.object({
  requirements: z.object({ functional: z.array(z.string()), nonFunctional: z.array(z.string()) }),
  entities: z.array(z.string()),
  hints: z.array(z.object({ index: z.number().int(), phase: z.string(), text: z.string(), revealed: z.boolean() })),
  probes: z.array(z.object({ topic: z.string(), text: z.string() })),
  signals: z.record(z.string(), z.array(z.string())),
});

/**
 * The whole room for one person, sent as the `room:join` acknowledgement. Candidates and
 * observers never receive `interviewer` (unrevealed hints, probes, signals, phase guides, notes).
 */
export const roomStateSchema = z.object({
  interview: z.object({ id: z.string(), title: z.string() }),
  me: z.object({ userId: z.string(), name: z.string(), role: z.enum(PARTICIPANT_ROLES) }),
  clock: roomClockSchema,
  serverTime: epochMs,
  script: z.object({ id: z.string(), name: z.string(), autoAdvance: z.boolean(), phases: z.array(roomPhaseSchema) }).nullable(),
  question: z.object({ id: z.string(), title: z.string(), prompt: z.string() }).nullable(),
  revealedHints: z.array(revealedHintSchema),
  requirements: z.array(requirementItemSchema),
  chat: z.array(chatMessageSchema),
  presence: presenceSchema,
  interviewer: z
    .object({
      question: interviewerQuestionSchema.nullable(),
      /** Parallel to `script.phases`. */
      phaseGuides: z.array(phaseGuideSchema),
      notes: z.array(noteSchema),
    })
    .optional(),
});
export type RoomState = z.infer<typeof roomStateSchema>;

export const timeSyncReplySchema = z.object({ clientSentAt: z.number(), serverTime: epochMs });
export type TimeSyncReply = z.infer<typeof timeSyncReplySchema>;

export const viewportEventSchema = viewportUpdateSchema.extend({ userId: z.string() });
export type ViewportEvent = z.infer<typeof viewportEventSchema>;

export const roomErrorEventSchema = z.object({
  event: z.string(),
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
});

// ---------------------------------------------------------------------------------------------
// Event catalogue
// ---------------------------------------------------------------------------------------------

/** Who may send an event, once joined (`room:join` and `time:sync` need no join). */
export type RoomSender = 'anyone' | 'participant' | 'interviewer' | 'candidate' | 'author';

/**
 * Client → server events: payload schema, acknowledgement data schema (null: no acknowledgement,
 * e.g. volatile viewport updates) and the largest accepted payload in bytes of JSON.
 */
export const ROOM_CLIENT_EVENTS = {
  'room:join': { payload: roomJoinSchema, ack: roomStateSchema, maxBytes: 512, sender: 'anyone' },
  'room:leave': { payload: emptyPayloadSchema, ack: z.object({}), maxBytes: 64, sender: 'participant' },
  'time:sync': { payload: timeSyncSchema, ack: timeSyncReplySchema, maxBytes: 256, sender: 'anyone' },
  'clock:command': { payload: clockCommandSchema, ack: z.object({ clock: roomClockSchema }), maxBytes: 256, sender: 'interviewer' },
  'hint:reveal': { payload: hintRevealSchema, ack: z.object({ hint: revealedHintSchema }), maxBytes: 128, sender: 'interviewer' },
  'note:create': { payload: noteCreateSchema, ack: z.object({ note: noteSchema }), maxBytes: 32 * 1024, sender: 'interviewer' },
  'note:update': { payload: noteUpdateSchema, ack: z.object({ note: noteSchema }), maxBytes: 32 * 1024, sender: 'author' },
  'note:delete': { payload: noteDeleteSchema, ack: z.object({ noteId: z.string() }), maxBytes: 256, sender: 'author' },
  'requirement:add': { payload: requirementAddSchema, ack: z.object({ item: requirementItemSchema }), maxBytes: 2048, sender: 'candidate' },
  'requirement:update': { payload: requirementUpdateSchema, ack: z.object({ item: requirementItemSchema }), maxBytes: 2048, sender: 'candidate' },
  'requirement:remove': { payload: requirementRemoveSchema, ack: z.object({ itemId: z.string() }), maxBytes: 256, sender: 'candidate' },
  'chat:send': { payload: chatSendSchema, ack: z.object({ message: chatMessageSchema }), maxBytes: 16 * 1024, sender: 'participant' },
  'viewport:update': { payload: viewportUpdateSchema, ack: null, maxBytes: 512, sender: 'participant' },
  'follow:start': { payload: followStartSchema, ack: z.object({}), maxBytes: 256, sender: 'participant' },
  'follow:stop': { payload: emptyPayloadSchema, ack: z.object({}), maxBytes: 64, sender: 'participant' },
  'present:start': { payload: emptyPayloadSchema, ack: z.object({}), maxBytes: 64, sender: 'participant' },
  'present:stop': { payload: emptyPayloadSchema, ack: z.object({}), maxBytes: 64, sender: 'participant' },
  /** A fresh access token for this open socket (see socket-session.ts); joined or not. */
  'auth:refresh': { payload: authRefreshSchema, ack: authRefreshAckSchema, maxBytes: 4200, sender: 'anyone' },
} as const satisfies Record<string, { payload: z.ZodType; ack: z.ZodType | null; maxBytes: number; sender: RoomSender }>;
export type RoomClientEvent = keyof typeof ROOM_CLIENT_EVENTS;

/** Server → client events and their payloads. */
export const ROOM_SERVER_EVENTS = {
  /** To the room, after every clock change (the whole clock, so nothing needs replaying). */
  'clock:state': clockStateEventSchema,
  /** To the room, when someone joins or leaves, presents, or their connection quality changes. */
  presence: presenceSchema,
  'hint:revealed': z.object({ hint: revealedHintSchema }),
  /** To the interviewers' sub-room only. */
  'note:saved': z.object({ note: noteSchema }),
  'note:deleted': z.object({ noteId: z.string() }),
  'requirements:state': requirementsStateSchema,
  'chat:message': z.object({ message: chatMessageSchema }),
  /** Volatile, to the sockets following that user. */
  viewport: viewportEventSchema,
  /** For an event sent without an acknowledgement callback that the server refused. */
  'room:error': roomErrorEventSchema,
  /** Send `auth:refresh` before `expiresAt` (see socket-session.ts). */
  'auth:expiring': authExpiringEventSchema,
  /** The session is over; the server disconnects right after. */
  'auth:ended': authEndedEventSchema,
} as const;
export type RoomServerEvent = keyof typeof ROOM_SERVER_EVENTS;

export interface RoomErrorBody {
  code: ErrorCode;
  message: string;
  details?: unknown;
}
/** Every acknowledgement: `ok` tells success from failure. */
export type RoomAck<T> = { ok: true; data: T } | { ok: false; error: RoomErrorBody };

type AckData<E extends RoomClientEvent> = (typeof ROOM_CLIENT_EVENTS)[E]['ack'] extends z.ZodType
  ? z.output<(typeof ROOM_CLIENT_EVENTS)[E]['ack']>
  : never;
export type RoomAckFor<E extends RoomClientEvent> = RoomAck<AckData<E>>;

/** socket.io's typed-events maps, for `Socket<ServerToClientEvents, ClientToServerEvents>` on the client. */
export type ClientToServerEvents = {
  [E in RoomClientEvent]: (payload: z.input<(typeof ROOM_CLIENT_EVENTS)[E]['payload']>, ack?: (response: RoomAckFor<E>) => void) => void;
};
export type ServerToClientEvents = {
  [E in RoomServerEvent]: (payload: z.output<(typeof ROOM_SERVER_EVENTS)[E]>) => void;
};
