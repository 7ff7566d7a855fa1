import type { Question } from '../schema';

export const RATE_LIMITER: Question = {
  slug: 'rate-limiter',
  title: 'Distributed rate limiter',
  level: 'mid',
  topics: ['rate-limiting', 'locking', 'cap', 'hot-keys', 'consistent-hashing', 'caching'],
  prompt:
    'Our public API runs behind a gateway on dozens of machines. Design a rate limiter that caps each client at a configurable number of requests per time window, for example 1,000 per minute, and tells clients when they have gone over.',
  requirements: {
    functional: [
      'Limit requests per client, identified by API key, or by IP address for anonymous calls',
      'Rules can differ per endpoint and per client tier, and can change without a deploy',
      'Over-limit requests are rejected with HTTP 429 and headers saying when to retry',
    ],
    nonFunctional: [
      'Handles 1 million requests per second across the gateway fleet',
      'Adds under 5 ms to a request at p99',
      'Counts are shared by all gateway instances; a few percent overshoot is acceptable',
      'If the limiter\'s store is unreachable, traffic keeps flowing (fail open)',
    ],
  },
  entities: [
    'Rule: client tier, endpoint, limit, window',
    'Client: API key, tier',
    'Counter state: client key and rule, count or tokens, window start or last refill time',
  ],
  hints: [
    {
      phase: 'requirements',
      text: 'Ask where the limiter runs (inside the gateway, as a sidecar, as its own service) and what identifies a client; anonymous traffic changes the answer.',
    },
    {
      phase: 'capacity',
      text: 'One counter update per request means 1 million updates per second. A single Redis node handles on the order of 100,000 simple commands per second, so plan for a cluster or for counting locally.',
    },
    {
      phase: 'entities',
      text: 'Rules change rarely and can be cached in every gateway; counter state changes on every request. Keep them apart.',
    },
    {
      phase: 'api',
      text: 'Internally: allow(clientKey, endpoint) returns { allowed, remaining, resetAt }. Externally: 429 with Retry-After and the remaining quota in response headers.',
    },
    {
      phase: 'high-level-design',
      text: 'Gateway instances check limits in-process against counters in a shared store such as Redis, so every instance sees the same count.',
    },
    {
      phase: 'high-level-design',
      text: 'Rules live in a database and are pushed to or polled by each gateway into memory, so looking up a rule costs nothing per request.',
    },
    {
      phase: 'deep-dives',
      text: 'Algorithms: fixed window (cheap, but allows double the limit across a window boundary), sliding log (exact, memory per request), sliding window counter (close approximation, two counters), token bucket (allows controlled bursts).',
    },
    {
      phase: 'deep-dives',
      text: 'Read-then-write from two gateways races. An atomic increment, or a short script that runs on the store, makes check-and-update a single step without any distributed lock.',
    },
    {
      phase: 'deep-dives',
      text: 'For the largest clients, each gateway can count locally and sync to the shared store every 100 ms or so, trading a little overshoot for latency and store load.',
    },
  ],
  probes: [
    {
      topic: 'rate-limiting',
      text: 'Compare fixed window, sliding window and token bucket. Which one fits a client that sends bursts, and why?',
    },
    {
      topic: 'locking',
      text: 'Two gateway instances both read a counter at 999 and both allow the request. How do you make check-and-increment atomic, and do you need a lock for it?',
    },
    {
      topic: 'cap',
      text: 'The counter store becomes unreachable. Do you fail open or fail closed, and what protects the backend in the meantime?',
    },
    {
      topic: 'hot-keys',
      text: 'One customer sends 200,000 requests per second with one API key. What happens to the store node holding that counter?',
    },
    {
      topic: 'consistent-hashing',
      text: 'Counters are spread over ten store nodes and you add an eleventh. With consistent hashing, roughly how many counters move, and what happens to the limits of the clients whose counters moved?',
    },
  ],
  signals: {
    requirements: [
      'Clarifies how clients are identified and where the limiter sits in the request path',
      'Chooses fail-open or fail-closed deliberately and connects it to availability',
    ],
    'data-api': [
      'Counter keys built from client, rule and window, with an expiry so stale keys vanish',
      'Standard 429 responses with retry information, so clients can back off properly',
    ],
    'high-level-design': [
      'A shared counter store reachable from every gateway instance, with rules cached locally',
      'Keeps the limiter on the hot path cheap: one round trip to the store at most',
    ],
    'deep-dives': [
      'Explains the boundary burst of fixed windows and picks an algorithm for a reason',
      'Atomic operations on the store instead of a distributed lock, with the race spelled out',
      'A plan for hot clients: local counting, approximate limits or dedicated capacity',
    ],
    communication: [
      'Compares algorithms with a small example (numbers on a timeline) instead of definitions',
      'Keeps the high-level design brief because the interesting part is the deep dive',
    ],
  },
};
