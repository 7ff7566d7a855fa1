import type { Question } from '../schema';

export const URL_SHORTENER: Question = {
  slug: 'url-shortener',
  title: 'URL shortener',
  level: 'junior',
  topics: ['caching', 'hot-keys', 'indexing', 'sharding', 'consistency', 'replication'],
  prompt:
    'Let\'s build something like bit.ly. Someone pastes a long URL and gets back a short link; anyone who opens the short link lands on the original page. Design the backend for it.',
  requirements: {
    functional: [
      'A user can submit a long URL and receive a short URL for it',
      'A user can optionally pick a custom alias and an expiry date',
      'Anyone opening a short URL is redirected to the original URL',
      'Expired links stop redirecting',
    ],
    nonFunctional: [
      'Around 1 billion redirects a day (about 12,000 per second on average) against 10 million new links a day',
      'Redirects answer in under 100 ms at p99, not counting the client\'s network',
      'A short code never points to two different URLs; custom aliases are unique',
      'Redirects favour availability (99.99%); a new link taking a second to work everywhere is acceptable',
      'Short codes of at most 8 characters',
    ],
  },
  entities: [
    'Link: short code, long URL, owner, created at, expires at',
    'User: who owns links and custom aliases',
  ],
  hints: [
    {
      phase: 'requirements',
      text: 'Ask how often links are opened compared with how often they are created. At roughly 100 reads per write, the redirect path is what the design must make fast.',
    },
    {
      phase: 'capacity',
      text: 'At about 500 bytes per link, 10 million links a day is roughly 5 GB a day and under 2 TB a year: storage is not the hard part. Base62 with 7 characters gives about 3.5 trillion codes.',
    },
    {
      phase: 'entities',
      text: 'One entity does almost all the work: the link, looked up by its short code. Click analytics can stay below the line.',
    },
    {
      phase: 'api',
      text: 'POST /urls with { longUrl, alias?, expiresAt? } returns { shortUrl }; GET /{code} answers with a redirect. Ask whether it should be 301 or 302: browsers cache a 301, so later visits never reach the service.',
    },
    {
      phase: 'high-level-design',
      text: 'Separate the write path (create a link) from the read path (redirect). Both are stateless services behind a load balancer over one table keyed by short code.',
    },
    {
      phase: 'high-level-design',
      text: 'For making short codes, compare: hashing the URL and truncating (collisions must be checked), random codes with a uniqueness check on insert, and a counter encoded in base62 (no collisions, but sequential and guessable, and it needs a shared counter).',
    },
    {
      phase: 'deep-dives',
      text: 'Redirect latency: a cache such as Redis in front of the database, keyed by short code. A small share of links gets most of the traffic, so the hit rate is high; ask about eviction (LRU) and TTL.',
    },
    {
      phase: 'deep-dives',
      text: 'If a shared counter is used, it becomes a single point of contention. Each app server can reserve a block of values (say 1,000 at a time with an atomic increment) and hand them out locally.',
    },
    {
      phase: 'deep-dives',
      text: 'A link going viral concentrates load on one cache key. Options: a short-lived in-process cache on each app server, or copies of the hottest keys on several cache nodes.',
    },
  ],
  probes: [
    {
      topic: 'caching',
      text: 'Your cache maps short codes to long URLs. When a link is deleted or expires, how long can it keep redirecting, and is that acceptable?',
    },
    {
      topic: 'hot-keys',
      text: 'One link is posted on a huge homepage and receives 50,000 opens per second. Which part of your design fails first?',
    },
    {
      topic: 'indexing',
      text: 'How do you guarantee a custom alias is unique, and what makes that check fast at a billion rows?',
    },
    {
      topic: 'consistency',
      text: 'Two users ask for the same custom alias at the same moment. What guarantees that exactly one of them gets it?',
    },
    {
      topic: 'sharding',
      text: 'The link table outgrows one machine. What is your shard key, and which query stops being cheap, for example "list my links"?',
    },
    {
      topic: 'replication',
      text: 'You add read replicas for redirects. A user creates a link and opens it immediately, but the replica has not caught up yet. What do they see, and how would you avoid it?',
    },
  ],
  signals: {
    requirements: [
      'Notices the heavy read-to-write ratio and makes redirect latency the main quality target',
      'Keeps analytics and link editing below the line unless the interviewer asks for them',
    ],
    'data-api': [
      'Uses the short code as the primary key, so a unique constraint settles alias races',
      'Chooses between 301 and 302 knowingly, aware that a cached 301 hides later clicks from the service',
    ],
    'high-level-design': [
      'Separate read and write paths, with a cache on the read path',
      'A collision-free way of assigning short codes, with its trade-offs said out loud',
    ],
    'deep-dives': [
      'Counter ranges handed out in blocks, or pre-allocated codes, so assigning codes never becomes the bottleneck',
      'Reasons about cache size, eviction and what happens when one link gets extreme traffic',
      'Handles expiry on read (check the expiry date) as well as cleanup in the background',
    ],
    communication: [
      'Has a working redirect flow on the board within the first 20 minutes',
      'Lays out the short-code options briefly and commits to one rather than debating at length',
    ],
  },
};
