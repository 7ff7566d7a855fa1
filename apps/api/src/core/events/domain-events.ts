/**
 * Things that happened, announced in-process through @nestjs/event-emitter so that one capability
 * can react to another without importing it (notifications react to matches, the matchmaker to
 * no-shows…). Listeners must be idempotent: work that has to survive a crash is a BullMQ job derived
 * from PostgreSQL, and an event only speeds it up.
 */
export const DomainEvent = {
  /** An interview got a time: created by the matchmaker, an accepted invitation, or by hand. */
  interviewScheduled: 'interview.scheduled',
  interviewRescheduled: 'interview.rescheduled',
  interviewCancelled: 'interview.cancelled',
  /** People were invited to take part (when it was created, or added later); they still have to accept. */
  participantsInvited: 'interview.participants_invited',
  /** The first participant entered the room of an interview (first time for that person). */
  participantJoined: 'interview.participant_joined',
  interviewEnded: 'interview.ended',
  /** The no-show check found participants who had not joined in time. */
  participantsNoShow: 'interview.no_show',
  /** The matchmaker paired two requests. */
  pairingMatched: 'pairing.matched',
  /** The interviewers submitted the scorecard: the candidate can read it now. */
  scorecardSubmitted: 'scorecard.submitted',
} as const;

export type DomainEventName = (typeof DomainEvent)[keyof typeof DomainEvent];

export interface DomainEventPayloads {
  'interview.scheduled': { interviewId: string; source: 'match' | 'invitation' | 'manual' };
  'interview.rescheduled': { interviewId: string; previousScheduledAt: Date | null; byUserId: string | null };
  'interview.cancelled': { interviewId: string; byUserId: string | null; reason: string | null; late: boolean };
  'interview.participants_invited': { interviewId: string; byUserId: string; emails: string[] };
  'interview.participant_joined': { interviewId: string; userId: string };
  'interview.ended': { interviewId: string; byUserId: string | null };
  'interview.no_show': { interviewId: string; absentUserIds: string[]; presentUserIds: string[] };
  'pairing.matched': { matchId: string; interviewIds: string[]; userIds: string[]; requestIds: string[] };
  'scorecard.submitted': { interviewId: string; candidateId: string | null; byUserId: string; submittedAt: Date };
}
