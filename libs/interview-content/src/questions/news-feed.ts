import type { Question } from '../schema';

export const NEWS_FEED: Question = {
  slug: 'news-feed',
  title: 'News feed',
  level: 'senior',
  topics: ['fan-out', 'hot-keys', 'pagination', 'caching', 'queues', 'sharding'],
  prompt:
    'Design the home feed of a social network such as Facebook or X. Users follow other users and open the app to a feed of recent posts from everyone they follow, newest first, and keep scrolling for more.',
  requirements: {
    functional: [
      'Users can publish a post',
      'Users can follow and unfollow other users',
      'Users see a feed of posts from the accounts they follow, newest first',
      'Users can scroll the feed page by page',
    ],
    nonFunctional: [
      '200 million daily users opening the feed about 10 times a day: around 23,000 feed reads per second on average; 20 million new posts a day',
      'A feed page loads in under 300 ms at p99',
      'A new post may take up to a minute to reach followers\' feeds',
      'Some accounts have 100 million followers; a user follows at most 5,000 accounts',
    ],
  },
  entities: [
    'User: id, profile',
    'Follow: follower id, followee id, created at',
    'Post: id, author id, content, created at',
    'Feed item: owner id, post id, created at (precomputed feed)',
  ],
  hints: [
    {
      phase: 'requirements',
      text: 'Ask for the follower distribution. The gap between a typical account and a celebrity is what this question is really about.',
    },
    {
      phase: 'capacity',
      text: 'Reads outnumber posts by more than 100 to 1, and an average author with a few hundred followers turns 20 million posts into billions of feed insertions a day.',
    },
    {
      phase: 'entities',
      text: 'Posts and the follow graph are the source of truth; a precomputed feed is a derived entity that can be rebuilt.',
    },
    {
      phase: 'api',
      text: 'POST /posts; POST /follows and DELETE /follows/{userId}; GET /feed?cursor={cursor}&limit=20 with an opaque cursor, never an offset.',
    },
    {
      phase: 'high-level-design',
      text: 'The simplest design works first: on feed read, fetch the followee list, query their recent posts, merge and sort. Then ask what breaks at 23,000 reads per second.',
    },
    {
      phase: 'high-level-design',
      text: 'Fan-out on write: when a post is created, a worker pushes its id onto each follower\'s feed list (for example a capped Redis list), so a read is a single lookup plus post hydration.',
    },
    {
      phase: 'deep-dives',
      text: 'Celebrities: skip fan-out for accounts above a follower threshold and merge their recent posts in at read time (a hybrid of push and pull).',
    },
    {
      phase: 'deep-dives',
      text: 'Cache feed id lists and post bodies separately: lists per user, posts by id. A viral post is then one hot key that can be replicated, rather than copies inside millions of lists.',
    },
  ],
  probes: [
    {
      topic: 'fan-out',
      text: 'Compare fan-out on write with fan-out on read. Which do you choose here, and where does each one break?',
    },
    {
      topic: 'hot-keys',
      text: 'An account with 100 million followers posts. Walk me through what your design does, and how you fix it.',
    },
    {
      topic: 'pagination',
      text: 'The user scrolls while new posts keep arriving. Why does offset pagination show duplicates here, and what goes in your cursor instead?',
    },
    {
      topic: 'caching',
      text: 'What exactly do you cache: rendered feeds, lists of post ids, post bodies? What happens to the caches when a post is deleted?',
    },
    {
      topic: 'queues',
      text: 'Fan-out for an author with 50,000 followers takes a few seconds. How do you keep publishing fast, and what happens if a fan-out worker dies halfway through?',
    },
    {
      topic: 'sharding',
      text: 'How do you store the follow graph so that both "whom do I follow" and "who follows me" are fast at this scale?',
    },
  ],
  signals: {
    requirements: [
      'Asks about the follower distribution and the tolerated delay before choosing an approach',
      'States that feed freshness can be eventual while publishing must be durable',
    ],
    'data-api': [
      'Cursor pagination keyed on creation time and post id',
      'A follow graph stored or indexed in both directions',
    ],
    'high-level-design': [
      'Starts from a correct pull-based design, then moves to precomputed feeds for a stated reason',
      'Asynchronous fan-out through a queue, so publishing is not slowed by follower count',
    ],
    'deep-dives': [
      'A hybrid push and pull model with a follower threshold for celebrities',
      'Feed lists capped in length, with post bodies cached separately by id',
      'Idempotent fan-out inserts, so a retried batch does not duplicate feed items',
    ],
    communication: [
      'Names the celebrity problem early and signposts that the deep dive will cover it',
      'Keeps the board readable with separate write and read paths',
    ],
  },
};
