import { decideReviewAccess, REVIEW_ACTIONS, REVIEW_VIEWERS, ReviewAction, ReviewDecision, ReviewViewerKind } from './review-access';

const Y: ReviewDecision = 'allow';
const N: ReviewDecision = 'NOT_FOUND';
const F: ReviewDecision = 'FORBIDDEN';

// Columns: interviewer, candidate, observer, outsider, share link. Written out by hand, so a changed
// rule has to be changed here too.
const EXPECTED: Record<string, [ReviewAction, { scorecardSubmitted?: boolean; linkIncludesNotes?: boolean }, ReviewDecision[]][]> = {
  scorecard: [
    ['scorecard.read', { scorecardSubmitted: false }, [Y, N, N, N, N]],
    ['scorecard.read', { scorecardSubmitted: true }, [Y, Y, N, N, N]],
    ['scorecard.write', {}, [Y, F, N, N, N]],
  ],
  feedback: [
    ['feedback.read', {}, [Y, Y, N, N, N]],
    ['feedback.write', {}, [F, Y, N, N, N]],
  ],
  replay: [
    ['replay.read', {}, [Y, Y, Y, N, Y]],
    ['replay.notes', { linkIncludesNotes: false }, [Y, N, N, N, N]],
    ['replay.notes', { linkIncludesNotes: true }, [Y, N, N, N, Y]],
    ['replay.share', {}, [Y, Y, F, N, N]],
  ],
};

describe('review access', () => {
  for (const [group, rows] of Object.entries(EXPECTED)) {
    it(`decides every ${group} action for every kind of viewer`, () => {
      for (const [action, state, decisions] of rows) {
        const actual = REVIEW_VIEWERS.map((viewer: ReviewViewerKind) => decideReviewAccess(action, viewer, state));
        expect({ action, state, actual }).toEqual({ action, state, actual: decisions });
      }
    });
  }

  it('has a row for every action', () => {
    const covered = new Set(Object.values(EXPECTED).flatMap((rows) => rows.map(([action]) => action)));
    expect([...covered].sort()).toEqual([...REVIEW_ACTIONS].sort());
  });
});
