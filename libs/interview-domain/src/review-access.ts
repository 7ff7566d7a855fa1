/**
 * Who may do what with an interview after the fact — scorecard, peer feedback, the recording and its
 * share links. Every review route asks this one table. Not being allowed to know a thing exists is
 * NOT_FOUND (as for the interview itself); knowing it exists but not being allowed to act is
 * FORBIDDEN. State conflicts (already submitted…) are the services' business.
 */

export type ReviewViewerKind = 'interviewer' | 'candidate' | 'observer' | 'outsider' | 'shareLink';

export type ReviewAction =
  | 'scorecard.read'
  | 'scorecard.write'
  | 'feedback.read'
  | 'feedback.write'
  /** Timeline, board at an instant, the update log. */
  | 'replay.read'
  /** Interviewers' notes among the timeline's events. */
  | 'replay.notes'
  /** Creating, listing and revoking share links. */
  | 'replay.share';

export interface ReviewState {
  /** The candidate may read the scorecard only once it is submitted. */
  readonly scorecardSubmitted?: boolean;
  /** A share link carries notes only when its maker chose so. */
  readonly linkIncludesNotes?: boolean;
}

export type ReviewDecision = 'allow' | 'NOT_FOUND' | 'FORBIDDEN';

type Rule = (state: ReviewState) => ReviewDecision;
const allow: Rule = () => 'allow';
const hidden: Rule = () => 'NOT_FOUND';
const forbidden: Rule = () => 'FORBIDDEN';

const RULES: Record<ReviewAction, Record<ReviewViewerKind, Rule>> = {
  'scorecard.read': {
    interviewer: allow,
    candidate: (state) => (state.scorecardSubmitted ? 'allow' : 'NOT_FOUND'),
    observer: hidden,
    outsider: hidden,
    shareLink: hidden,
  },
  // Saving, submitting and reopening.
  'scorecard.write': { interviewer: allow, candidate: forbidden, observer: hidden, outsider: hidden, shareLink: hidden },
  // The candidate reads what they gave; an interviewer reads what they received.
  'feedback.read': { interviewer: allow, candidate: allow, observer: hidden, outsider: hidden, shareLink: hidden },
  'feedback.write': { interviewer: forbidden, candidate: allow, observer: hidden, outsider: hidden, shareLink: hidden },
  'replay.read': { interviewer: allow, candidate: allow, observer: allow, outsider: hidden, shareLink: allow },
  // Notes are the interviewers' own; a link shows them only if its maker said so.
  'replay.notes': {
    interviewer: allow,
    candidate: hidden,
    observer: hidden,
    outsider: hidden,
    shareLink: (state) => (state.linkIncludesNotes ? 'allow' : 'NOT_FOUND'),
  },
  'replay.share': { interviewer: allow, candidate: allow, observer: forbidden, outsider: hidden, shareLink: hidden },
};

export function decideReviewAccess(action: ReviewAction, viewer: ReviewViewerKind, state: ReviewState = {}): ReviewDecision {
  return RULES[action][viewer](state);
}

export const REVIEW_ACTIONS = Object.keys(RULES) as ReviewAction[];
export const REVIEW_VIEWERS: readonly ReviewViewerKind[] = ['interviewer', 'candidate', 'observer', 'outsider', 'shareLink'];
