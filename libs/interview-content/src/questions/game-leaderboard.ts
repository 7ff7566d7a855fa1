import type { Question } from '../schema';

export const LEADERBOARD: Question = {
  slug: 'game-leaderboard',
  title: 'Game leaderboard',
  level: 'junior',
  topics: ['caching', 'sharding', 'hot-keys', 'consistency', 'idempotency', 'replication'],
  prompt:
    'A mobile game has 50 million players, and every finished match changes a player\'s score. Design the leaderboard: players want to see the global top 100 and their own rank, both close to real time.',
  requirements: {
    functional: [
      'The game server reports a player\'s new score after each match',
      'Players can view the global top 100',
      'Players can view their own rank and the players just above and below them',
      'A weekly leaderboard that resets every Monday',
    ],
    nonFunctional: [
      '50 million players, 10 million of them active daily; about 5,000 score updates per second at peak',
      'Top-100 and own-rank views return in under 100 ms at p99',
      'A new score shows up in rankings within a few seconds (eventual consistency is fine)',
      'Scores are never lost, even if the ranking store is wiped',
    ],
  },
  entities: [
    'Player: id, display name',
    'Match result: match id, player id, score, finished at',
    'Leaderboard: id, period (all-time or a given week)',
    'Leaderboard entry: leaderboard, player, score',
  ],
  hints: [
    {
      phase: 'requirements',
      text: 'Ask whether ties matter and whether "rank" must be exact for players far down the list; both change how hard the ranking problem is.',
    },
    {
      phase: 'capacity',
      text: '50 million entries of about 100 bytes each is around 5 GB: one in-memory sorted set holds it, and 5,000 updates per second is light for it.',
    },
    {
      phase: 'entities',
      text: 'Keep the durable record of match results apart from the ranking structure, which is a derived view that can be rebuilt.',
    },
    {
      phase: 'api',
      text: 'POST /matches/{id}/results from the game server; GET /leaderboards/{id}/top?limit=100; GET /leaderboards/{id}/players/me for own rank and neighbours.',
    },
    {
      phase: 'high-level-design',
      text: 'A database row per rank with ORDER BY works for the top 100 but not for "what is my rank" among 50 million. Steer toward a structure that keeps members sorted by score.',
    },
    {
      phase: 'high-level-design',
      text: 'A Redis sorted set per leaderboard: adding a score and reading a member\'s rank are both O(log n), and the top 100 is a range read. Match results stay in the database as the source of truth.',
    },
    {
      phase: 'deep-dives',
      text: 'Weekly boards: a separate key per week (e.g. by ISO week) avoids any reset job; old weeks can expire.',
    },
    {
      phase: 'deep-dives',
      text: 'Recovery: if the sorted set is lost, rebuild it from match results, or rely on the store\'s persistence and a replica; ask how long a rebuild of 50 million entries would take.',
    },
  ],
  probes: [
    {
      topic: 'caching',
      text: 'Right after a tournament ends, everyone opens the top-100 view. Would you cache that response, and for how long?',
    },
    {
      topic: 'sharding',
      text: 'The game grows to 500 million players and one sorted set no longer fits on a node. How do you split it and still answer "what is my rank"?',
    },
    {
      topic: 'hot-keys',
      text: 'All reads and writes for the all-time board hit a single key on one node. What is the limit of that, and what would you do when you reach it?',
    },
    {
      topic: 'consistency',
      text: 'A player finishes a match, opens the leaderboard and sees their old score. Is that acceptable? If product says no, what changes?',
    },
    {
      topic: 'idempotency',
      text: 'The game server retries a score report after a timeout. How do you make sure the match is not counted twice?',
    },
    {
      topic: 'replication',
      text: 'The node holding the sorted set fails. What do players see while a replica takes over, and can recent scores be lost?',
    },
  ],
  signals: {
    requirements: [
      'Separates the all-time and weekly boards and asks how ties are ordered',
      'Accepts a few seconds of staleness explicitly, because rankings are not money',
    ],
    'data-api': [
      'Match results as the durable record; rankings as a derived, rebuildable view',
      'Match id carried in the score report so retries can be recognised',
    ],
    'high-level-design': [
      'A sorted structure (such as a Redis sorted set) that gives rank and top-N in logarithmic time',
      'Explains why a plain ORDER BY over 50 million rows fails for own-rank queries',
    ],
    'deep-dives': [
      'Splitting by score range so a rank is a sum of counts from higher ranges plus a local rank, or a stated alternative',
      'Recovery from the source of truth, with an estimate of how long it takes',
    ],
    communication: [
      'Explains the data structure simply enough for a peer to check the complexity claims',
      'Reaches the sorted-set idea with at most one hint and moves on',
    ],
  },
};
