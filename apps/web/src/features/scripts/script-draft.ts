import { SCRIPT_LIMITS, scriptContentSchema, type FieldIssue, type ScriptContentInput, type ScriptDetail } from '@pairboard/contracts';
import { PHASE_GUIDES, PHASE_KEYS } from '@pairboard/interview-content';

/** A phase as the editor holds it: numbers and lists as the text typed, one list item per line. */
export interface PhaseDraft {
  uid: number;
  key: string;
  name: string;
  minutes: string;
  goal: string;
  candidateProduces: string;
  interviewerListensFor: string;
  commonMistakes: string;
  optional?: boolean;
  half?: 1 | 2;
}

export interface ScriptDraft {
  name: string;
  description: string;
  autoAdvance: boolean;
  phases: PhaseDraft[];
}

export type PromptField = 'candidateProduces' | 'interviewerListensFor' | 'commonMistakes';

let nextUid = 1;
const uid = () => nextUid++;

export const KNOWN_KINDS: readonly string[] = PHASE_KEYS;
export const kindName = (key: string): string | undefined => (PHASE_GUIDES as Record<string, { name: string } | undefined>)[key]?.name;

export function draftFromScript(script: Pick<ScriptDetail, 'name' | 'description' | 'autoAdvance' | 'phases'>): ScriptDraft {
  return {
    name: script.name,
    description: script.description,
    autoAdvance: script.autoAdvance,
    phases: script.phases.map((phase) => ({
      uid: uid(),
      key: phase.key,
      name: phase.name,
      minutes: String(phase.minutes),
      goal: phase.goal,
      candidateProduces: phase.candidateProduces.join('\n'),
      interviewerListensFor: phase.interviewerListensFor.join('\n'),
      commonMistakes: phase.commonMistakes.join('\n'),
      ...(phase.optional === undefined ? {} : { optional: phase.optional }),
      ...(phase.half === undefined ? {} : { half: phase.half }),
    })),
  };
}

/** A key for a phase of the owner's own kind, unused in this script. */
export function ownKey(phases: readonly PhaseDraft[]): string {
  const used = new Set(phases.map((phase) => phase.key));
  let n = 1;
  while (used.has(`own-${n}`)) n += 1;
  return `own-${n}`;
}

/** The next phase to add: the first standard kind the script lacks, with its usual guidance, or one of the owner's own. */
export function newPhase(phases: readonly PhaseDraft[]): PhaseDraft {
  const used = new Set(phases.map((phase) => phase.key));
  const key = PHASE_KEYS.find((candidate) => !used.has(candidate));
  if (!key) {
    return { uid: uid(), key: ownKey(phases), name: 'New phase', minutes: '5', goal: '', candidateProduces: '', interviewerListensFor: '', commonMistakes: '' };
  }
  const guide = PHASE_GUIDES[key];
  return {
    uid: uid(),
    key,
    name: guide.name,
    minutes: '5',
    goal: guide.goal,
    candidateProduces: guide.candidateProduces.join('\n'),
    interviewerListensFor: guide.interviewerListensFor.join('\n'),
    commonMistakes: guide.commonMistakes.join('\n'),
  };
}

export function emptyDraft(): ScriptDraft {
  const first = newPhase([]);
  return { name: '', description: '', autoAdvance: false, phases: [first] };
}

const lines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0);

/** Whole minutes as typed; anything else goes to the server as is, to be refused with a message. */
export const minutesOf = (text: string): number => (text.trim() === '' ? Number.NaN : Number(text));

export function bodyFromDraft(draft: ScriptDraft): ScriptContentInput {
  return {
    name: draft.name,
    description: draft.description,
    autoAdvance: draft.autoAdvance,
    phases: draft.phases.map((phase) => ({
      key: phase.key,
      name: phase.name,
      minutes: minutesOf(phase.minutes),
      goal: phase.goal,
      candidateProduces: lines(phase.candidateProduces),
      interviewerListensFor: lines(phase.interviewerListensFor),
      commonMistakes: lines(phase.commonMistakes),
      ...(phase.optional === undefined ? {} : { optional: phase.optional }),
      ...(phase.half === undefined ? {} : { half: phase.half }),
    })),
  };
}

export function totalOf(draft: ScriptDraft): number {
  return draft.phases.reduce((sum, phase) => sum + (Number.isFinite(minutesOf(phase.minutes)) ? Math.max(0, minutesOf(phase.minutes)) : 0), 0);
}

/** Problems found by the same schema the server uses, as `{ path, message }` like a 400's details. */
export function checkDraft(draft: ScriptDraft): FieldIssue[] {
  const parsed = scriptContentSchema.safeParse(bodyFromDraft(draft));
  if (parsed.success) return [];
  return parsed.error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
}

/**
 * Issues keyed by the field that shows them: a list item's problem (`phases.2.commonMistakes.4`)
 * shows under its list; the first message per field wins.
 */
export function issuesByField(issues: readonly FieldIssue[]): Record<string, string> {
  const byField: Record<string, string> = {};
  for (const issue of issues) {
    const parts = issue.path.split('.');
    const field = parts[0] === 'phases' && parts.length > 3 ? parts.slice(0, 3).join('.') : issue.path;
    byField[field] ??= issue.message;
  }
  return byField;
}

export const LIMITS = SCRIPT_LIMITS;

export function move<T>(items: readonly T[], from: number, to: number): T[] {
  if (to < 0 || to >= items.length || from === to) return [...items];
  const next = [...items];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item);
  return next;
}
