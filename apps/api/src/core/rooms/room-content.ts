import { PhaseGuide, RoomPhase, ScriptPhase, scriptPhaseSchema } from '@pairboard/contracts';
import { Question, questionSchema } from '@pairboard/interview-content';
import { z } from 'zod';
import { AppError } from '../../base/errors';

// Stored JSON is parsed with the script schema again (built-ins and user-written scripts alike): a row
// edited by hand cannot reach a client malformed.
const storedPhases = z.array(scriptPhaseSchema);

export function scriptPhases(script: { phases: unknown } | null): ScriptPhase[] {
  if (!script) return [];
  const parsed = storedPhases.safeParse(script.phases);
  if (!parsed.success) throw new AppError('INTERNAL', 'The interview’s script is damaged.');
  return parsed.data;
}

export function questionContent(question: { content: unknown } | null): Question | null {
  if (!question) return null;
  const parsed = questionSchema.safeParse(question.content);
  if (!parsed.success) throw new AppError('INTERNAL', 'The interview’s question is damaged.');
  return parsed.data;
}

/** What a phase expects from the candidate: everyone in the room may read it. */
export function toRoomPhase(phase: ScriptPhase): RoomPhase {
  return {
    key: phase.key,
    name: phase.name,
    minutes: phase.minutes,
    optional: phase.optional ?? false,
    half: phase.half ?? null,
    goal: phase.goal,
    candidateProduces: [...phase.candidateProduces],
  };
}

/** What the interviewer listens for: interviewers only. */
export function toPhaseGuide(phase: ScriptPhase): PhaseGuide {
  return { interviewerListensFor: [...phase.interviewerListensFor], commonMistakes: [...phase.commonMistakes] };
}
