import type { FrameworkScript } from '../schema';
import { phase } from './phase-guides';

/** The default: 5 + 3 + 2 + 5 + 2 + 13 + 10 + 5 = 45 minutes. */
export const STANDARD_45: FrameworkScript = {
  slug: 'standard-45',
  name: 'Standard, 45 minutes',
  version: 1,
  isDefault: true,
  description:
    'The usual interview loop: scope the problem, name the entities and the API, reach a working design by about the 30-minute mark, then spend the remaining time on the hardest non-functional requirement. Skip the optional phases when they add nothing and give the time to the design.',
  autoAdvance: false,
  phases: [
    phase('requirements', 5),
    phase('capacity', 3),
    phase('entities', 2),
    phase('api', 5),
    phase('data-flow', 2),
    phase('high-level-design', 13),
    phase('deep-dives', 10),
    phase('wrap-up', 5),
  ],
};
