import type { FrameworkScript, PhaseKey } from '../schema';
import { PHASE_GUIDES, phase } from './phase-guides';

/**
 * Two rounds of 5 + 2 + 5 + 12 + 10 + 6 = 40 minutes, 80 in all. Each peer is the candidate in one
 * round; every phase carries `half` (see the schema) and the round number in its name.
 */
function round(half: 1 | 2): FrameworkScript['phases'] {
  const label = (key: PhaseKey) => `Round ${half}: ${PHASE_GUIDES[key].name}`;
  const requirements = PHASE_GUIDES.requirements;
  return [
    phase('requirements', 5, {
      half,
      name: label('requirements'),
      candidateProduces: [
        ...requirements.candidateProduces.slice(0, 3),
        'A quick estimate spoken inline, only where a number decides something: this script has no separate capacity phase',
      ],
    }),
    phase('entities', 2, { half, name: label('entities') }),
    phase('api', 5, { half, name: label('api') }),
    phase('high-level-design', 12, { half, name: label('high-level-design') }),
    phase('deep-dives', 10, {
      half,
      name: label('deep-dives'),
      goal: 'Pick the single hardest non-functional requirement and resolve it properly, with the trade-off stated, rather than touring several topics.',
    }),
    half === 1
      ? phase('wrap-up', 6, {
          half,
          name: 'Round 1: Feedback and swap',
          goal: 'Give the first candidate spoken feedback while it is fresh, then swap seats: the first interviewer becomes the candidate for round 2, on a different question.',
          candidateProduces: [
            'A one-minute summary of the design and its known gaps',
            'A note of the one thing they would do differently next time',
          ],
          interviewerListensFor: [
            'Self-assessment that matches what was observed',
            'Feedback given as specific moments ("at the API step you…"), not general impressions',
          ],
          commonMistakes: [
            'Letting round 1 overrun and squeezing round 2',
            'Reusing round 1\'s question, which the second candidate has just watched being solved',
            'Vague praise instead of one or two concrete points to work on',
          ],
        })
      : phase('wrap-up', 6, {
          half,
          name: 'Round 2: Feedback and close',
          goal: 'Give the second candidate spoken feedback, then both peers compare notes on what each round did well before writing their scorecards.',
          candidateProduces: [
            'A one-minute summary of the design and its known gaps',
            'One takeaway from each round worth practising before the next session',
          ],
          interviewerListensFor: [
            'Self-assessment that matches what was observed',
            'Feedback tied to rubric dimensions, so the scorecard holds no surprises',
          ],
          commonMistakes: [
            'Going easier on the second candidate because the first round was hard',
            'Writing the scorecard days later, when the details are gone',
          ],
        }),
  ];
}

export const ROLE_SWAP_80: FrameworkScript = {
  slug: 'role-swap-2x40',
  name: 'Role swap, 2 × 40 minutes',
  version: 1,
  isDefault: false,
  description:
    'Two compact rounds so that each peer is the candidate once. Each round skips the optional phases and keeps one focused deep dive. Use a different question in each round.',
  autoAdvance: false,
  phases: [...round(1), ...round(2)],
};
