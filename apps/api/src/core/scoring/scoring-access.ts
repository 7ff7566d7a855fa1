import type { ParticipantRole } from '@pairboard/contracts';
import { AppError } from '../../base/errors';

/**
 * Who may do what with an interview's scorecard and peer feedback — the one place these rules live.
 * Not being allowed to know a thing exists is 404 (as for the interview itself); knowing it exists but
 * not being allowed to change it is 403. State conflicts (409) are the service's business.
 */
export type ScoringAction =
  | 'scorecard.read'
  | 'scorecard.write'
  | 'feedback.read'
  | 'feedback.write';

export interface ScoringState {
  /** Whether the scorecard is currently submitted (the candidate may read it only then). */
  readonly scorecardSubmitted: boolean;
}

export type ScoringDecision = 'allow' | 'NOT_FOUND' | 'FORBIDDEN';

type Rule = (state: ScoringState) => ScoringDecision;
const allow: Rule = () => 'allow';
const hidden: Rule = () => 'NOT_FOUND';
const forbidden: Rule = () => 'FORBIDDEN';

const RULES: Record<ScoringAction, Record<ParticipantRole | 'outsider', Rule>> = {
  'scorecard.read': {
    interviewer: allow,
    candidate: (state) => (state.scorecardSubmitted ? 'allow' : 'NOT_FOUND'),
    observer: hidden,
    outsider: hidden,
  },
  // Saving, submitting and reopening.
  'scorecard.write': { interviewer: allow, candidate: forbidden, observer: hidden, outsider: hidden },
  // The candidate reads what they gave; an interviewer reads what they received.
  'feedback.read': { interviewer: allow, candidate: allow, observer: hidden, outsider: hidden },
  'feedback.write': { interviewer: forbidden, candidate: allow, observer: hidden, outsider: hidden },
};

export function decideScoringAccess(action: ScoringAction, role: ParticipantRole | null, state: ScoringState): ScoringDecision {
  return RULES[action][role ?? 'outsider'](state);
}

const FORBIDDEN_MESSAGES: Partial<Record<ScoringAction, string>> = {
  'scorecard.write': 'Only interviewers write the scorecard.',
  'feedback.write': 'Only the candidate rates the interviewer.',
};

/** Throws the decision as the API's error; returns quietly when allowed. */
export function assertScoringAccess(action: ScoringAction, role: ParticipantRole | null, state: ScoringState): void {
  const decision = decideScoringAccess(action, role, state);
  if (decision === 'allow') return;
  throw new AppError(decision, decision === 'NOT_FOUND' ? 'Not found.' : FORBIDDEN_MESSAGES[action]);
}
