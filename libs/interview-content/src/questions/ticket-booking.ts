import type { Question } from '../schema';

export const TICKET_BOOKING: Question = {
  slug: 'ticket-booking',
  title: 'Event ticket booking',
  level: 'senior',
  topics: ['locking', 'consistency', 'queues', 'search', 'caching', 'idempotency'],
  prompt:
    'Design an event ticketing site like Ticketmaster. People search for concerts and games, pick seats on a venue map and pay for their tickets. The most popular events sell out within minutes of going on sale.',
  requirements: {
    functional: [
      'Users can search events by keyword, performer, date and location',
      'Users can view an event and the seats still available',
      'Users can reserve seats, which are held for them for 10 minutes during checkout',
      'Users can pay and receive their tickets',
    ],
    nonFunctional: [
      'A seat is never sold twice: booking is strongly consistent',
      'Browsing and search favour availability; search responds in under 500 ms',
      'Reads outnumber bookings by about 100 to 1',
      'A popular on-sale brings several million users within minutes for one event',
    ],
  },
  entities: [
    'Event: id, performer, venue, date, on-sale time',
    'Venue: id, seat map, location',
    'Ticket: event, seat, price, status (available, held, sold), hold expiry',
    'Booking: id, user, tickets, status, payment reference',
  ],
  hints: [
    {
      phase: 'requirements',
      text: 'Ask which parts must be consistent: browsing can be slightly stale, selling a seat cannot. Also ask about on-sale bursts; they drive the deep dive.',
    },
    {
      phase: 'entities',
      text: 'A ticket, one per seat per event, is the contended resource. Its status and hold expiry are the heart of the booking flow.',
    },
    {
      phase: 'api',
      text: 'GET /events/search?q=&date=&near=; GET /events/{id} with seat availability; POST /bookings { eventId, ticketIds } to hold seats; POST /bookings/{id}/payment with an idempotency key.',
    },
    {
      phase: 'high-level-design',
      text: 'An event service for reads, a booking service for holds and purchases, a relational database for tickets and bookings, and a search index for discovery.',
    },
    {
      phase: 'high-level-design',
      text: 'Booking is two steps: hold the seats (status becomes held, with an expiry), then pay and mark them sold. A seat whose hold expired counts as available again.',
    },
    {
      phase: 'deep-dives',
      text: 'Holding a seat: a row lock (SELECT ... FOR UPDATE) only within a short transaction; a status column with an expiry time; or a key with a TTL in a distributed store. Compare how each behaves when a user abandons checkout.',
    },
    {
      phase: 'deep-dives',
      text: 'On-sale surges: a virtual waiting room admits users in batches, tells the rest their position in line, and keeps the booking service within the load it can handle.',
    },
    {
      phase: 'deep-dives',
      text: 'Search: keep events in a search index fed by change data capture from the database, accepting a few seconds of staleness.',
    },
  ],
  probes: [
    {
      topic: 'locking',
      text: 'A user picks a seat and starts a 10-minute checkout. How do you hold it without keeping a database transaction open? Compare a status column with an expiry against a distributed lock with a TTL.',
    },
    {
      topic: 'consistency',
      text: 'Two users click the same seat in the same millisecond. Walk me through exactly what each of them sees.',
    },
    {
      topic: 'queues',
      text: 'A stadium tour goes on sale and 5 million people arrive at 10:00. How do you protect the booking service and keep the process fair?',
    },
    {
      topic: 'search',
      text: 'How does searching by keyword, date and location work, and how does the search index stay in step with the database?',
    },
    {
      topic: 'caching',
      text: 'The event page is read millions of times. What can you cache, and which data must never be served from a stale cache?',
    },
    {
      topic: 'idempotency',
      text: 'Payment succeeds, but your service crashes before marking the booking as paid. What happens next, and who fixes it?',
    },
  ],
  signals: {
    requirements: [
      'States different consistency needs for browsing and booking',
      'Raises on-sale surges as the defining traffic pattern',
    ],
    'data-api': [
      'A ticket per seat with a status and hold expiry, updated with a conditional write',
      'Idempotent payment confirmation keyed by booking',
    ],
    'high-level-design': [
      'A two-step hold-then-purchase flow in which abandoned holds expire on their own',
      'Search served from a dedicated index rather than from the booking database',
    ],
    'deep-dives': [
      'Compares row locks, status plus expiry, and distributed locks with TTLs, and picks one for a reason',
      'A virtual waiting room or admission queue for on-sales',
      'Cached event details but a final availability check against the database',
    ],
    communication: [
      'Walks through the two-users-one-seat race step by step',
      'Reaches the locking discussion with enough time to go deep',
    ],
  },
};
