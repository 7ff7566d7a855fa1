import type { ParticipantRole } from '@pairboard/contracts';
import { decideReviewAccess, type ReviewAction } from '@pairboard/interview-domain';
import { AppError } from '../../base/errors';

/** The scorecard and peer-feedback actions of the review rules (`decideReviewAccess`, one table for every review route). */
export type ScoringAction = Extract<ReviewAction, 'scorecard.read' | 'scorecard.write' | 'feedback.read' | 'feedback.write'>;

export interface ScoringState {
  /** Whether the scorecard is currently submitted (the candidate may read it only then). */
  readonly scorecardSubmitted: boolean;
}

const FORBIDDEN_MESSAGES: Partial<Record<ScoringAction, string>> = {
  'scorecard.write': 'Only interviewers write the scorecard.',
  'feedback.write': 'Only the candidate rates the interviewer.',
};

/** Throws the decision as the API's error; returns quietly when allowed. */
export function assertScoringAccess(action: ScoringAction, role: ParticipantRole | null, state: ScoringState): void {
  const decision = decideReviewAccess(action, role ?? 'outsider', state);
  if (decision === 'allow') return;
  throw new AppError(decision, decision === 'NOT_FOUND' ? 'Not found.' : FORBIDDEN_MESSAGES[action]);
}
