import type { Question } from '../schema';

export const PAYMENT_SYSTEM: Question = {
  slug: 'payment-system',
  title: 'Marketplace payment system',
  level: 'staff',
  topics: ['idempotency', 'consistency', 'cap', 'locking', 'batch-processing', 'queues'],
  prompt:
    'Design the payment backend for an online marketplace. Buyers pay at checkout through an external card processor, the marketplace keeps a fee, and sellers are paid out on a schedule. Money must never be lost, created out of nothing, or charged twice.',
  requirements: {
    functional: [
      'Buyers pay for an order by card through an external payment processor',
      'Every movement of money is recorded in a ledger: buyer charge, marketplace fee, seller balance',
      'Sellers receive payouts of their balance on a schedule',
      'Buyers can be refunded in full or in part',
    ],
    nonFunctional: [
      'A buyer is never charged twice for one checkout, even when requests are retried',
      'The ledger always balances and every entry can be audited',
      '10 million payments a day, peaking at about 2,000 per second on sale days',
      'Card numbers never touch our servers; the processor tokenises them',
      'Checkout stays available at 99.99%, but never at the cost of a wrong balance',
    ],
  },
  entities: [
    'Payment: id, order, amount, currency, status, idempotency key, processor reference',
    'Ledger entry: account, amount, debit or credit, payment or refund reference, created at',
    'Account: owner (buyer, seller or marketplace), currency',
    'Payout: seller, amount, period, status',
    'Refund: payment, amount, status',
  ],
  hints: [
    {
      phase: 'requirements',
      text: 'Ask what must never happen and what can wait: a double charge is unacceptable, while a payout arriving an hour late is fine. That split drives every later choice.',
    },
    {
      phase: 'entities',
      text: 'Steer toward a double-entry ledger: every movement is a pair of entries that sum to zero, and entries are never updated or deleted, only added.',
    },
    {
      phase: 'api',
      text: 'POST /payments with { orderId, amount, paymentMethodToken } and an Idempotency-Key header; GET /payments/{id}; POST /payments/{id}/refunds; a webhook endpoint receives the processor\'s results.',
    },
    {
      phase: 'high-level-design',
      text: 'Record the payment as pending before calling the processor, then move it to succeeded or failed from the processor\'s answer or its webhook. Each state change writes its ledger entries in the same database transaction.',
    },
    {
      phase: 'high-level-design',
      text: 'A relational database for payments and the ledger: transactions, constraints and strong consistency matter more here than write throughput.',
    },
    {
      phase: 'deep-dives',
      text: 'Idempotency end to end: store the key with the payment under a unique constraint, return the stored result on a repeat, and pass the same key to the processor so its side is de-duplicated too.',
    },
    {
      phase: 'deep-dives',
      text: 'Unknown outcomes: when a processor call times out, do not charge again. Mark it unknown, query the processor or wait for the webhook, and let a reconciliation job settle anything still open.',
    },
    {
      phase: 'deep-dives',
      text: 'Events for other services (order shipped, payout scheduled) go out through an outbox table written in the same transaction, then published, so no event is lost or sent for a rolled-back change.',
    },
  ],
  probes: [
    {
      topic: 'idempotency',
      text: 'The buyer taps "Pay" twice and your call to the processor times out. How do you guarantee a single charge?',
    },
    {
      topic: 'consistency',
      text: 'The processor charged the card, but your service crashed before recording it. How does your system find out and put things right?',
    },
    {
      topic: 'cap',
      text: 'During a network partition, which operations keep working and which must stop? How do you explain that choice to the business?',
    },
    {
      topic: 'locking',
      text: 'Two partial refunds for the same payment are processed at the same moment. How do you stop them from refunding more than was paid?',
    },
    {
      topic: 'batch-processing',
      text: 'How do you detect differences between your ledger and the processor\'s settlement report, and what happens when you find one?',
    },
    {
      topic: 'queues',
      text: 'The processor is slow or down for 15 minutes. What happens to new checkouts and to payments already in flight?',
    },
  ],
  signals: {
    requirements: [
      'Names double charges and lost money as the failures to design against, before anything else',
      'Separates real-time needs (checkout) from deferred ones (payouts, settlement)',
    ],
    'data-api': [
      'An append-only double-entry ledger whose entries always sum to zero',
      'Idempotency keys on every call that moves money, stored with a uniqueness constraint',
    ],
    'high-level-design': [
      'An explicit payment state machine that records intent before calling the processor',
      'Ledger entries written in the same transaction as the state change',
    ],
    'deep-dives': [
      'Handles timeouts with an unknown state and reconciliation, never with blind retries',
      'Serialises refunds per payment with a row lock or a version check',
      'Publishes events through an outbox table so messages and state cannot diverge',
    ],
    communication: [
      'Explains failure scenarios as timelines (request, crash, retry) that a peer can check',
      'Pushes back with reasons when asked to trade correctness for availability',
    ],
  },
};
