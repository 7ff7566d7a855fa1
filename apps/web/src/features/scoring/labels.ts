import type { PeerRatingAspect, Recommendation } from '@pairboard/contracts';
import { DEFAULT_RUBRIC } from '@pairboard/interview-content';

export const RECOMMENDATION_LABEL: Record<Recommendation, string> = {
  strong_no: 'Strong no',
  no: 'No',
  yes: 'Yes',
  strong_yes: 'Strong yes',
};

/** Rubric dimensions in the rubric's order: every scorecard and every question's signals are keyed by these. */
export const RUBRIC_DIMENSIONS: readonly { key: string; name: string }[] = DEFAULT_RUBRIC.dimensions;

/** A rubric dimension's name for its key; the key itself only for a dimension the rubric does not have. */
export function dimensionName(key: string): string {
  return RUBRIC_DIMENSIONS.find((dimension) => dimension.key === key)?.name ?? key;
}

export const SCORE_LABEL: Record<1 | 2 | 3 | 4, string> = {
  1: 'No hire',
  2: 'Leaning no',
  3: 'Hire',
  4: 'Strong hire',
};

export const ASPECT_LABEL: Record<PeerRatingAspect, { name: string; question: string }> = {
  preparedness: { name: 'Preparedness', question: 'Did they know the question and run the session smoothly?' },
  hintClarity: { name: 'Clarity of hints', question: 'When you were stuck, did their hints point you somewhere useful?' },
  helpfulness: { name: 'Helpfulness', question: 'Would their feedback help you do better next time?' },
};

/** `mm:ss` of session time, or an em dash for notes written before the start. */
export function formatSessionTime(ms: number | null): string {
  if (ms === null) return 'before start';
  const seconds = Math.floor(ms / 1000);
  return `${String(Math.floor(seconds / 60)).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}`;
}
