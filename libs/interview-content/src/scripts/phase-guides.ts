import type { FrameworkPhase, PhaseKey } from '../schema';

type PhaseGuide = Omit<FrameworkPhase, 'key' | 'minutes' | 'half'>;

/**
 * What each kind of phase is for, shared by the scripts. A script picks the phases it runs, sets
 * their minutes, and overrides the guidance where its timing changes what is realistic.
 */
export const PHASE_GUIDES: Record<PhaseKey, PhaseGuide> = {
  requirements: {
    name: 'Requirements',
    goal: 'Turn the open prompt into a short, agreed scope: the three features that matter most, and the measurable qualities that will make this particular system hard to build.',
    candidateProduces: [
      'Functional requirements phrased as what a user can do, with the top three marked in scope and the rest listed below the line',
      'Non-functional requirements with numbers: users or requests per second, latency targets, data volume, durability',
      'An availability-versus-consistency choice, made per part of the system where the parts differ: data that may be read slightly stale next to data that must never be claimed or changed twice',
      'The read/write ratio and any burst pattern, such as a scheduled launch, a daily peak hour or one item suddenly drawing most of the traffic',
    ],
    interviewerListensFor: [
      'Clarifying questions asked before anything is drawn',
      'Qualities specific to this product rather than a generic list where everything is scalable and fast',
      'A check-in on scope: anything to move above or below the line?',
      'Numbers that later drive a design decision',
    ],
    commonMistakes: [
      'Listing many features and then trying to design all of them',
      'Non-functional requirements without numbers, such as "low latency" or "highly available"',
      'Calling the whole system strongly consistent without saying which data needs it',
      'Staying here for ten minutes or more and running short on the design',
    ],
  },
  capacity: {
    name: 'Capacity estimate',
    optional: true,
    goal: 'Work out, in round numbers, only the figures that change a decision: peak requests per second, storage growth and bandwidth. Skip it when the scale is plainly small or plainly huge.',
    candidateProduces: [
      'Average and peak requests per second from daily volume (one day is roughly 100,000 seconds)',
      'Storage per year from record size times records per day, with large objects counted separately',
      'A one-line conclusion per number: fits on one database, needs a cache, needs sharding, needs a CDN',
    ],
    interviewerListensFor: [
      'Orders of magnitude reached quickly, with assumptions said out loud',
      'Each number tied to a consequence for the design',
      'Peak load considered, not just the daily average',
    ],
    commonMistakes: [
      'Exact arithmetic that takes five minutes and changes nothing',
      'Computing figures and never using them again',
      'Sizing for the average when the design has to survive the peak',
    ],
  },
  entities: {
    name: 'Core entities',
    goal: 'Name the few things the system stores and moves, so the API and the design share one vocabulary.',
    candidateProduces: [
      'Three to six core entities that the in-scope requirements need',
      'For each, only the fields that matter for the design: its identifier, owner, status or timestamps',
    ],
    interviewerListensFor: [
      'Entities that map to the in-scope requirements and nothing beyond them',
      'Awareness of which entity is large or hot: the record written on every user action, not the one created once per account',
      'The entity that carries state across the steps of a longer operation, with a status that changes as each step completes',
    ],
    commonMistakes: [
      'Writing full table schemas with every column at this point',
      'Naming services or components (an "auth service", a "cache") as entities',
      'Missing the stateful entity that the hardest requirement revolves around',
    ],
  },
  api: {
    name: 'API',
    goal: 'Define the interface that delivers each in-scope requirement, usually one call per requirement, before designing what sits behind it.',
    candidateProduces: [
      'One endpoint or message per functional requirement, with method, path and the main request and response fields',
      'The caller identified from the auth token or session, not from a user id in the request body',
      'Pagination for every list, with cursors for lists that grow or change while being read',
      'The push channel for anything real-time (WebSocket, server-sent events or long polling) and why it fits',
    ],
    interviewerListensFor: [
      'REST as the default, with GraphQL or gRPC chosen only for a stated reason',
      'Resource names and verbs that match the entities',
      'Idempotency keys on create calls that a client may retry after a timeout, so a retry never makes a second record',
    ],
    commonMistakes: [
      'Accepting the acting user id in the body and trusting it',
      'Offset pagination over a list that keeps changing underneath the reader',
      'Spending minutes on status codes and header details',
      'Choosing WebSockets for traffic that plain request and response handles fine',
    ],
  },
  'data-flow': {
    name: 'Data flow',
    optional: true,
    goal: 'For pipeline-shaped systems, where input passes through several processing stages before anything is served, lay out those stages before drawing components. Skip it for plain request/response products.',
    candidateProduces: [
      'A numbered sequence of stages from input to output',
      'For each stage, where its output is stored and what triggers the next stage',
    ],
    interviewerListensFor: [
      'Stages that can fail and be retried independently',
      'A clear note of where data could be lost or counted twice',
    ],
    commonMistakes: [
      'Naming technologies instead of describing steps',
      'Running this phase for a system where it adds nothing',
    ],
  },
  'high-level-design': {
    name: 'High-level design',
    goal: 'Draw a simple design that works for every in-scope functional requirement and walk each API call through it. Correctness first; scaling comes in the deep dives.',
    candidateProduces: [
      'Components with arrows for each request path: clients, load balancer or gateway, stateless services, databases, and caches, queues or blob storage where needed',
      'A data model for the main store: tables or key layouts with primary or partition keys and the indexes the queries need',
      'A database choice tied to the access pattern: relational by default, key-value or wide-column for simple lookups at very high volume',
      'A walkthrough showing the path of each functional requirement through the components',
    ],
    interviewerListensFor: [
      'Every in-scope requirement traced end to end, not just boxes on the board',
      'Stateless services behind a load balancer, with state in the data stores',
      'Large files kept in blob storage and their metadata in a database',
      'The candidate flagging the weak spots they plan to return to',
    ],
    commonMistakes: [
      'Opening with sharding, caches and message brokers before the basic flow works',
      'Boxes without a data model, so nothing can be checked',
      'Choosing a NoSQL store "for scale" with no query pattern that needs it',
      'Quietly leaving one functional requirement unserved',
    ],
  },
  'deep-dives': {
    name: 'Deep dives',
    goal: 'Harden the design against the non-functional requirements: find the real bottlenecks, choose one or two, and resolve them with explicit trade-offs.',
    candidateProduces: [
      'The bottleneck named with the numbers behind it: a hot row or key, write volume, fan-out size, latency budget',
      'At least two options per problem, compared, with one chosen and its cost stated',
      'The change drawn on the board: partition keys, cache placement and invalidation, queues with retries and a dead-letter queue, lock scope and expiry',
      'What happens when a node, a consumer or a third-party dependency fails',
    ],
    interviewerListensFor: [
      'Trade-offs argued from this system\'s requirements: how much staleness users tolerate, the latency budget, what must never happen',
      'Mechanisms rather than buzzwords: how the cache is invalidated, what the shard key is, how long a lock lives',
      'The candidate steering toward problems without waiting to be asked',
      'A measure, find the bottleneck, fix, repeat mindset instead of scaling everything up front',
    ],
    commonMistakes: [
      'Adding a cache, queue or shard without naming the problem it solves',
      'Putting a queue inside a request with a tight latency budget',
      'Ignoring races on a contended resource: two requests claiming the same scarce item at the same moment',
      'Covering ten topics shallowly instead of two in depth',
    ],
  },
  'wrap-up': {
    name: 'Wrap-up',
    goal: 'Close the loop: the candidate sums up against the requirements and names the next steps; the interviewer gives a few minutes of spoken feedback before writing the scorecard.',
    candidateProduces: [
      'A one-minute summary of the design measured against the agreed requirements',
      'Known gaps and what they would do next: monitoring, multiple regions, security, cost',
    ],
    interviewerListensFor: [
      'An honest account of the weak spots in their own design',
      'Operational awareness: which metrics they would watch, such as latency, error rate, throughput and queue depth',
    ],
    commonMistakes: [
      'Adding a new component in the final minute',
      'Skipping feedback because time ran out; start this phase on time',
    ],
  },
};

/** A phase of `key` lasting `minutes`, with its guidance optionally adjusted for one script. */
export function phase(key: PhaseKey, minutes: number, overrides: Partial<PhaseGuide> & { half?: 1 | 2 } = {}): FrameworkPhase {
  return { key, minutes, ...PHASE_GUIDES[key], ...overrides };
}
