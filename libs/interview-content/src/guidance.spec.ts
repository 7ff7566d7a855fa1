import { FRAMEWORK_SCRIPTS, type FrameworkPhase, QUESTIONS, type Question } from './index';

/**
 * A script's phase guidance is shown with whichever question the session runs, so an example taken
 * from one question's domain ("browsing vs booking") reads as nonsense next to another question.
 * A question's distinctive terms are its entity names and the words of its title that no other
 * question uses anywhere in its own text; the guidance shown with a question must not contain
 * another question's distinctive terms.
 */

const GENERIC_TITLE_WORDS = new Set(['and', 'app', 'design', 'distributed', 'platform', 'service', 'system']);

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

/** Whole words, any case, singular or plural; a space or hyphen inside a term matches either. */
function mentions(text: string, term: string): boolean {
  const pattern = term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/[- ]/g, '[- ]');
  return new RegExp(`\\b${pattern}(?:s|es)?\\b`, 'i').test(text);
}

function candidateTerms(question: Question): string[] {
  const entityNames = question.entities.map((entity) => entity.split(':')[0].trim().toLowerCase());
  const titleWords = question.title
    .toLowerCase()
    .split(/[^a-z0-9-]+/)
    .filter((word) => word.length > 0 && !GENERIC_TITLE_WORDS.has(word));
  return [...new Set([...entityNames, ...titleWords])];
}

function distinctiveTerms(question: Question): string[] {
  const otherTexts = QUESTIONS.filter((other) => other !== question).map((other) => strings(other).join('\n'));
  return candidateTerms(question).filter((term) => otherTexts.every((text) => !mentions(text, term)));
}

const DISTINCTIVE = new Map(QUESTIONS.map((question) => [question.slug, distinctiveTerms(question)]));

function phaseGuidance(phase: FrameworkPhase): { field: string; text: string }[] {
  const fields = ['name', 'goal', 'candidateProduces', 'interviewerListensFor', 'commonMistakes'] as const;
  return fields.flatMap((field) => strings(phase[field]).map((text) => ({ field, text })));
}

/** Everything shown in a room running `question`: every script's phase guidance and the question's hints. */
function guidanceShownWith(question: Question): { where: string; text: string }[] {
  const phases = FRAMEWORK_SCRIPTS.flatMap((script) =>
    script.phases.flatMap((phase) =>
      phaseGuidance(phase).map(({ field, text }) => ({ where: `${script.slug} / ${phase.name} / ${field}`, text })),
    ),
  );
  const hints = question.hints.map((hint, i) => ({ where: `${question.slug} hint ${i}`, text: hint.text }));
  return [...phases, ...hints];
}

describe('guidance stays in the domain of the question it is shown with', () => {
  it('finds distinctive terms for every question, so the check has something to look for', () => {
    for (const question of QUESTIONS) expect({ question: question.slug, terms: DISTINCTIVE.get(question.slug) }).toEqual({
      question: question.slug,
      terms: expect.arrayContaining([expect.any(String)]),
    });
    expect(DISTINCTIVE.get('ticket-booking')).toEqual(expect.arrayContaining(['ticket', 'booking']));
    expect(DISTINCTIVE.get('ride-sharing')).toEqual(expect.arrayContaining(['driver', 'ride']));
  });

  it('matches whole words in singular or plural, hyphenated or not', () => {
    expect(mentions('browsing vs booking', 'booking')).toBe(true);
    expect(mentions('Bookings stay consistent', 'booking')).toBe(true);
    expect(mentions('a click-event stream', 'click event')).toBe(true);
    expect(mentions('overriding a default', 'ride')).toBe(false);
  });

  it.each(QUESTIONS.map((question) => [question.slug, question] as const))(
    '%s: no other question\'s distinctive terms',
    (slug, question) => {
      const foreign = QUESTIONS.filter((other) => other.slug !== slug).flatMap((other) =>
        (DISTINCTIVE.get(other.slug) ?? []).map((term) => ({ owner: other.slug, term })),
      );
      const borrowed = guidanceShownWith(question).flatMap(({ where, text }) =>
        foreign.filter(({ term }) => mentions(text, term)).map(({ owner, term }) => `${where}: "${term}" (from ${owner}) in "${text}"`),
      );
      expect([...new Set(borrowed)]).toEqual([]);
    },
  );
});
