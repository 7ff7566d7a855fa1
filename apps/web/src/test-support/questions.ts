import type { QuestionDetail, QuestionSummary, ScriptSummary } from '@pairboard/contracts';

export function questionSummary(fields: Partial<QuestionSummary> & { id: string; title: string }): QuestionSummary {
  return {
    slug: fields.id,
    level: 'senior',
    topics: ['caching'],
    prompt: `Design ${fields.title.toLowerCase()}.`,
    ...fields,
  };
}

export function questionDetail(fields: Partial<QuestionDetail> & { id: string; title: string }): QuestionDetail {
  return {
    ...questionSummary(fields),
    requirements: { functional: ['Users shorten a link'], nonFunctional: ['Redirects in under 50 ms'] },
    entities: ['Link', 'User'],
    hints: [{ phase: 'requirements', text: 'Ask about custom aliases' }],
    probes: [{ topic: 'caching', text: 'What happens when a link goes viral?' }],
    signals: { requirements: ['Asks about read/write ratio'] },
    ...fields,
  };
}

export const standardScript: ScriptSummary = {
  id: 'script-45',
  slug: 'standard-45',
  name: 'Standard 45',
  version: 1,
  isDefault: true,
  builtIn: true,
  totalMinutes: 45,
  phases: [
    { key: 'requirements', name: 'Requirements', minutes: 5 },
    { key: 'high-level-design', name: 'High-level design', minutes: 40 },
  ],
};

export const extendedScript: ScriptSummary = {
  ...standardScript,
  id: 'script-60',
  slug: 'extended-60',
  name: 'Extended 60',
  isDefault: false,
  totalMinutes: 60,
};
