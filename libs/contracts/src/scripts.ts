import { z } from 'zod';
import { scriptSummarySchema } from './content';

/** Limits on a framework script someone writes; the built-in scripts stay within them too. */
export const SCRIPT_LIMITS = {
  minPhases: 1,
  maxPhases: 12,
  minPhaseMinutes: 1,
  maxPhaseMinutes: 120,
  maxTotalMinutes: 240,
  nameLength: 80,
  descriptionLength: 500,
  phaseNameLength: 60,
  phaseKeyLength: 40,
  goalLength: 400,
  // A script at every limit in accented (two-byte) text stays under the default 100 KiB body limit.
  listItems: 5,
  listItemLength: 200,
} as const;

const PHASE_KEY = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const requiredText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .min(1, `${label} cannot be empty`)
    .max(max, `${label} is at most ${max} characters`);

const optionalText = (max: number, label: string) => z.string().trim().max(max, `${label} is at most ${max} characters`);

const promptList = (label: string) =>
  z
    .array(requiredText(SCRIPT_LIMITS.listItemLength, 'Each line'))
    .max(SCRIPT_LIMITS.listItems, `${label}: at most ${SCRIPT_LIMITS.listItems} lines`);

/**
 * One phase as a script stores it and as its owner edits it. `key` says what kind of phase it is:
 * question hints written for `api` show up in a phase keyed `api`; a key of the owner's own choosing
 * simply has no hints. The prompts are the ones the room shows (goal and what the candidate produces
 * to everyone; what to listen for and common mistakes to interviewers).
 */
export const scriptPhaseSchema = z.object({
  key: z
    .string()
    .trim()
    .min(1, 'Pick a kind for the phase')
    .max(SCRIPT_LIMITS.phaseKeyLength)
    .regex(PHASE_KEY, 'Use lowercase words joined by hyphens'),
  name: requiredText(SCRIPT_LIMITS.phaseNameLength, 'Phase name'),
  minutes: z
    .number({ error: 'Minutes must be a whole number' })
    .int('Minutes must be a whole number')
    .min(SCRIPT_LIMITS.minPhaseMinutes, `A phase lasts at least ${SCRIPT_LIMITS.minPhaseMinutes} minute`)
    .max(SCRIPT_LIMITS.maxPhaseMinutes, `A phase lasts at most ${SCRIPT_LIMITS.maxPhaseMinutes} minutes`),
  goal: optionalText(SCRIPT_LIMITS.goalLength, 'Goal').default(''),
  candidateProduces: promptList('What the candidate produces').default([]),
  interviewerListensFor: promptList('What the interviewer listens for').default([]),
  commonMistakes: promptList('Common mistakes').default([]),
  /** The interviewer may skip it when it adds nothing to the question. */
  optional: z.boolean().optional(),
  /** Role-swap scripts: which candidate's round the phase belongs to. */
  half: z.union([z.literal(1), z.literal(2)]).optional(),
});
export type ScriptPhase = z.output<typeof scriptPhaseSchema>;
export type ScriptPhaseInput = z.input<typeof scriptPhaseSchema>;

const scriptContentShape = z.object({
  name: requiredText(SCRIPT_LIMITS.nameLength, 'Name'),
  description: optionalText(SCRIPT_LIMITS.descriptionLength, 'Description').default(''),
  /** The room moves to the next phase by itself when a phase's time is up. */
  autoAdvance: z.boolean().default(false),
  phases: z
    .array(scriptPhaseSchema)
    .min(SCRIPT_LIMITS.minPhases, 'Add at least one phase')
    .max(SCRIPT_LIMITS.maxPhases, `A script has at most ${SCRIPT_LIMITS.maxPhases} phases`),
});

function checkPhases(script: { phases: readonly ScriptPhase[] }, ctx: z.RefinementCtx): void {
  // Hints and the recording find a phase by its key, so a key appears once (once per round in a role swap).
  const seen = new Set<string>();
  script.phases.forEach((phase, index) => {
    const identity = `${phase.half ?? 0}:${phase.key}`;
    if (seen.has(identity)) ctx.addIssue({ code: 'custom', path: ['phases', index, 'key'], message: 'Each kind of phase appears once' });
    seen.add(identity);
  });
  const total = scriptTotalMinutes(script.phases);
  if (total > SCRIPT_LIMITS.maxTotalMinutes) {
    ctx.addIssue({ code: 'custom', path: ['phases'], message: `The phases add up to ${total} minutes; the limit is ${SCRIPT_LIMITS.maxTotalMinutes}` });
  }
}

/** Everything an owner writes about a script; each save of it becomes a new version. */
export const scriptContentSchema = scriptContentShape.superRefine(checkPhases);
export type ScriptContent = z.output<typeof scriptContentSchema>;
export type ScriptContentInput = z.input<typeof scriptContentSchema>;

export const createScriptRequestSchema = scriptContentSchema;
export type CreateScriptRequest = ScriptContentInput;

/** An edit names the version it started from; if someone saved since, the edit is refused (409). */
export const updateScriptRequestSchema = scriptContentShape
  .extend({ baseVersion: z.number({ error: 'baseVersion is required' }).int().min(1) })
  .superRefine(checkPhases);
export type UpdateScriptRequest = z.input<typeof updateScriptRequestSchema>;

export const copyScriptRequestSchema = z.object({ name: requiredText(SCRIPT_LIMITS.nameLength, 'Name').optional() });
export type CopyScriptRequest = z.input<typeof copyScriptRequestSchema>;

/** One version of a script, whole. `builtIn` scripts are read-only; `mine` ones are the caller's. */
export const scriptDetailSchema = scriptSummarySchema.omit({ phases: true }).extend({
  description: z.string(),
  autoAdvance: z.boolean(),
  builtIn: z.boolean(),
  mine: z.boolean(),
  /** The newest version of this script, so a view of an old one can say so. */
  latestVersion: z.number().int(),
  createdAt: z.string(),
  phases: z.array(scriptPhaseSchema),
});
export type ScriptDetail = z.infer<typeof scriptDetailSchema>;

export const scriptVersionSchema = z.object({
  id: z.string(),
  version: z.number().int(),
  name: z.string(),
  totalMinutes: z.number().int(),
  phaseCount: z.number().int(),
  createdAt: z.string(),
});
export type ScriptVersion = z.infer<typeof scriptVersionSchema>;

export const scriptVersionListSchema = z.object({ items: z.array(scriptVersionSchema) });
export type ScriptVersionList = z.infer<typeof scriptVersionListSchema>;

/** Sum of a script's phases, optional ones included. */
export function scriptTotalMinutes(phases: readonly { minutes: number }[]): number {
  return phases.reduce((sum, phase) => sum + phase.minutes, 0);
}
