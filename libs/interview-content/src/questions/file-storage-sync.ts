import type { Question } from '../schema';

export const FILE_SYNC: Question = {
  slug: 'file-storage-sync',
  title: 'File storage and sync',
  level: 'senior',
  topics: ['presigned-uploads', 'storage', 'deduplication', 'real-time', 'consistency', 'pagination'],
  prompt:
    'Design a file storage service like Dropbox or Google Drive. Users upload files from any device, download them anywhere, share them with others, and their devices stay in sync without any manual step.',
  requirements: {
    functional: [
      'Users can upload files of up to 50 GB',
      'Users can download their files from any device',
      'Users can share a file or folder with other users',
      'Changes made on one device appear automatically on the user\'s other devices',
    ],
    nonFunctional: [
      '100 million users storing an average of 10 GB each: about 1 EB before replication',
      'A file is never lost once its upload is confirmed',
      'Uploads survive network drops and resume instead of restarting',
      'Changes reach other online devices within a few seconds; browsing file lists favours availability',
    ],
  },
  entities: [
    'File: id, owner, parent folder, name, size, current version, status',
    'File version: file, version number, ordered list of chunk hashes',
    'Chunk: content hash, size, storage key',
    'Share: file or folder, user, permission',
    'Change log entry: user, sequence number, file, kind of change',
  ],
  hints: [
    {
      phase: 'requirements',
      text: 'Ask about maximum file size and offline editing; a 50 GB file rules out sending it in one request, and offline edits raise conflicts.',
    },
    {
      phase: 'capacity',
      text: '100 million users at 10 GB each is about 1 EB. Contents can only live in blob storage; metadata, a few hundred bytes per file, belongs in a database partitioned by user.',
    },
    {
      phase: 'entities',
      text: 'Keep file metadata apart from file content; describing a version as a list of chunk hashes makes resumable uploads and de-duplication fall out naturally.',
    },
    {
      phase: 'api',
      text: 'POST /files to start an upload (returns upload targets for missing chunks); POST /files/{id}/complete; GET /files/{id}/download; GET /changes?cursor= for sync; POST /shares.',
    },
    {
      phase: 'high-level-design',
      text: 'Clients upload content directly to blob storage using presigned URLs; the metadata service records files, versions and chunks in a relational database.',
    },
    {
      phase: 'high-level-design',
      text: 'Sync: every change appends to a per-user change log. Each device remembers its cursor and asks for changes since then; a notification tells online devices to ask.',
    },
    {
      phase: 'deep-dives',
      text: 'Chunking: split files into chunks of a few MB, hash each one, and upload only chunks the server does not already have. Uploading parts in this way also makes an interrupted upload resumable.',
    },
    {
      phase: 'deep-dives',
      text: 'Conflicts: each upload names the version it was based on. If the current version has moved on, keep both and create a conflicted copy rather than silently overwriting.',
    },
  ],
  probes: [
    {
      topic: 'presigned-uploads',
      text: 'Why shouldn\'t a 50 GB file pass through your application servers? How does the client upload it instead, and how is the upload authorised?',
    },
    {
      topic: 'storage',
      text: 'The connection drops at 80% of a 50 GB upload. What does the user lose, and what does the client do when it reconnects?',
    },
    {
      topic: 'deduplication',
      text: 'A user edits one line of a 2 GB file. What gets uploaded, and how does the client find out which chunks the server already holds?',
    },
    {
      topic: 'real-time',
      text: 'How does a laptop learn that a file changed on the user\'s phone: polling, long polling, server-sent events or WebSockets? What does each cost with 100 million users?',
    },
    {
      topic: 'consistency',
      text: 'Two devices edit the same file offline and then both sync. What does the user end up with?',
    },
    {
      topic: 'pagination',
      text: 'A device has been offline for a month. How does it fetch exactly the changes it missed, no more and no fewer?',
    },
  ],
  signals: {
    requirements: [
      'Asks about file size limits and offline edits before designing uploads',
      'Separates durability of content from freshness of sync',
    ],
    'data-api': [
      'Metadata in a database; contents in blob storage as hashed chunks',
      'A change log with a monotonic cursor per user for sync',
    ],
    'high-level-design': [
      'Direct uploads to blob storage with presigned URLs, confirmed through the metadata service',
      'A sync flow built on a notification plus a pull of changes since the device\'s cursor',
    ],
    'deep-dives': [
      'Chunked, resumable uploads that send only missing chunks',
      'Conflict detection using the base version, with conflicted copies kept',
      'Notification channels sized for many idle devices, such as long polling or server-sent events',
    ],
    communication: [
      'Separates the upload path and the sync path clearly on the board',
      'Uses a concrete scenario (edit on phone, laptop wakes up) to explain sync',
    ],
  },
};
