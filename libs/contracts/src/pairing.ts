import { z } from 'zod';
import { LEVELS, TOPICS } from './vocabulary';

export const PAIRING_ROLES = ['interviewer', 'candidate', 'either'] as const;
export type PairingRole = (typeof PAIRING_ROLES)[number];
export const PAIRING_REQUEST_STATUSES = ['open', 'matched', 'cancelled', 'expired'] as const;
export type PairingRequestStatus = (typeof PAIRING_REQUEST_STATUSES)[number];

/** A session is two halves on a built-in script: 2 × 45 minutes (standard) or 2 × 60 (extended). */
export const PAIRING_LENGTHS = [90, 120] as const;
export type PairingLength = (typeof PAIRING_LENGTHS)[number];

export const SLOT_MIN_MINUTES = 30;
export const SLOT_MAX_MINUTES = 8 * 60;
export const MAX_SLOTS = 21;
export const SLOT_HORIZON_DAYS = 28;
export const MAX_TOPICS = TOPICS.length;

const MINUTE_MS = 60_000;

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const instant = z.iso.datetime({ offset: true, error: 'Use an ISO 8601 date and time' });

export const slotSchema = z.object({ start: instant, end: instant });
export type Slot = z.infer<typeof slotSchema>;

/**
 * What makes a set of slots acceptable at `now`: each in the future, 30 min–8 h long, within four
 * weeks, not overlapping another. Shared so the calendar can explain a problem before submitting.
 */
export function slotProblems(slots: readonly Slot[], now: number): { path: (string | number)[]; message: string }[] {
  const problems: { path: (string | number)[]; message: string }[] = [];
  const horizon = now + SLOT_HORIZON_DAYS * 24 * 60 * MINUTE_MS;
  const parsed = slots.map((slot, index) => ({ index, start: Date.parse(slot.start), end: Date.parse(slot.end) }));
  for (const slot of parsed) {
    const minutes = (slot.end - slot.start) / MINUTE_MS;
    if (slot.start < now) problems.push({ path: [slot.index, 'start'], message: 'A slot must start in the future' });
    else if (slot.end > horizon) problems.push({ path: [slot.index, 'end'], message: `A slot must end within ${SLOT_HORIZON_DAYS} days` });
    if (minutes < SLOT_MIN_MINUTES) problems.push({ path: [slot.index, 'end'], message: `A slot lasts at least ${SLOT_MIN_MINUTES} minutes` });
    else if (minutes > SLOT_MAX_MINUTES) problems.push({ path: [slot.index, 'end'], message: `A slot lasts at most ${SLOT_MAX_MINUTES / 60} hours` });
  }
  const sorted = [...parsed].sort((a, b) => a.start - b.start);
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i].start < sorted[i - 1].end) problems.push({ path: [sorted[i].index, 'start'], message: 'Slots must not overlap' });
  }
  return problems;
}

const slotsSchema = z
  .array(slotSchema)
  .min(1, 'Choose at least one time slot')
  .max(MAX_SLOTS, `Choose at most ${MAX_SLOTS} slots`)
  .superRefine((slots, context) => {
    for (const problem of slotProblems(slots, Date.now())) context.addIssue({ code: 'custom', path: problem.path, message: problem.message });
  });

const pairingFields = {
  slots: slotsSchema,
  timezone: z.string().max(64).refine(isTimeZone, 'Use an IANA time zone such as Europe/Paris'),
  level: z.enum(LEVELS, { error: 'Level must be junior, mid, senior or staff' }),
  topics: z
    .array(z.enum(TOPICS, { error: 'Pick topics from the question bank' }))
    .min(1, 'Pick at least one topic')
    .max(MAX_TOPICS)
    .refine((topics) => new Set(topics).size === topics.length, 'Topics must not repeat'),
  role: z.enum(PAIRING_ROLES, { error: 'Role must be interviewer, candidate or either' }),
  lengthMinutes: z.union(
    PAIRING_LENGTHS.map((length) => z.literal(length)),
    { error: `Session length must be one of ${PAIRING_LENGTHS.join(', ')} minutes` },
  ),
};

export const createPairingRequestSchema = z.strictObject(pairingFields);
export type CreatePairingRequest = z.infer<typeof createPairingRequestSchema>;

/** Editing an open request replaces any of its fields. */
export const updatePairingRequestSchema = z
  .strictObject(pairingFields)
  .partial()
  .refine((body) => Object.keys(body).length > 0, 'Change at least one field');
export type UpdatePairingRequest = z.infer<typeof updatePairingRequestSchema>;

export const pairingRequestCreatedSchema = z.object({ id: z.string(), status: z.literal('open') });

export const pairingRequestSchema = z.object({
  id: z.string(),
  status: z.enum(PAIRING_REQUEST_STATUSES),
  /** The first half of the matched session. */
  interviewId: z.string().optional(),
  interviewIds: z.array(z.string()).optional(),
  startsAt: z.string().optional(),
  slots: z.array(slotSchema),
  timezone: z.string(),
  level: z.enum(LEVELS),
  topics: z.array(z.string()),
  role: z.enum(PAIRING_ROLES),
  lengthMinutes: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type PairingRequestView = z.infer<typeof pairingRequestSchema>;

export const pairingRequestListSchema = z.object({ items: z.array(pairingRequestSchema) });
export type PairingRequestList = z.infer<typeof pairingRequestListSchema>;

/** Why a session counts against someone's show-up record. */
export const MISSED_SESSION_KINDS = ['no_show', 'late_cancellation'] as const;

/** `GET /api/pairing/record`: the caller's own show-up record, as the matchmaker reads it. */
export const showUpRecordSchema = z.object({
  windowDays: z.number().int(),
  attended: z.number().int(),
  missed: z.number().int(),
  /** In [0, 1]; a newcomer starts at 1. */
  reliability: z.number(),
  misses: z.array(
    z.object({
      interviewId: z.string(),
      title: z.string(),
      scheduledAt: z.string(),
      kind: z.enum(MISSED_SESSION_KINDS),
    }),
  ),
});
export type ShowUpRecord = z.infer<typeof showUpRecordSchema>;
