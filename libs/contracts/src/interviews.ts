import { z } from 'zod';
import { emailSchema } from './auth';

export const PARTICIPANT_ROLES = ['interviewer', 'candidate', 'observer'] as const;
export type ParticipantRole = (typeof PARTICIPANT_ROLES)[number];
export const INTERVIEW_STATUSES = ['scheduled', 'live', 'ended', 'cancelled'] as const;
export type InterviewStatus = (typeof INTERVIEW_STATUSES)[number];

export const MAX_INVITES = 20;
export const TITLE_MAX_LENGTH = 120;


export const inviteSchema = z.object({
  email: emailSchema,
  role: z.enum(PARTICIPANT_ROLES, { error: 'Role must be interviewer, candidate or observer' }),
});
export type Invite = z.infer<typeof inviteSchema>;

export const createInterviewRequestSchema = z.object({
  title: z.string().trim().min(1, 'Title cannot be empty').max(TITLE_MAX_LENGTH).optional(),
  questionId: z.string().max(64).optional(),
  scriptId: z.string().max(64).optional(),
  scheduledAt: z.iso.datetime({ offset: true, error: 'Use an ISO 8601 date and time' }).optional(),
  myRole: z.enum(['interviewer', 'candidate']).default('interviewer'),
  invite: z.array(inviteSchema).max(MAX_INVITES, `Invite at most ${MAX_INVITES} people at once`).default([]),
});
export type CreateInterviewRequest = z.input<typeof createInterviewRequestSchema>;

export const addParticipantRequestSchema = inviteSchema;
export type AddParticipantRequest = z.infer<typeof addParticipantRequestSchema>;

export const participantSchema = z.object({
  userId: z.string().nullable(),
  email: z.string(),
  name: z.string().nullable(),
  role: z.enum(PARTICIPANT_ROLES),
  /**
   * `invited`: the person has not accepted (or has no verified account yet): `userId` and `name` are
   * null, whether or not the address has an account; `active`: taking part.
   */
  status: z.enum(['active', 'invited']),
});
export type Participant = z.infer<typeof participantSchema>;

export const interviewSchema = z.object({
  id: z.string(),
  title: z.string(),
  status: z.enum(INTERVIEW_STATUSES),
  scheduledAt: z.string().nullable(),
  startedAt: z.string().nullable(),
  endedAt: z.string().nullable(),
  createdAt: z.string(),
  question: z.object({ id: z.string(), title: z.string() }).nullable(),
  script: z.object({ id: z.string(), name: z.string() }).nullable(),
  myRole: z.enum(PARTICIPANT_ROLES),
  /** `invited`: the caller was invited and has not answered yet (accept or decline); always sent by the API. */
  myStatus: z.enum(['active', 'invited']).optional(),
  participants: z.array(participantSchema),
});
export type Interview = z.infer<typeof interviewSchema>;

export const interviewListSchema = z.object({ items: z.array(interviewSchema) });
export type InterviewList = z.infer<typeof interviewListSchema>;
