import type { Question } from '../schema';

export const VIDEO_STREAMING: Question = {
  slug: 'video-streaming',
  title: 'Video streaming platform',
  level: 'senior',
  topics: ['presigned-uploads', 'queues', 'cdn', 'hot-keys', 'storage', 'batch-processing'],
  prompt:
    'Design a video platform like YouTube. Creators upload videos, and viewers around the world watch them smoothly on phones, laptops and TVs, over fast and slow connections alike.',
  requirements: {
    functional: [
      'Creators can upload videos of up to 10 GB',
      'Viewers can watch a video, with quality adapting to their connection',
      'Viewers see a video\'s title, description and view count',
    ],
    nonFunctional: [
      '500,000 uploads and 1 billion views a day',
      'Playback starts within 2 seconds and rarely stalls',
      'Playback favours availability; a new upload may take minutes to become watchable',
      'Originals and processed videos are stored durably',
    ],
  },
  entities: [
    'Video: id, creator, title, description, status (uploading, processing, ready), duration',
    'Rendition: video, resolution, bitrate, manifest location',
    'Segment: rendition, index, storage key (a few seconds of video)',
    'View count: video, count',
  ],
  hints: [
    {
      phase: 'requirements',
      text: 'Ask what "smoothly" means in numbers (time to first frame, stalls) and which devices matter; this leads to multiple renditions and adaptive streaming.',
    },
    {
      phase: 'capacity',
      text: 'A billion views a day at several MB per minute watched makes egress the dominant cost by far; serving from origin servers is not an option, so a CDN is assumed.',
    },
    {
      phase: 'entities',
      text: 'A video has several renditions, and each rendition is a list of short segments described by a manifest. That structure is what the player consumes.',
    },
    {
      phase: 'api',
      text: 'POST /videos returns an id and upload URLs; POST /videos/{id}/complete starts processing; GET /videos/{id} returns metadata and the manifest URL. The video bytes themselves never go through the API.',
    },
    {
      phase: 'data-flow',
      text: 'Upload original to blob storage, split into segments, transcode each segment into each rendition in parallel, write manifests, mark the video ready, push popular content to the CDN.',
    },
    {
      phase: 'high-level-design',
      text: 'Metadata in a database; originals, segments and manifests in blob storage; a processing pipeline driven by a queue of transcoding tasks; a CDN serving segments to players.',
    },
    {
      phase: 'high-level-design',
      text: 'Adaptive streaming (HLS or DASH): the player reads a manifest listing renditions and fetches segments of a few seconds, switching rendition as its bandwidth changes.',
    },
    {
      phase: 'deep-dives',
      text: 'Processing: split the work into per-segment, per-rendition tasks on a queue so transcoding runs in parallel and a failed task retries alone; outputs keyed deterministically make retries safe.',
    },
    {
      phase: 'deep-dives',
      text: 'View counts: a single row per popular video becomes a hot spot. Buffer increments in a stream or in sharded counters and aggregate periodically.',
    },
  ],
  probes: [
    {
      topic: 'presigned-uploads',
      text: 'How does a 5 GB upload get from the creator\'s laptop into storage, and what happens if the connection drops halfway?',
    },
    {
      topic: 'queues',
      text: 'Transcoding a two-hour video on one machine takes hours. How do you make it fast, and what happens when a worker dies halfway through?',
    },
    {
      topic: 'cdn',
      text: 'Most views go to a small share of videos. How do you serve them worldwide, and what about the long tail that is rarely watched?',
    },
    {
      topic: 'hot-keys',
      text: 'A video gets a million views in its first hour. How do you count them without a hot row in the database?',
    },
    {
      topic: 'storage',
      text: 'Where do originals, renditions and metadata each live? How would you cut storage cost for videos nobody watches?',
    },
  ],
  signals: {
    requirements: [
      'Turns "smooth playback" into time-to-first-frame and stall targets',
      'Accepts processing delay for new uploads in exchange for reliable playback',
    ],
    'data-api': [
      'A video with renditions and segments described by manifests',
      'Uploads and playback kept off the API servers, using presigned URLs and the CDN',
    ],
    'high-level-design': [
      'Separate upload, processing and playback paths',
      'Adaptive bitrate streaming explained in terms of manifests and segments',
    ],
    'deep-dives': [
      'Parallel, retryable transcoding tasks driven by a queue',
      'CDN strategy for popular videos and cheaper storage tiers for the long tail',
      'Aggregated view counting that avoids a hot row',
    ],
    communication: [
      'Uses the data-flow phase to lay out the processing pipeline before drawing',
      'Keeps recommendations and comments out of scope without being asked',
    ],
  },
};
