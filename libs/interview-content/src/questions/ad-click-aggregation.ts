import type { Question } from '../schema';

export const AD_CLICK_AGGREGATION: Question = {
  slug: 'ad-click-aggregation',
  title: 'Ad click aggregation',
  level: 'staff',
  topics: ['streaming', 'batch-processing', 'deduplication', 'idempotency', 'hot-keys', 'storage'],
  prompt:
    'Advertisers pay us per click, so every click on an ad has to be counted and reported. Design the system that records ad clicks and lets advertisers query click counts for their ads over any time range, with numbers that are nearly real-time and accurate enough to bill on.',
  requirements: {
    functional: [
      'A click on an ad is recorded and the user is redirected to the advertiser\'s site',
      'Advertisers query click counts per ad and per campaign over a time range, down to one-minute granularity',
      'Counts include new clicks within about a minute',
    ],
    nonFunctional: [
      '10,000 clicks per second on average and 50,000 at peak',
      'Queries over any range return in under 1 second',
      'Billed counts are exact: no click lost and none counted twice',
      'A failure in the pipeline delays counts but never corrupts them; raw data can be replayed',
      'Two years of history available to advertisers',
    ],
  },
  entities: [
    'Ad: id, campaign, advertiser, target URL',
    'Click event: click id, ad id, user or device id, timestamp',
    'Aggregate: ad id, minute, click count',
    'Campaign: id, advertiser, ads',
  ],
  hints: [
    {
      phase: 'requirements',
      text: 'Ask how accurate the real-time numbers must be compared with the invoice. Accepting approximate real-time numbers plus exact daily ones opens simpler designs.',
    },
    {
      phase: 'capacity',
      text: '50,000 clicks per second at peak is too many individual writes to aggregate in a transactional database. Minute-level aggregates per ad are small; raw events for replay go to cheap storage.',
    },
    {
      phase: 'entities',
      text: 'Raw click events are large and append-only; the queried data is the pre-aggregated counts. Keep both.',
    },
    {
      phase: 'api',
      text: 'GET /click/{impressionId} records the click and redirects; GET /ads/{id}/clicks?from=&to=&granularity=minute for advertisers.',
    },
    {
      phase: 'data-flow',
      text: 'Click service writes each event to a stream partitioned by ad id; a stream processor counts per ad per minute and writes to an analytics store; raw events are archived to blob storage for replay and reconciliation.',
    },
    {
      phase: 'high-level-design',
      text: 'Redirect service, event stream, stream processor, an OLAP store for aggregates, and a blob archive. The redirect must not wait on the aggregation.',
    },
    {
      phase: 'high-level-design',
      text: 'The query side reads pre-aggregated minute rows and rolls them up into hours or days; old data can be stored only at coarser granularity.',
    },
    {
      phase: 'deep-dives',
      text: 'Exactly-once counting: de-duplicate by click id, checkpoint the processor\'s position together with its output, and write aggregates idempotently (upsert by ad and minute).',
    },
    {
      phase: 'deep-dives',
      text: 'Reconciliation: a daily batch job recomputes counts from archived raw events; when it disagrees with the streamed numbers, the batch result is what gets billed.',
    },
    {
      phase: 'deep-dives',
      text: 'Hot ads: a partition keyed only by ad id overloads when one ad gets a large share of clicks. Add a small random suffix to the key and sum the partial counts afterwards.',
    },
  ],
  probes: [
    {
      topic: 'streaming',
      text: 'Clicks from mobile devices arrive several minutes late. Which minute do they count in, and how long does your processor wait for them?',
    },
    {
      topic: 'deduplication',
      text: 'A user double-clicks an ad, and a bot clicks it a thousand times. Which of those clicks do you bill, and where in the pipeline do you decide?',
    },
    {
      topic: 'idempotency',
      text: 'Your stream processor crashes and replays the last minute of events. How do you avoid counting those clicks twice?',
    },
    {
      topic: 'batch-processing',
      text: 'How do you prove the real-time numbers are right before sending invoices, and what happens when they are not?',
    },
    {
      topic: 'hot-keys',
      text: 'A Super Bowl advert receives 30% of all clicks for an hour. What happens to the partition keyed by that ad, and how do you fix it?',
    },
    {
      topic: 'storage',
      text: 'Which store serves advertisers\' queries over two years of minute-level data, and why not the transactional database?',
    },
  ],
  signals: {
    requirements: [
      'Separates near-real-time reporting accuracy from billing accuracy',
      'Treats the redirect as latency-critical and independent of counting',
    ],
    'data-api': [
      'Raw events with a unique click id, plus aggregates keyed by ad and minute',
      'A query API that works on pre-aggregated data at a chosen granularity',
    ],
    'high-level-design': [
      'A stream partitioned by ad id feeding a stream processor and an OLAP store',
      'A raw event archive kept for replay and audit',
    ],
    'deep-dives': [
      'Exactly-once effects from de-duplication, checkpoints and idempotent writes, explained mechanically',
      'Batch reconciliation as the billing source of truth',
      'Late events handled with event time and a bounded waiting window; hot ads handled with salted keys',
    ],
    communication: [
      'States up front which guarantee each component provides and holds to it',
      'Frames trade-offs in terms of money: what an over-count or an under-count costs',
    ],
  },
};
