import type { FrameworkScript } from '../schema';
import { PHASE_GUIDES, phase } from './phase-guides';

/** 7 + 5 + 3 + 6 + 4 + 15 + 15 + 5 = 60 minutes. */
export const EXTENDED_60: FrameworkScript = {
  slug: 'extended-60',
  name: 'Extended, 60 minutes',
  version: 1,
  isDefault: false,
  description:
    'The same loop with room to breathe: a real capacity estimate, a data-flow pass for pipeline problems, and fifteen minutes of deep dives, enough for two or three problems. Suits senior and staff practice.',
  autoAdvance: false,
  phases: [
    phase('requirements', 7),
    phase('capacity', 5),
    phase('entities', 3),
    phase('api', 6),
    phase('data-flow', 4),
    phase('high-level-design', 15),
    phase('deep-dives', 15, {
      goal: 'Harden the design against the non-functional requirements: work through two or three bottlenecks in depth, including at least one failure scenario, and state the trade-off of every fix.',
      interviewerListensFor: [
        ...PHASE_GUIDES['deep-dives'].interviewerListensFor.slice(0, 3),
        'Depth past the first answer: from "shard it" to the shard key, hot-partition handling and rebalancing',
      ],
    }),
    phase('wrap-up', 5),
  ],
};
