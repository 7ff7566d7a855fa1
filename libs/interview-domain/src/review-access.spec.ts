import { decideReviewAccess, linkShowsNotes, REVIEW_ACTIONS, REVIEW_VIEWERS, ReviewAction, ReviewDecision, ReviewState, ReviewViewerKind } from './review-access';

const Y: ReviewDecision = 'allow';
const N: ReviewDecision = 'NOT_FOUND';
const F: ReviewDecision = 'FORBIDDEN';

// Columns: interviewer, candidate, observer, outsider, share link. Written out by hand, so a changed
// rule has to be changed here too.
const EXPECTED: Record<string, [ReviewAction, ReviewState, ReviewDecision[]][]> = {
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
    ['replay.notes', { linkIncludesNotes: false, linkMakerRole: 'interviewer' }, [Y, N, N, N, N]],
    ['replay.notes', { linkIncludesNotes: true, linkMakerRole: 'interviewer' }, [Y, N, N, N, Y]],
    // Made with notes by someone who may not (or no longer) share them: the link shows none.
    ['replay.notes', { linkIncludesNotes: true, linkMakerRole: 'candidate' }, [Y, N, N, N, N]],
    ['replay.notes', { linkIncludesNotes: true, linkMakerRole: 'observer' }, [Y, N, N, N, N]],
    ['replay.notes', { linkIncludesNotes: true, linkMakerRole: 'outsider' }, [Y, N, N, N, N]],
    ['replay.notes', { linkIncludesNotes: true }, [Y, N, N, N, N]],
  ],
  'share link': [
    ['replay.share', {}, [Y, Y, F, N, N]],
    ['replay.shareNotes', {}, [Y, F, F, N, N]],
    // Someone else's link without notes: only interviewers see or revoke it.
    ['shareLink.see', { linkMine: false, linkIncludesNotes: false, linkMakerRole: 'interviewer' }, [Y, N, F, N, N]],
    ['shareLink.revoke', { linkMine: false, linkIncludesNotes: false, linkMakerRole: 'interviewer' }, [Y, N, F, N, N]],
    // An interviewer's link with notes exposes more than the candidate may read: they see it, cannot revoke it.
    ['shareLink.see', { linkMine: false, linkIncludesNotes: true, linkMakerRole: 'interviewer' }, [Y, Y, F, N, N]],
    ['shareLink.revoke', { linkMine: false, linkIncludesNotes: true, linkMakerRole: 'interviewer' }, [Y, F, F, N, N]],
    // One's own link.
    ['shareLink.see', { linkMine: true, linkIncludesNotes: false, linkMakerRole: 'candidate' }, [Y, Y, F, N, N]],
    ['shareLink.revoke', { linkMine: true, linkIncludesNotes: false, linkMakerRole: 'candidate' }, [Y, Y, F, N, N]],
    // A link made with notes by a candidate before only interviewers could: it shows none.
    ['shareLink.see', { linkMine: false, linkIncludesNotes: true, linkMakerRole: 'candidate' }, [Y, N, F, N, N]],
    ['shareLink.revoke', { linkMine: false, linkIncludesNotes: true, linkMakerRole: 'candidate' }, [Y, N, F, N, N]],
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

  it('shows notes through a link only while its maker is an interviewer who chose so', () => {
    expect(linkShowsNotes({ linkIncludesNotes: true, linkMakerRole: 'interviewer' })).toBe(true);
    for (const linkMakerRole of ['candidate', 'observer', 'outsider', 'shareLink'] as const) {
      expect([linkMakerRole, linkShowsNotes({ linkIncludesNotes: true, linkMakerRole })]).toEqual([linkMakerRole, false]);
    }
    expect(linkShowsNotes({ linkIncludesNotes: false, linkMakerRole: 'interviewer' })).toBe(false);
    expect(linkShowsNotes({ linkIncludesNotes: true })).toBe(false);
  });

  it('has a row for every action', () => {
    const covered = new Set(Object.values(EXPECTED).flatMap((rows) => rows.map(([action]) => action)));
    expect([...covered].sort()).toEqual([...REVIEW_ACTIONS].sort());
  });
});
