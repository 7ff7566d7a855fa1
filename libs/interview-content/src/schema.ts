import { LEVELS, type Topic, TOPICS } from '@pairboard/contracts';
import { z } from 'zod';

/**
 * Stable phase identifiers. Question hints point at these keys, so a hint written for `api` shows up
 * in the API phase of whichever script the session runs. The order here is the order phases take
 * within one interview.
 */
export const PHASE_KEYS = [
  'requirements',
  'capacity',
  'entities',
  'api',
  'data-flow',
  'high-level-design',
  'deep-dives',
  'wrap-up',
] as const;
export type PhaseKey = (typeof PHASE_KEYS)[number];

export const TOPIC_NAMES: Record<Topic, string> = {
  caching: 'Caching',
  sharding: 'Sharding & partitioning',
  replication: 'Replication & failover',
  'consistent-hashing': 'Consistent hashing',
  indexing: 'Indexing',
  queues: 'Queues, retries & back-pressure',
  streaming: 'Event streams',
  'batch-processing': 'Batch processing',
  consistency: 'Consistency models',
  cap: 'Availability vs consistency (CAP)',
  locking: 'Locking & contention',
  idempotency: 'Idempotency',
  deduplication: 'Deduplication',
  'fan-out': 'Fan-out',
  'hot-keys': 'Hot keys & hotspots',
  pagination: 'Pagination',
  'presigned-uploads': 'Direct uploads (presigned URLs)',
  cdn: 'CDN & edge delivery',
  storage: 'Storage choices',
  search: 'Search & inverted indexes',
  'real-time': 'Real-time delivery',
  geo: 'Geospatial queries',
  'rate-limiting': 'Rate limiting',
};

/** Dimensions of the default rubric; every question carries signals for each of them. */
export const DIMENSION_KEYS = ['requirements', 'data-api', 'high-level-design', 'deep-dives', 'communication'] as const;
export type DimensionKey = (typeof DIMENSION_KEYS)[number];

const HTML_TAG = /<\/?[a-z][^>]*>/i;

/** Plain, trimmed, non-empty text: it is shown as-is in the room, never rendered as markup. */
export function textSchema(maxLength: number) {
  return z
    .string()
    .min(1, 'Text cannot be empty')
    .max(maxLength)
    .refine((value) => value.trim() === value, 'Text must not start or end with whitespace')
    .refine((value) => !HTML_TAG.test(value), 'Text must be plain, without HTML tags');
}

function textListSchema(min: number, max: number, maxLength = 300) {
  return z
    .array(textSchema(maxLength))
    .min(min)
    .max(max)
    .refine((items) => new Set(items).size === items.length, 'Items must not repeat');
}

export const slugSchema = z
  .string()
  .max(64)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Use lowercase words joined by hyphens');

function findDuplicate(values: readonly string[]): string | undefined {
  const seen = new Set<string>();
  for (const value of values) {
    if (seen.has(value)) return value;
    seen.add(value);
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Framework scripts
// ---------------------------------------------------------------------------------------------

export const HALVES = [1, 2] as const;

/**
 * One timed phase. `key` says what kind of phase it is (and selects question hints); a phase's
 * identity inside its script is its position, which is what the phase clock counts.
 *
 * Role swap: a script whose two peers each take the candidate seat once sets `half` on every
 * phase (1 = the first candidate, 2 = the second) and repeats the same keys in each half. Keys
 * stay plain phase keys, so hints and probes apply unchanged in both halves; `(half, key)` is
 * unique and the name should say which half it belongs to, since API summaries carry only
 * `{ key, name, minutes }`. Single-session scripts leave `half` out.
 */
export const frameworkPhaseSchema = z.strictObject({
  key: z.enum(PHASE_KEYS),
  name: textSchema(60),
  minutes: z.number().int().min(1).max(60),
  goal: textSchema(400),
  candidateProduces: textListSchema(2, 5),
  interviewerListensFor: textListSchema(2, 5),
  commonMistakes: textListSchema(2, 5),
  /** The interviewer may skip it when it adds nothing to this question. */
  optional: z.boolean().optional(),
  half: z.union([z.literal(1), z.literal(2)]).optional(),
});
export type FrameworkPhase = z.infer<typeof frameworkPhaseSchema>;

export const frameworkScriptSchema = z
  .strictObject({
    slug: slugSchema,
    name: textSchema(80),
    version: z.number().int().min(1),
    isDefault: z.boolean(),
    description: textSchema(500),
    /** When true the room moves to the next phase as soon as a phase's time is up. */
    autoAdvance: z.boolean().default(false),
    phases: z.array(frameworkPhaseSchema).min(1).max(20),
  })
  .superRefine((script, ctx) => {
    const withHalf = script.phases.filter((phase) => phase.half !== undefined).length;
    if (withHalf !== 0 && withHalf !== script.phases.length) {
      ctx.addIssue({ code: 'custom', path: ['phases'], message: 'Set half on every phase or on none' });
      return;
    }
    const sessions = withHalf === 0 ? [script.phases] : HALVES.map((half) => script.phases.filter((p) => p.half === half));
    if (withHalf !== 0) {
      const halves = script.phases.map((phase) => phase.half ?? 0);
      if (halves.some((half, i) => i > 0 && half < halves[i - 1]) || sessions.some((s) => s.length === 0)) {
        ctx.addIssue({ code: 'custom', path: ['phases'], message: 'All phases of half 1 come before those of half 2' });
      }
    }
    for (const session of sessions) {
      const order = session.map((phase) => PHASE_KEYS.indexOf(phase.key));
      if (order.some((index, i) => i > 0 && index <= order[i - 1])) {
        ctx.addIssue({
          code: 'custom',
          path: ['phases'],
          message: `Within a session each phase key appears once, in the order ${PHASE_KEYS.join(', ')}`,
        });
      }
    }
  });
export type FrameworkScript = z.output<typeof frameworkScriptSchema>;
export type FrameworkScriptInput = z.input<typeof frameworkScriptSchema>;

export const frameworkScriptsSchema = z.array(frameworkScriptSchema).superRefine((scripts, ctx) => {
  const duplicate = findDuplicate(scripts.map((script) => script.slug));
  if (duplicate) ctx.addIssue({ code: 'custom', message: `Duplicate script slug "${duplicate}"` });
  const defaults = scripts.filter((script) => script.isDefault).length;
  if (defaults !== 1) ctx.addIssue({ code: 'custom', message: `Exactly one script must be the default, found ${defaults}` });
});

/** Length of a script in minutes: the sum of its phases, optional ones included. */
export function totalMinutes(script: { phases: readonly { minutes: number }[] }): number {
  return script.phases.reduce((sum, phase) => sum + phase.minutes, 0);
}

// ---------------------------------------------------------------------------------------------
// Questions
// ---------------------------------------------------------------------------------------------

/** Phases every question must carry hints for, with the minimum number of hints each. */
export const REQUIRED_HINTS: Readonly<Partial<Record<PhaseKey, number>>> = {
  requirements: 1,
  entities: 1,
  api: 1,
  'high-level-design': 2,
  'deep-dives': 2,
};

const signalListSchema = textListSchema(2, 3);
const signalsShape = {
  requirements: signalListSchema,
  'data-api': signalListSchema,
  'high-level-design': signalListSchema,
  'deep-dives': signalListSchema,
  communication: signalListSchema,
} satisfies Record<DimensionKey, typeof signalListSchema>;

export const hintSchema = z.strictObject({ phase: z.enum(PHASE_KEYS), text: textSchema(400) });
export type Hint = z.infer<typeof hintSchema>;

export const probeSchema = z.strictObject({ topic: z.enum(TOPICS), text: textSchema(400) });
export type Probe = z.infer<typeof probeSchema>;

export const questionSchema = z
  .strictObject({
    slug: slugSchema,
    title: textSchema(80),
    level: z.enum(LEVELS),
    topics: z
      .array(z.enum(TOPICS))
      .min(1)
      .max(8)
      .refine((topics) => new Set(topics).size === topics.length, 'Topics must not repeat'),
    prompt: textSchema(800),
    requirements: z.strictObject({
      functional: textListSchema(3, 5),
      nonFunctional: textListSchema(3, 5),
    }),
    entities: textListSchema(2, 8, 200),
    hints: z.array(hintSchema).min(7).max(16),
    probes: z.array(probeSchema).min(4).max(6),
    /** What a strong answer shows on each rubric dimension, for this question. */
    signals: z.strictObject(signalsShape),
  })
  .superRefine((question, ctx) => {
    for (const [phase, min] of Object.entries(REQUIRED_HINTS)) {
      const count = question.hints.filter((hint) => hint.phase === phase).length;
      if (count < (min ?? 0)) {
        ctx.addIssue({ code: 'custom', path: ['hints'], message: `Needs at least ${min} hint(s) for the ${phase} phase` });
      }
    }
    question.probes.forEach((probe, i) => {
      if (!question.topics.includes(probe.topic)) {
        ctx.addIssue({ code: 'custom', path: ['probes', i, 'topic'], message: `Probe topic "${probe.topic}" is not among the question's topics` });
      }
    });
  });
export type Question = z.infer<typeof questionSchema>;

export const questionBankSchema = z.array(questionSchema).superRefine((questions, ctx) => {
  for (const field of ['slug', 'title', 'prompt'] as const) {
    const duplicate = findDuplicate(questions.map((question) => question[field]));
    if (duplicate) ctx.addIssue({ code: 'custom', message: `Two questions share the ${field} "${duplicate}"` });
  }
});

// ---------------------------------------------------------------------------------------------
// Rubric
// ---------------------------------------------------------------------------------------------

/** Score anchors: 1 = clear no hire … 4 = strong hire. Each says what the interviewer observed. */
export const SCORES = [1, 2, 3, 4] as const;
export type Score = (typeof SCORES)[number];

export const rubricDimensionSchema = z.strictObject({
  key: z.enum(DIMENSION_KEYS),
  name: textSchema(60),
  description: textSchema(300),
  anchors: z
    .strictObject({ 1: textSchema(400), 2: textSchema(400), 3: textSchema(400), 4: textSchema(400) })
    .refine((anchors) => new Set(SCORES.map((score) => anchors[score])).size === SCORES.length, 'The four anchors must all differ'),
});
export type RubricDimension = z.infer<typeof rubricDimensionSchema>;

export const rubricSchema = z
  .strictObject({
    slug: slugSchema,
    name: textSchema(80),
    version: z.number().int().min(1),
    dimensions: z.array(rubricDimensionSchema),
  })
  .refine(
    (rubric) =>
      rubric.dimensions.length === DIMENSION_KEYS.length &&
      DIMENSION_KEYS.every((key) => rubric.dimensions.some((dimension) => dimension.key === key)),
    `The rubric has exactly one dimension for each of ${DIMENSION_KEYS.join(', ')}`,
  );
export type Rubric = z.infer<typeof rubricSchema>;
