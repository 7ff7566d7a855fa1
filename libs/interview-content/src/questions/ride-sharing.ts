import type { Question } from '../schema';

export const RIDE_SHARING: Question = {
  slug: 'ride-sharing',
  title: 'Ride-hailing service',
  level: 'senior',
  topics: ['geo', 'locking', 'real-time', 'consistency', 'hot-keys', 'queues'],
  prompt:
    'Design the backend of a ride-hailing app like Uber or Lyft. A rider enters a destination and sees a fare estimate, requests a ride, and a nearby driver accepts it. Until pickup, each of them watches the other approach on a map.',
  requirements: {
    functional: [
      'Riders get a fare estimate for a pickup point and destination',
      'Riders request a ride, and the system offers it to nearby available drivers',
      'Drivers accept or decline an offer, and the ride is assigned to exactly one driver',
      'Rider and driver see each other\'s location update live until pickup',
    ],
    nonFunctional: [
      '1 million drivers online at peak, each sending a location every 5 seconds: about 200,000 updates per second',
      'A ride is matched, or the rider told there are no drivers, within 1 minute',
      'A driver is never assigned two rides at once; assignment is strongly consistent',
      'Location tracking favours availability and low latency; a few seconds of staleness is fine',
      'Demand spikes sharply in small areas, such as the end of a stadium concert',
    ],
  },
  entities: [
    'Rider: id, payment profile',
    'Driver: id, status (offline, available, on a ride), vehicle',
    'Driver location: driver id, latitude, longitude, updated at',
    'Ride: id, rider, driver, status, pickup, destination, fare',
    'Fare estimate: id, rider, route, price, expires at',
  ],
  hints: [
    {
      phase: 'requirements',
      text: 'Ask what must never happen: one driver on two rides, or a rider charged for an estimate that changed. Those settle which parts need strong consistency.',
    },
    {
      phase: 'capacity',
      text: 'Location writes (about 200,000 per second) dwarf ride requests (a few thousand per second at most). The location store is the write-heavy part.',
    },
    {
      phase: 'entities',
      text: 'The ride is the stateful entity: its status moves from requested to matched, picked up and completed, and every step has to be safe to retry.',
    },
    {
      phase: 'api',
      text: 'POST /fares returns an estimate id; POST /rides with { fareId }; POST /drivers/me/location; PATCH /rides/{id} for driver accept or decline. The server identifies rider and driver from the token.',
    },
    {
      phase: 'high-level-design',
      text: 'Separate services: location ingestion, ride matching and ride state. Drivers stream locations into a fast in-memory geospatial index, not into the main database.',
    },
    {
      phase: 'high-level-design',
      text: 'Matching queries drivers near the pickup, offers the ride to the best candidate, and waits a short time for an answer before moving to the next one.',
    },
    {
      phase: 'deep-dives',
      text: 'Proximity search: geohash cells or a quadtree, or the geo commands of Redis, with entries expiring when a driver stops sending. A relational spatial index struggles with this rate of updates.',
    },
    {
      phase: 'deep-dives',
      text: 'One driver, one ride: lock the driver while an offer is open (a key with a TTL of about 10 seconds in a key-value store) and make the assignment a conditional update on the driver\'s status.',
    },
    {
      phase: 'deep-dives',
      text: 'Match requests should survive a server crash: keep them in a durable queue or workflow with delayed retries, rather than in the memory of one matching server.',
    },
  ],
  probes: [
    {
      topic: 'geo',
      text: 'How do you find available drivers within 2 km of a rider quickly, while 200,000 location updates arrive every second?',
    },
    {
      topic: 'locking',
      text: 'Two riders\' requests are offered to the same driver at the same moment. How do you guarantee one driver, one ride? Why a lock with a timeout rather than a long database transaction?',
    },
    {
      topic: 'real-time',
      text: 'How does the rider\'s map get the driver\'s position every few seconds? Which protocol would you use, and in which direction does data flow?',
    },
    {
      topic: 'consistency',
      text: 'Which of your data can be eventually consistent and which cannot? What does that mean for where each piece is stored?',
    },
    {
      topic: 'hot-keys',
      text: 'Fifty thousand people leave a stadium and request rides within ten minutes. Which part of your system feels it first, and what do you do?',
    },
    {
      topic: 'queues',
      text: 'No driver accepts within 10 seconds. How does the request move on to the next driver, and what happens if the matching server crashes mid-way?',
    },
  ],
  signals: {
    requirements: [
      'Splits consistency by data: strong for assignment, eventual for locations',
      'Quantifies location update volume and identifies it as the dominant write load',
    ],
    'data-api': [
      'A ride state machine with explicit statuses and safe retries',
      'Location kept out of the main database, in a store that expires stale entries',
    ],
    'high-level-design': [
      'Separate location, matching and ride services with clear responsibilities',
      'A matching flow that offers rides with timeouts and falls through to the next driver',
    ],
    'deep-dives': [
      'Geohash, quadtree or Redis geo search, with the update-rate trade-off explained',
      'A lock with a TTL per driver plus a conditional status update to prevent double assignment',
      'Surge handling for hotspots: spreading hot cells, queueing requests, or pricing',
    ],
    communication: [
      'Draws the ride lifecycle clearly before discussing matching',
      'Keeps payments and ratings out of scope without being reminded',
    ],
  },
};
