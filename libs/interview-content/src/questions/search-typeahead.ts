import type { Question } from '../schema';

export const TYPEAHEAD: Question = {
  slug: 'search-typeahead',
  title: 'Search typeahead',
  level: 'mid',
  topics: ['caching', 'batch-processing', 'streaming', 'sharding', 'search', 'cdn'],
  prompt:
    'As someone types into our search box, we want to suggest the ten most popular searches that start with what they have typed so far. Design the service behind those suggestions for a site handling a billion searches a day.',
  requirements: {
    functional: [
      'Return the top 10 completions for a typed prefix, ranked by popularity',
      'Suggestions reflect recent search trends within a day',
      'Offensive or blocked terms never appear as suggestions',
    ],
    nonFunctional: [
      '1 billion searches a day and about 5 suggestion requests per search: roughly 60,000 requests per second on average, more at peak',
      'Suggestions appear within 100 ms of a keystroke, so the server has a few tens of milliseconds',
      'Availability over freshness: slightly stale suggestions are fine',
      'Blocked terms disappear from suggestions within minutes of being blocked',
    ],
  },
  entities: [
    'Search log entry: query text, time',
    'Term statistics: query text, count over a time window',
    'Suggestion list: prefix, top 10 queries with scores',
    'Blocklist entry: term',
  ],
  hints: [
    {
      phase: 'requirements',
      text: 'Ask how fresh suggestions must be. A day allows a batch pipeline; minutes needs streaming as well.',
    },
    {
      phase: 'capacity',
      text: 'A billion searches with about five keystroke requests each is 5 billion requests a day. The read path has to be memory lookups; the write path can be offline.',
    },
    {
      phase: 'entities',
      text: 'The key entity is a precomputed suggestion list per prefix; raw search logs are only the input to building it.',
    },
    {
      phase: 'api',
      text: 'GET /suggestions?q={prefix} returns up to ten strings. It is cacheable, so the response headers matter.',
    },
    {
      phase: 'high-level-design',
      text: 'Serve from an in-memory trie, or a map from prefix to precomputed top 10, loaded on every suggestion server. Answering at request time by scanning the subtree is too slow.',
    },
    {
      phase: 'high-level-design',
      text: 'Build offline: search logs land in storage, a periodic job counts queries, builds the prefix lists and publishes a new version that servers swap in atomically.',
    },
    {
      phase: 'deep-dives',
      text: 'Caching layers: the browser keeps recent answers, a CDN serves the short, very common prefixes, and the servers hold everything else in memory.',
    },
    {
      phase: 'deep-dives',
      text: 'Partitioning the data by first letter is uneven (far more words start with "s" than "x"); split by prefix ranges sized on measured traffic, or replicate a full copy if it fits in memory.',
    },
  ],
  probes: [
    {
      topic: 'caching',
      text: 'Most requests are for one- or two-letter prefixes. How do you serve those without reaching the suggestion servers at all?',
    },
    {
      topic: 'batch-processing',
      text: 'How do search logs become updated suggestions, how often does that run, and how do servers switch to a new version safely?',
    },
    {
      topic: 'streaming',
      text: 'Product wants a breaking-news term to appear within ten minutes. What do you add, and how do you combine it with the daily build?',
    },
    {
      topic: 'sharding',
      text: 'The suggestion data no longer fits on one machine. How do you split it, and what goes wrong with a split by first letter?',
    },
    {
      topic: 'search',
      text: 'Why not run a prefix query against a search engine such as Elasticsearch on every keystroke? When would that be the right choice?',
    },
  ],
  signals: {
    requirements: [
      'Pins down freshness, because it decides between batch and streaming',
      'Includes filtering of blocked terms as a requirement',
    ],
    'data-api': [
      'Top-k lists precomputed per prefix instead of ranking at query time',
      'A small, cacheable GET with sensible cache headers',
    ],
    'high-level-design': [
      'An offline build path and an in-memory read path, kept separate',
      'Versioned builds that servers load and swap atomically',
    ],
    'deep-dives': [
      'Layered caching, with a CDN for short prefixes',
      'Partitioning that accounts for the uneven distribution of prefixes',
      'A streaming layer for trending terms, merged with the batch counts',
    ],
    communication: [
      'Quantifies request volume early and lets it drive the "precompute everything" decision',
      'Explains the trie or prefix map with a concrete example prefix',
    ],
  },
};
