import { z } from 'zod';
import { emailSchema } from './auth';
import { TITLE_MAX_LENGTH } from './interviews';

/**
 * Direct scheduling: invite a person for a time; the invitee accepts, declines or proposes another
 * time; either side reschedules or cancels with a reason. Times are ISO 8601 with an offset.
 */
export const INVITATION_STATUSES = ['pending', 'proposed', 'accepted', 'declined', 'cancelled'] as const;
export type InvitationStatus = (typeof INVITATION_STATUSES)[number];
export const SCHEDULE_REASON_MAX_LENGTH = 500;
/** A session may be booked at most this far ahead. */
export const SCHEDULE_MAX_DAYS_AHEAD = 365;
/** Cancelling less than this before the start counts against the person's show-up record. */
export const LATE_CANCEL_MS = 2 * 60 * 60 * 1000;

const when = z.iso.datetime({ offset: true, error: 'Use an ISO 8601 date and time' });
const futureTime = when.refine((value) => {
  const at = Date.parse(value);
  return at > Date.now() && at < Date.now() + SCHEDULE_MAX_DAYS_AHEAD * 24 * 3600 * 1000;
}, `Pick a time in the future, at most ${SCHEDULE_MAX_DAYS_AHEAD} days ahead`);
const reason = z.string().trim().max(SCHEDULE_REASON_MAX_LENGTH, `Use at most ${SCHEDULE_REASON_MAX_LENGTH} characters`);

export const createInvitationRequestSchema = z.strictObject({
  email: emailSchema,
  scheduledAt: futureTime,
  /** The inviter's role; the invitee takes the other one. */
  myRole: z.enum(['interviewer', 'candidate']).default('interviewer'),
  title: z.string().trim().min(1).max(TITLE_MAX_LENGTH).optional(),
  questionId: z.string().max(64).optional(),
  scriptId: z.string().max(64).optional(),
  message: reason.optional(),
});
export type CreateInvitationRequest = z.input<typeof createInvitationRequestSchema>;

export const proposeTimeRequestSchema = z.strictObject({ scheduledAt: futureTime, note: reason.optional() });
export type ProposeTimeRequest = z.input<typeof proposeTimeRequestSchema>;
export const declineRequestSchema = z.strictObject({ reason: reason.optional() });
export type DeclineRequest = z.input<typeof declineRequestSchema>;
export const rescheduleRequestSchema = z.strictObject({ scheduledAt: futureTime, reason: reason.optional() });
export type RescheduleRequest = z.input<typeof rescheduleRequestSchema>;
export const cancelRequestSchema = z.strictObject({ reason: reason.min(1, 'Say why, briefly') });
export type CancelRequest = z.input<typeof cancelRequestSchema>;

const person = z.object({ userId: z.string().nullable(), email: z.string(), name: z.string().nullable() });

export const invitationSchema = z.object({
  id: z.string(),
  interviewId: z.string(),
  title: z.string(),
  scheduledAt: z.string().nullable(),
  status: z.enum(INVITATION_STATUSES),
  message: z.string().nullable(),
  proposedAt: z.string().nullable(),
  proposalNote: z.string().nullable(),
  inviter: person,
  invitee: person,
  /** Whether the caller sent (`outgoing`) or received (`incoming`) it. */
  direction: z.enum(['incoming', 'outgoing']),
  /** True when the next answer is the caller's to give. */
  awaitingMe: z.boolean(),
  createdAt: z.string(),
});
export type Invitation = z.infer<typeof invitationSchema>;
export const invitationListSchema = z.object({ items: z.array(invitationSchema) });
export type InvitationList = z.infer<typeof invitationListSchema>;

/** What the interview page needs to offer scheduling actions. */
export const interviewScheduleSchema = z.object({
  interviewId: z.string(),
  status: z.enum(['scheduled', 'live', 'ended', 'cancelled']),
  scheduledAt: z.string().nullable(),
  /** The calendar revision (.ics SEQUENCE), bumped by every reschedule. */
  sequence: z.number().int(),
  roomOpensAt: z.string().nullable(),
  invitation: invitationSchema.nullable(),
  cancellation: z.object({ at: z.string(), byUserId: z.string().nullable(), reason: z.string().nullable(), late: z.boolean() }).nullable(),
  /** Interviewers and candidates may move or call off a scheduled interview; observers may not. */
  canChange: z.boolean(),
});
export type InterviewSchedule = z.infer<typeof interviewScheduleSchema>;

/** Admin: jobs that failed every attempt (BullMQ keeps them a week). */
export const failedJobSchema = z.object({
  id: z.string(),
  name: z.string(),
  queue: z.string(),
  data: z.unknown(),
  attemptsMade: z.number().int(),
  failedReason: z.string(),
  failedAt: z.string().nullable(),
});
export const failedJobListSchema = z.object({ items: z.array(failedJobSchema) });
export type FailedJobList = z.infer<typeof failedJobListSchema>;
