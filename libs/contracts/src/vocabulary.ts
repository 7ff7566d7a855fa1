/**
 * The words the question bank, pairing requests and the matchmaker share. They live here, where
 * every other project may import them, so the lists exist once.
 */

/** In order of seniority: the matchmaker and question choice measure distance by position. */
export const LEVELS = ['junior', 'mid', 'senior', 'staff'] as const;
export type Level = (typeof LEVELS)[number];

/** The concepts questions are tagged with and probes are filed under (also the pairing filter). */
export const TOPICS = [
  'caching',
  'sharding',
  'replication',
  'consistent-hashing',
  'indexing',
  'queues',
  'streaming',
  'batch-processing',
  'consistency',
  'cap',
  'locking',
  'idempotency',
  'deduplication',
  'fan-out',
  'hot-keys',
  'pagination',
  'presigned-uploads',
  'cdn',
  'storage',
  'search',
  'real-time',
  'geo',
  'rate-limiting',
] as const;
export type Topic = (typeof TOPICS)[number];
