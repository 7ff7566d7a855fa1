import type { Question } from '../schema';

export const WEB_CRAWLER: Question = {
  slug: 'web-crawler',
  title: 'Web crawler',
  level: 'mid',
  topics: ['queues', 'deduplication', 'rate-limiting', 'storage', 'sharding'],
  prompt:
    'We are building a search engine and need to crawl about a billion web pages within five days. Design the crawler: it starts from a list of seed URLs, downloads each page, extracts its links and keeps going.',
  requirements: {
    functional: [
      'Start from seed URLs, fetch pages and extract the links they contain',
      'Store page content for the indexing team to process',
      'Obey robots.txt and never overload a single site',
      'Avoid fetching the same URL twice and storing the same content twice',
    ],
    nonFunctional: [
      '1 billion pages in 5 days: about 2,300 pages per second, sustained',
      'At most one request per second to any single domain, or slower if robots.txt asks',
      'A crashed worker loses no progress; the crawl resumes where it stopped',
      'About 100 TB of raw HTML at an average of 100 KB per page',
    ],
  },
  entities: [
    'Frontier entry: URL, domain, priority, earliest next fetch time',
    'Page: URL, content hash, storage key, fetched at, status',
    'Domain: robots rules, crawl delay, last fetch time',
  ],
  hints: [
    {
      phase: 'requirements',
      text: 'Ask about scope: HTML only or also images and PDFs, and whether pages need re-crawling later. Keep re-crawling below the line for a first pass.',
    },
    {
      phase: 'capacity',
      text: '1 billion pages over roughly 430,000 seconds is about 2,300 fetches per second; at 100 KB each, around 230 MB/s of download and about 100 TB in total.',
    },
    {
      phase: 'entities',
      text: 'The frontier (URLs waiting to be fetched) is the central piece of state; the domain entity carries what politeness needs.',
    },
    {
      phase: 'api',
      text: 'There is little public API here. Agree on the interfaces between stages instead, such as the message a fetcher sends to the parser, and move on.',
    },
    {
      phase: 'data-flow',
      text: 'Seeds go into the frontier; a fetcher resolves DNS, checks robots rules and downloads; raw HTML goes to blob storage; a parser extracts text and links; new URLs are filtered, de-duplicated and added to the frontier.',
    },
    {
      phase: 'high-level-design',
      text: 'Each stage is a pool of stateless workers connected by queues, so fetchers and parsers scale separately and a slow stage does not block the other.',
    },
    {
      phase: 'high-level-design',
      text: 'Store raw pages in blob storage and page metadata (URL, hash, status) in a database the indexer can query.',
    },
    {
      phase: 'deep-dives',
      text: 'Politeness: partition the frontier by domain so that one worker, or one queue, owns each domain and enforces its next allowed fetch time.',
    },
    {
      phase: 'deep-dives',
      text: 'Seen-URL check: a Bloom filter answers "definitely new" or "probably seen" in little memory; a false positive only skips a URL. For content, compare hashes of the page body.',
    },
    {
      phase: 'deep-dives',
      text: 'Crawler traps (endless calendars, session ids in URLs): limit URL length, depth and pages per domain.',
    },
  ],
  probes: [
    {
      topic: 'queues',
      text: 'A fetch times out. Where does the URL go, how many times do you retry, and where do URLs that keep failing end up?',
    },
    {
      topic: 'deduplication',
      text: 'How do you check whether a URL was already seen among billions, quickly and in bounded memory? What error does your choice allow?',
    },
    {
      topic: 'rate-limiting',
      text: 'Thousands of workers pull from the frontier. How do you guarantee that no domain receives more than one request per second?',
    },
    {
      topic: 'storage',
      text: 'Where do 100 TB of pages go, and how does the indexing team find the pages fetched since yesterday?',
    },
    {
      topic: 'sharding',
      text: 'The frontier holds billions of URLs. How would you partition it across machines, and what does the choice of partition key do for politeness?',
    },
  ],
  signals: {
    requirements: [
      'Raises politeness and robots rules without being prompted',
      'Turns "a billion pages in five days" into a per-second rate and uses it',
    ],
    'data-api': [
      'A frontier entry with a next-fetch time that makes politeness a query, not a sleep',
      'Pages keyed by URL with a content hash for duplicate detection',
    ],
    'high-level-design': [
      'Stages separated by queues with independent worker pools',
      'Raw content in blob storage and metadata in a database',
    ],
    'deep-dives': [
      'Domain-based partitioning of the frontier to enforce politeness',
      'A Bloom filter or an equivalent for seen URLs, with its false-positive trade-off explained',
      'Retries, a dead-letter queue and trap limits for problem URLs',
    ],
    communication: [
      'Uses the data-flow phase to lay out stages before drawing',
      'Tracks time and leaves room for politeness and de-duplication, the heart of this problem',
    ],
  },
};
