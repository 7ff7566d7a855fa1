import type { Question } from '../schema';

export const CHAT_MESSAGING: Question = {
  slug: 'chat-messaging',
  title: 'Chat and messaging app',
  level: 'mid',
  topics: ['real-time', 'fan-out', 'sharding', 'consistency', 'idempotency', 'pagination'],
  prompt:
    'Design a messaging app like WhatsApp or Messenger. People chat one-to-one and in small groups; messages appear instantly when the recipient is online, and anything missed is waiting when they come back.',
  requirements: {
    functional: [
      'Users can send messages in one-to-one chats and in groups of up to 100 members',
      'Online recipients receive messages in real time',
      'Users coming back online, on any of their devices, receive what they missed',
      'Users can scroll back through a chat\'s history',
    ],
    nonFunctional: [
      '50 million daily users sending about 40 messages each: 2 billion messages a day, roughly 23,000 per second on average',
      'Delivery to an online recipient in under 500 ms',
      'A message acknowledged to its sender is never lost',
      'Every member of a chat sees its messages in the same order',
    ],
  },
  entities: [
    'User: id, devices',
    'Chat: id, type (direct or group), members',
    'Message: chat id, sequence number within the chat, sender, body, sent at, client message id',
    'Device: id, user, connection server, last sequence received per chat',
  ],
  hints: [
    {
      phase: 'requirements',
      text: 'Ask about group size and multiple devices per user; both change how delivery and catch-up work. Read receipts, presence and media can stay below the line.',
    },
    {
      phase: 'entities',
      text: 'Messages belong to a chat and are ordered within it. A per-chat sequence number is the natural key for ordering and for catching up.',
    },
    {
      phase: 'api',
      text: 'A WebSocket carries send and receive in both directions; REST serves history: GET /chats/{id}/messages?before={seq}&limit=50.',
    },
    {
      phase: 'high-level-design',
      text: 'Clients hold a WebSocket to a chat server. A registry (for example in Redis) records which server holds each user\'s connection, so a message can be routed to the right server.',
    },
    {
      phase: 'high-level-design',
      text: 'Persist first, then deliver: the message is stored with its sequence number, acknowledged to the sender, then pushed to online members; offline members catch up on reconnect.',
    },
    {
      phase: 'deep-dives',
      text: 'Cross-server delivery: publish to a channel per recipient or per chat (Redis pub/sub, or a stream partitioned by chat id) that the recipient\'s server subscribes to.',
    },
    {
      phase: 'deep-dives',
      text: 'Storage: at 2 billion messages a day, a wide-column store partitioned by chat id and sorted by sequence suits the write volume and the "recent messages in a chat" read.',
    },
  ],
  probes: [
    {
      topic: 'real-time',
      text: 'Why WebSockets here rather than long polling or server-sent events? What would change if clients only received and never sent?',
    },
    {
      topic: 'fan-out',
      text: 'A message is sent to a 100-member group. Do you write it once or once per member? What does each choice cost when members load their inbox?',
    },
    {
      topic: 'sharding',
      text: 'How do you partition message storage so that loading the latest messages of a chat touches one partition?',
    },
    {
      topic: 'consistency',
      text: 'Two members post in a group at the same instant. How does everyone end up seeing the same order, and why not use client timestamps?',
    },
    {
      topic: 'idempotency',
      text: 'The client sends a message, the connection drops before the acknowledgement, and the client sends it again. How do you avoid a duplicate?',
    },
    {
      topic: 'pagination',
      text: 'A phone was offline for a week. How does it fetch exactly what it missed across all its chats without downloading whole histories?',
    },
  ],
  signals: {
    requirements: [
      'Asks about group size and multiple devices before designing delivery',
      'Names ordering and durability after acknowledgement as the key guarantees',
    ],
    'data-api': [
      'Messages keyed by chat id and a per-chat sequence number',
      'A client-side message id for retries, and cursor-based history reads',
    ],
    'high-level-design': [
      'Persistent connections with a registry mapping users to servers',
      'Store-then-deliver, with catch-up from the last sequence each device received',
    ],
    'deep-dives': [
      'Routing between chat servers via pub/sub or a partitioned stream, with reasons',
      'Write-once group messages with per-member read cursors, or a justified alternative',
      'Storage partitioned by chat id that handles the write rate',
    ],
    communication: [
      'Walks a message from sender to an offline recipient\'s second device clearly',
      'Explains the protocol choice in a sentence and moves on',
    ],
  },
};
