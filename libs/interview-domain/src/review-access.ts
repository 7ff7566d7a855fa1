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
  /** Creating a share link without notes, and listing links. */
  | 'replay.share'
  /** Creating a share link that carries the interviewers' notes. */
  | 'replay.shareNotes'
  /** Seeing one existing link of the interview in the list. */
  | 'shareLink.see'
  /** Revoking one existing link of the interview. */
  | 'shareLink.revoke';

export interface ReviewState {
  /** The candidate may read the scorecard only once it is submitted. */
  readonly scorecardSubmitted?: boolean;
  /** The link's maker chose to include notes. */
  readonly linkIncludesNotes?: boolean;
  /**
   * What the link's maker is in the interview now ('outsider' once no longer a participant). A link
   * carries notes only while its maker may still share them, so a role change takes them back.
   */
  readonly linkMakerRole?: ReviewViewerKind;
  /** The viewer made the link. */
  readonly linkMine?: boolean;
}

export type ReviewDecision = 'allow' | 'NOT_FOUND' | 'FORBIDDEN';

type Rule = (state: ReviewState) => ReviewDecision;
const allow: Rule = () => 'allow';
const hidden: Rule = () => 'NOT_FOUND';
const forbidden: Rule = () => 'FORBIDDEN';

/** Whether a link shows notes right now: made with them by someone who may (still) share notes. */
export function linkShowsNotes(state: ReviewState): boolean {
  return state.linkIncludesNotes === true && state.linkMakerRole !== undefined && RULES['replay.shareNotes'][state.linkMakerRole](state) === 'allow';
}

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
  // Notes are the interviewers' own; a link shows them only if an interviewer made it with them.
  'replay.notes': {
    interviewer: allow,
    candidate: hidden,
    observer: hidden,
    outsider: hidden,
    shareLink: (state) => (linkShowsNotes(state) ? 'allow' : 'NOT_FOUND'),
  },
  'replay.share': { interviewer: allow, candidate: allow, observer: forbidden, outsider: hidden, shareLink: hidden },
  // Only those who may read the notes may hand them out.
  'replay.shareNotes': { interviewer: allow, candidate: forbidden, observer: forbidden, outsider: hidden, shareLink: hidden },
  // Interviewers see every link of their interview. The candidate sees their own and any link that
  // exposes more than they may read themselves (one showing notes), so nothing reaches further
  // unseen; other links of the interviewers stay out of their list.
  'shareLink.see': {
    interviewer: allow,
    candidate: (state) => (state.linkMine || linkShowsNotes(state) ? 'allow' : 'NOT_FOUND'),
    observer: forbidden,
    outsider: hidden,
    shareLink: hidden,
  },
  // Interviewers revoke any link of their interview; the candidate only their own (a link they can
  // see but did not make is FORBIDDEN, one they cannot see NOT_FOUND).
  'shareLink.revoke': {
    interviewer: allow,
    candidate: (state) => (state.linkMine ? 'allow' : linkShowsNotes(state) ? 'FORBIDDEN' : 'NOT_FOUND'),
    observer: forbidden,
    outsider: hidden,
    shareLink: hidden,
  },
};

export function decideReviewAccess(action: ReviewAction, viewer: ReviewViewerKind, state: ReviewState = {}): ReviewDecision {
  return RULES[action][viewer](state);
}

export const REVIEW_ACTIONS = Object.keys(RULES) as ReviewAction[];
export const REVIEW_VIEWERS: readonly ReviewViewerKind[] = ['interviewer', 'candidate', 'observer', 'outsider', 'shareLink'];
