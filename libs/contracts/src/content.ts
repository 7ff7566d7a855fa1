import { z } from 'zod';
import { LEVELS } from './vocabulary';

export const questionQuerySchema = z.object({
  topic: z.string().trim().max(40).optional(),
  level: z.enum(LEVELS).optional(),
  q: z.string().trim().max(100).optional(),
});
export type QuestionQuery = z.infer<typeof questionQuerySchema>;

export const questionSummarySchema = z.object({
  id: z.string(),
  slug: z.string(),
  title: z.string(),
  level: z.enum(LEVELS),
  topics: z.array(z.string()),
  prompt: z.string(),
});
export type QuestionSummary = z.infer<typeof questionSummarySchema>;

export const questionListSchema = z.object({ items: z.array(questionSummarySchema), total: z.number().int() });
export type QuestionList = z.infer<typeof questionListSchema>;

export const questionDetailSchema = questionSummarySchema.extend({
  requirements: z.object({ functional: z.array(z.string()), nonFunctional: z.array(z.string()) }),
  entities: z.array(z.string()),
  hints: z.array(z.object({ phase: z.string(), text: z.string() })),
  probes: z.array(z.object({ topic: z.string(), text: z.string() })),
  signals: z.record(z.string(), z.array(z.string())),
});
export type QuestionDetail = z.infer<typeof questionDetailSchema>;

export const scriptPhaseSummarySchema = z.object({ key: z.string(), name: z.string(), minutes: z.number().int() });

export const scriptSummarySchema = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  version: z.number().int(),
  isDefault: z.boolean(),
  /** Shipped with Pairboard (read-only); otherwise the caller's own script. */
  builtIn: z.boolean(),
  totalMinutes: z.number().int(),
  phases: z.array(scriptPhaseSummarySchema),
});
export type ScriptSummary = z.infer<typeof scriptSummarySchema>;

export const scriptListSchema = z.object({ items: z.array(scriptSummarySchema) });
export type ScriptList = z.infer<typeof scriptListSchema>;

export const rubricResponseSchema = z.object({
  id: z.string(),
  name: z.string(),
  version: z.number().int(),
  dimensions: z.array(
    z.object({
      key: z.string(),
      name: z.string(),
      description: z.string(),
      anchors: z.object({ 1: z.string(), 2: z.string(), 3: z.string(), 4: z.string() }),
    }),
  ),
});
export type RubricResponse = z.infer<typeof rubricResponseSchema>;
