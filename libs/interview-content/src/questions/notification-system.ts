import type { Question } from '../schema';

export const NOTIFICATION_SYSTEM: Question = {
  slug: 'notification-system',
  title: 'Notification system',
  level: 'mid',
  topics: ['queues', 'idempotency', 'rate-limiting', 'fan-out', 'batch-processing'],
  prompt:
    'Many teams in our company need to reach users: order shipped, password changed, a weekly digest. Design a single notification service that sends push notifications, SMS and email on their behalf and respects what each user has opted into.',
  requirements: {
    functional: [
      'Internal services send a notification request: user, template, data and allowed channels',
      'Notifications are delivered by push, SMS or email through third-party providers',
      'Users set preferences per channel and category, and opt-outs are always honoured',
      'A team can schedule a campaign to millions of users',
    ],
    nonFunctional: [
      '10 million notifications a day, with campaign bursts of 1 million within a few minutes',
      'Transactional messages such as password resets arrive within 30 seconds, even during a campaign',
      'At-least-once delivery to providers, with duplicates suppressed so users rarely see one twice',
      'A provider outage delays notifications but loses none',
    ],
  },
  entities: [
    'Notification: id, user, template, channel, priority, status, idempotency key',
    'Template: id, channel, localised content with placeholders',
    'Preference: user, category, channel, opted in or out',
    'Contact: user\'s device tokens, phone number and email address',
    'Delivery attempt: notification, provider, result, time',
  ],
  hints: [
    {
      phase: 'requirements',
      text: 'Ask which messages are urgent. The split between transactional and bulk traffic shapes the whole design.',
    },
    {
      phase: 'entities',
      text: 'The notification needs a status (queued, sent, failed) and the caller\'s idempotency key; delivery attempts are worth keeping for debugging.',
    },
    {
      phase: 'api',
      text: 'POST /notifications with { userId, template, data, channels, priority, idempotencyKey } returns 202 and an id; a separate endpoint creates campaigns for a user segment.',
    },
    {
      phase: 'high-level-design',
      text: 'Accept, validate and check preferences in an API service, then enqueue. Workers per channel pull from their queue, render the template and call the provider.',
    },
    {
      phase: 'high-level-design',
      text: 'Use separate queues (or priorities) per channel and per urgency, so a campaign backlog never delays a password reset.',
    },
    {
      phase: 'deep-dives',
      text: 'Failures: retry with exponential backoff and jitter, move messages that keep failing to a dead-letter queue, and stop calling a provider that is down (circuit breaker) instead of hammering it.',
    },
    {
      phase: 'deep-dives',
      text: 'Providers cap throughput per account. A shared token bucket across workers, or a fixed number of consumers per provider, keeps within the cap and lets the queue absorb the rest.',
    },
    {
      phase: 'deep-dives',
      text: 'Campaigns: expand the audience in pages in a background job, checkpointing progress so a crash resumes instead of starting over and sending twice.',
    },
  ],
  probes: [
    {
      topic: 'queues',
      text: 'A campaign enqueues 5 million emails. How do password-reset emails avoid waiting behind them?',
    },
    {
      topic: 'idempotency',
      text: 'The calling service times out and resends the same "order shipped" request. How do you avoid sending a second SMS?',
    },
    {
      topic: 'rate-limiting',
      text: 'The SMS provider allows 100 messages per second on your account. How do 20 workers respect that limit together?',
    },
    {
      topic: 'fan-out',
      text: 'Someone asks to notify all 10 million users. Where does one request turn into 10 million messages, and how do you make that step restartable?',
    },
    {
      topic: 'batch-processing',
      text: 'The weekly digest needs content assembled for each user. Would you build it on the fly at send time or in a batch beforehand? What does each cost?',
    },
  ],
  signals: {
    requirements: [
      'Separates urgent transactional messages from bulk campaigns and gives each a latency target',
      'Treats opt-outs as a hard rule, including for campaigns already queued',
    ],
    'data-api': [
      'An idempotency key supplied by the caller and stored with a uniqueness constraint',
      'An asynchronous API (202 plus an id to check status) rather than waiting on a provider',
    ],
    'high-level-design': [
      'Queues per channel and priority, with workers that scale independently',
      'Preference checks before enqueueing, and again before sending for delayed messages',
    ],
    'deep-dives': [
      'Retries with backoff, a dead-letter queue and a circuit breaker per provider',
      'Throughput kept under provider limits with back-pressure into the queue',
      'Restartable campaign expansion with checkpoints',
    ],
    communication: [
      'Walks one message end to end, including its failure path, before generalising',
      'Prioritises failure handling over channel-specific details when time is short',
    ],
  },
};
