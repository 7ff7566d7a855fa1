import type { Question } from '../schema';

export const PASTEBIN: Question = {
  slug: 'pastebin',
  title: 'Pastebin',
  level: 'junior',
  topics: ['storage', 'presigned-uploads', 'cdn', 'caching', 'batch-processing', 'pagination'],
  prompt:
    'Design a text-sharing service like Pastebin. A user pastes a block of text, such as code or a log file, and receives a link they can share; anyone with the link can read it. Pastes can be large, and their owner may give them an expiry time.',
  requirements: {
    functional: [
      'A user can create a paste of up to 10 MB of text, optionally with an expiry time',
      'Anyone with the link can read the paste',
      'Expired pastes can no longer be read and are eventually deleted',
      'A signed-in user can list their own pastes',
    ],
    nonFunctional: [
      '1 million new pastes a day and about 10 reads per paste',
      'Small pastes load in under 200 ms at p99',
      'A paste that was saved is never lost before it expires',
      'Links of unlisted pastes cannot be guessed',
    ],
  },
  entities: [
    'Paste: id, owner (optional), size, content location, created at, expires at',
    'Paste content: the text itself, stored as an object',
    'User: owner of pastes, for listing them',
  ],
  hints: [
    {
      phase: 'requirements',
      text: 'Ask how large pastes can get and how long they live; those two answers decide where the text is stored.',
    },
    {
      phase: 'capacity',
      text: 'At an average of 10 KB, 1 million pastes a day is about 10 GB a day, roughly 3.6 TB a year. That is awkward inside database rows and trivial for object storage.',
    },
    {
      phase: 'entities',
      text: 'Separate the small, queryable metadata (who, when, expiry) from the large body that is always read whole.',
    },
    {
      phase: 'api',
      text: 'POST /pastes returns the paste id and where to upload the body; GET /pastes/{id} returns metadata and the body, or a URL for it; GET /users/me/pastes lists with a cursor.',
    },
    {
      phase: 'high-level-design',
      text: 'Metadata in a relational table keyed by paste id; the body in object storage under the same id. The read path fetches metadata, checks expiry, then serves the body.',
    },
    {
      phase: 'high-level-design',
      text: 'Paste ids should be random and long enough that unlisted pastes cannot be found by guessing, unlike a short sequential code.',
    },
    {
      phase: 'deep-dives',
      text: 'Large bodies should not flow through the API servers: the client can upload straight to object storage with a presigned URL, then confirm.',
    },
    {
      phase: 'deep-dives',
      text: 'Popular pastes: put a CDN in front of the bodies with a cache lifetime no longer than the time left before expiry; cache metadata by id.',
    },
    {
      phase: 'deep-dives',
      text: 'Expiry needs two parts: a check on every read so nothing expired is served, and a periodic job or storage lifecycle rule that actually deletes.',
    },
  ],
  probes: [
    {
      topic: 'storage',
      text: 'Why not keep the paste text in the database? At what sizes and volumes does that start to hurt?',
    },
    {
      topic: 'presigned-uploads',
      text: 'How would the client upload a 10 MB paste directly to object storage, and how does your service learn that the upload finished?',
    },
    {
      topic: 'cdn',
      text: 'A paste is linked from a busy forum. How do you serve it without hitting your servers on every read, and what happens at the moment it expires?',
    },
    {
      topic: 'batch-processing',
      text: 'Millions of pastes expire every day. How are they deleted, and what stops an expired paste from being served before the cleanup runs?',
    },
    {
      topic: 'pagination',
      text: 'A user has 20,000 pastes. How does "my pastes" page through them, and why is a cursor better than an offset here?',
    },
  ],
  signals: {
    requirements: [
      'Asks about maximum size and expiry before choosing storage',
      'Treats unguessable links as a requirement, not an afterthought',
    ],
    'data-api': [
      'Splits metadata (relational row) from body (object), linked by the paste id',
      'A cursor on created-at and id for listing a user\'s pastes',
    ],
    'high-level-design': [
      'A read path that checks expiry before serving',
      'Object storage for bodies and a database for metadata, with a reason for each',
    ],
    'deep-dives': [
      'Direct uploads with presigned URLs and a completion step',
      'CDN caching whose lifetime respects expiry, plus a deletion job or lifecycle rule',
    ],
    communication: [
      'Keeps the design small and finishes the core flow early',
      'States assumptions about paste size and traffic out loud before using them',
    ],
  },
};
