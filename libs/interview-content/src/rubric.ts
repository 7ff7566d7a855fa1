import type { Rubric } from './schema';

/**
 * Scores: 1 = no hire, 2 = leaning no, 3 = hire, 4 = strong hire. Anchors describe what the
 * interviewer saw or heard, so two peers watching the same session land on the same number.
 */
export const DEFAULT_RUBRIC: Rubric = {
  slug: 'default',
  name: 'System design rubric',
  version: 1,
  dimensions: [
    {
      key: 'requirements',
      name: 'Requirements & scoping',
      description:
        'Turns an open prompt into a short, prioritised set of features and measurable qualities, and keeps the design inside that scope.',
      anchors: {
        1: 'Starts drawing without asking questions. Requirements are missing or generic, no numbers are given and scope is never agreed.',
        2: 'Lists features but does not prioritise them. Qualities stay vague ("fast", "scalable"); scale or the consistency needs come out only after prompting.',
        3: 'Puts the top features in scope and parks the rest. Qualities carry numbers and an explicit availability-versus-consistency choice. Checks scope with the interviewer.',
        4: 'Does everything in 3 and also spots what makes this problem hard (contention, fan-out, bursts) while scoping, chooses consistency per part of the system, and later decisions visibly trace back to these requirements.',
      },
    },
    {
      key: 'data-api',
      name: 'Data modelling & API',
      description:
        'Chooses entities, keys, storage and an interface that fit the access patterns of the in-scope requirements.',
      anchors: {
        1: 'Entities or endpoints are missing or do not fit the requirements. No keys, no data model, or a storage choice that cannot serve the main query.',
        2: 'Sensible entities and endpoints with gaps: trusts a user id sent by the client, lists without pagination, a database picked without a reason, keys that ignore how data is read.',
        3: 'Endpoints cover every in-scope requirement. The data model has primary or partition keys and indexes that match the queries, and the database choice is justified by the access pattern.',
        4: 'Does everything in 3 and also designs for scale in the model itself: partition keys that avoid hot spots, cursor pagination, idempotency keys, deliberate denormalisation, each with its cost acknowledged.',
      },
    },
    {
      key: 'high-level-design',
      name: 'High-level design',
      description:
        'Produces a working end-to-end architecture that serves every in-scope requirement, with a clear reason for each component.',
      anchors: {
        1: 'No working end-to-end design by the end of the phase. Core requirements go unserved, or components appear without any explanation of what they do.',
        2: 'Serves most requirements, but with gaps or unexplained components. Needs substantial help to trace a request through the system.',
        3: 'A working design that serves every in-scope requirement. Walks each request through the components, and each component has a clear job.',
        4: 'Does everything in 3 and also keeps the design as simple as the requirements allow, reaches it quickly, and names the weak spots to revisit. It would survive a real design review.',
      },
    },
    {
      key: 'deep-dives',
      name: 'Deep dives & trade-offs',
      description:
        'Finds the bottlenecks and failure modes that the non-functional requirements expose and resolves them with concrete mechanisms and stated trade-offs.',
      anchors: {
        1: 'Cannot find bottlenecks or failure modes, even when pointed at them. Scaling answers are buzzwords with no mechanism behind them.',
        2: 'Names relevant techniques (cache, shard, queue) but stays shallow. Trade-offs are missing or wrong, and the interviewer has to find the problems.',
        3: 'Finds the main bottlenecks and resolves them with concrete mechanisms. Compares at least two options with their trade-offs and covers the common failure cases.',
        4: 'Leads the deep dives without prompting and goes two levels down (from "shard it" to the shard key, hot-partition handling and rebalancing). Weighs trade-offs against the stated numbers and covers retries, races and consistency edge cases.',
      },
    },
    {
      key: 'communication',
      name: 'Communication & time management',
      description: 'Makes their reasoning easy to follow, works with the interviewer and uses the time so that every phase gets done.',
      anchors: {
        1: 'Hard to follow: long silences or an unbroken monologue. Runs out of time before a design exists, or ignores hints.',
        2: 'Explains when asked, but the reasoning is not visible on its own. Uneven pacing leaves a phase unfinished; hints are picked up slowly.',
        3: 'Thinks aloud, keeps the board readable and checks in between phases. Finishes each phase roughly on time and uses hints well.',
        4: 'Runs the session: says what comes next, adapts at once when redirected, disagrees with reasons when they have them, and leaves time for deep dives and a clear summary.',
      },
    },
  ],
};
