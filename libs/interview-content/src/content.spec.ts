import { LEVELS, TOPICS } from '@pairboard/contracts';
import { z } from 'zod';
import {
  DEFAULT_RUBRIC,
  DEFAULT_SCRIPT,
  DIMENSION_KEYS,
  FRAMEWORK_SCRIPTS,
  type FrameworkScript,
  frameworkScriptSchema,
  frameworkScriptsSchema,
  PHASE_KEYS,
  QUESTIONS,
  type Question,
  questionBankSchema,
  questionSchema,
  rubricSchema,
  SCORES,
  TOPIC_NAMES,
  totalMinutes,
} from './index';

const HTML_TAG = /<\/?[a-z][^>]*>/i;

/** Every string in a value, with a readable path, so text rules can be checked across all content. */
function stringsIn(value: unknown, path: string): { path: string; text: string }[] {
  if (typeof value === 'string') return [{ path, text: value }];
  if (Array.isArray(value)) return value.flatMap((item, i) => stringsIn(item, `${path}[${i}]`));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => stringsIn(item, `${path}.${key}`));
  }
  return [];
}

const allText = [
  ...FRAMEWORK_SCRIPTS.flatMap((script) => stringsIn(script, `script ${script.slug}`)),
  ...QUESTIONS.flatMap((question) => stringsIn(question, `question ${question.slug}`)),
  ...stringsIn(DEFAULT_RUBRIC, 'rubric'),
];

describe('framework scripts', () => {
  it.each(FRAMEWORK_SCRIPTS.map((script) => [script.slug, script] as const))('%s parses unchanged', (_slug, script) => {
    expect(frameworkScriptSchema.parse(script)).toEqual(script);
  });

  it('have unique slugs and names, and exactly one default', () => {
    expect(frameworkScriptsSchema.safeParse(FRAMEWORK_SCRIPTS).success).toBe(true);
    expect(new Set(FRAMEWORK_SCRIPTS.map((s) => s.slug)).size).toBe(FRAMEWORK_SCRIPTS.length);
    expect(new Set(FRAMEWORK_SCRIPTS.map((s) => s.name)).size).toBe(FRAMEWORK_SCRIPTS.length);
    expect(FRAMEWORK_SCRIPTS.filter((s) => s.isDefault)).toEqual([DEFAULT_SCRIPT]);
  });

  it('totalMinutes is the sum of the phase minutes', () => {
    for (const script of FRAMEWORK_SCRIPTS) {
      let sum = 0;
      for (const phase of script.phases) sum += phase.minutes;
      expect(totalMinutes(script)).toBe(sum);
    }
    expect(totalMinutes({ phases: [] })).toBe(0);
  });

  it('offer a 45-minute default, a 60-minute variant and a role swap of two 40-minute halves', () => {
    const bySlug = new Map(FRAMEWORK_SCRIPTS.map((script) => [script.slug, script]));
    expect(totalMinutes(DEFAULT_SCRIPT)).toBe(45);
    expect(totalMinutes(bySlug.get('extended-60') as FrameworkScript)).toBe(60);
    const swap = bySlug.get('role-swap-2x40') as FrameworkScript;
    expect(totalMinutes(swap)).toBe(80);
    for (const half of [1, 2]) expect(totalMinutes({ phases: swap.phases.filter((p) => p.half === half) })).toBe(40);
  });

  it('the default script contains every phase key, so every hint has a phase to show in', () => {
    expect(DEFAULT_SCRIPT.phases.map((phase) => phase.key)).toEqual([...PHASE_KEYS]);
  });

  it('the default script follows the framework timing: requirements ~5, entities ~2, API ~5, design 10-15, deep dives ~10', () => {
    const minutes = Object.fromEntries(DEFAULT_SCRIPT.phases.map((phase) => [phase.key, phase.minutes]));
    expect(minutes['requirements']).toBe(5);
    expect(minutes['entities']).toBe(2);
    expect(minutes['api']).toBe(5);
    expect(minutes['high-level-design']).toBeGreaterThanOrEqual(10);
    expect(minutes['high-level-design']).toBeLessThanOrEqual(15);
    expect(minutes['deep-dives']).toBe(10);
    const optional = DEFAULT_SCRIPT.phases.filter((phase) => phase.optional).map((phase) => phase.key);
    expect(optional).toEqual(['capacity', 'data-flow']);
  });

  it('the role swap repeats the same phases in each half, with the half named in every phase', () => {
    const swap = FRAMEWORK_SCRIPTS.find((script) => script.phases.some((phase) => phase.half !== undefined)) as FrameworkScript;
    const first = swap.phases.filter((phase) => phase.half === 1);
    const second = swap.phases.filter((phase) => phase.half === 2);
    expect(first.length + second.length).toBe(swap.phases.length);
    expect(second.map((phase) => phase.key)).toEqual(first.map((phase) => phase.key));
    for (const phase of first) expect(phase.name).toMatch(/^Round 1: /);
    for (const phase of second) expect(phase.name).toMatch(/^Round 2: /);
    expect(new Set(swap.phases.map((phase) => phase.name)).size).toBe(swap.phases.length);
  });

  it('only the single-session scripts leave half unset, and never partially', () => {
    for (const script of FRAMEWORK_SCRIPTS) {
      const withHalf = script.phases.filter((phase) => phase.half !== undefined).length;
      expect([0, script.phases.length]).toContain(withHalf);
    }
  });
});

describe('question bank', () => {
  it.each(QUESTIONS.map((question) => [question.slug, question] as const))('%s parses unchanged', (_slug, question) => {
    expect(questionSchema.parse(question)).toEqual(question);
  });

  it('has at least 12 questions with unique slugs, titles and prompts', () => {
    expect(QUESTIONS.length).toBeGreaterThanOrEqual(12);
    expect(questionBankSchema.safeParse(QUESTIONS).success).toBe(true);
    for (const field of ['slug', 'title', 'prompt'] as const) {
      expect(new Set(QUESTIONS.map((question) => question[field])).size).toBe(QUESTIONS.length);
    }
  });

  it('covers every level, with at least two questions each at junior, mid and senior', () => {
    const count = (level: string) => QUESTIONS.filter((question) => question.level === level).length;
    for (const level of LEVELS) expect(count(level)).toBeGreaterThanOrEqual(1);
    for (const level of ['junior', 'mid', 'senior']) expect(count(level)).toBeGreaterThanOrEqual(2);
  });

  it('includes the classic problems', () => {
    const slugs = QUESTIONS.map((question) => question.slug);
    expect(slugs).toEqual(
      expect.arrayContaining([
        'url-shortener',
        'news-feed',
        'chat-messaging',
        'ride-sharing',
        'ticket-booking',
        'rate-limiter',
        'web-crawler',
        'file-storage-sync',
        'game-leaderboard',
        'notification-system',
        'video-streaming',
        'ad-click-aggregation',
      ]),
    );
  });

  it('hints point at phases of the default script and cover the core phases', () => {
    const defaultKeys = new Set(DEFAULT_SCRIPT.phases.map((phase) => phase.key));
    for (const question of QUESTIONS) {
      for (const hint of question.hints) expect(defaultKeys.has(hint.phase)).toBe(true);
      const hintsFor = (phase: string) => question.hints.filter((hint) => hint.phase === phase).length;
      for (const phase of ['requirements', 'entities', 'api']) expect(hintsFor(phase)).toBeGreaterThanOrEqual(1);
      for (const phase of ['high-level-design', 'deep-dives']) expect(hintsFor(phase)).toBeGreaterThanOrEqual(2);
    }
  });

  it('carries 2-3 signals for every dimension of the default rubric and no others', () => {
    const dimensionKeys = DEFAULT_RUBRIC.dimensions.map((dimension) => dimension.key).sort();
    for (const question of QUESTIONS) {
      expect(Object.keys(question.signals).sort()).toEqual(dimensionKeys);
      for (const signals of Object.values(question.signals)) {
        expect(signals.length).toBeGreaterThanOrEqual(2);
        expect(signals.length).toBeLessThanOrEqual(3);
      }
    }
  });

  it('has 3-5 functional and non-functional requirements and 4-6 probes per question', () => {
    for (const question of QUESTIONS) {
      expect(question.requirements.functional.length).toBeGreaterThanOrEqual(3);
      expect(question.requirements.functional.length).toBeLessThanOrEqual(5);
      expect(question.requirements.nonFunctional.length).toBeGreaterThanOrEqual(3);
      expect(question.requirements.nonFunctional.length).toBeLessThanOrEqual(5);
      expect(question.probes.length).toBeGreaterThanOrEqual(4);
      expect(question.probes.length).toBeLessThanOrEqual(6);
    }
  });

  it('files probes under known topics that the question is tagged with', () => {
    const known = new Set<string>(TOPICS);
    for (const question of QUESTIONS) {
      for (const topic of question.topics) expect(known.has(topic)).toBe(true);
      for (const probe of question.probes) {
        expect(known.has(probe.topic)).toBe(true);
        expect(question.topics).toContain(probe.topic);
      }
    }
  });

  it('uses every topic somewhere, so no topic filter comes back empty', () => {
    const used = new Set(QUESTIONS.flatMap((question) => question.topics));
    expect(TOPICS.filter((topic) => !used.has(topic))).toEqual([]);
    expect(Object.keys(TOPIC_NAMES).sort()).toEqual([...TOPICS].sort());
  });
});

describe('rubric', () => {
  it('parses unchanged and has exactly the expected dimensions', () => {
    expect(rubricSchema.parse(DEFAULT_RUBRIC)).toEqual(DEFAULT_RUBRIC);
    expect(DEFAULT_RUBRIC.dimensions.map((dimension) => dimension.key)).toEqual([...DIMENSION_KEYS]);
  });

  it('gives every dimension four different anchors', () => {
    for (const dimension of DEFAULT_RUBRIC.dimensions) {
      expect(new Set(SCORES.map((score) => dimension.anchors[score])).size).toBe(4);
    }
  });
});

describe('text', () => {
  it('is non-empty, trimmed and free of HTML tags everywhere', () => {
    const bad = allText.filter(({ text }) => text.length === 0 || text.trim() !== text || HTML_TAG.test(text));
    expect(bad).toEqual([]);
  });

  it('does not repeat a sentence between two questions', () => {
    const seen = new Map<string, string>();
    const repeats: string[] = [];
    for (const question of QUESTIONS) {
      const prose = {
        prompt: question.prompt,
        requirements: question.requirements,
        entities: question.entities,
        hints: question.hints.map((hint) => hint.text),
        probes: question.probes.map((probe) => probe.text),
        signals: question.signals,
      };
      const texts = stringsIn(prose, question.slug);
      for (const { path, text } of texts) {
        const owner = seen.get(text);
        if (owner && !owner.startsWith(`${question.slug}.`)) repeats.push(`${path} repeats ${owner}`);
        seen.set(text, path);
      }
    }
    expect(repeats).toEqual([]);
  });
});

/** The shapes of the "Content" section of the API contract, which this content must fill. */
describe('API contract shapes', () => {
  const questionListItem = z.strictObject({
    id: z.string(),
    slug: z.string(),
    title: z.string(),
    level: z.enum(['junior', 'mid', 'senior', 'staff']),
    topics: z.array(z.string()),
    prompt: z.string(),
  });
  const questionDetail = questionListItem.extend({
    requirements: z.strictObject({ functional: z.array(z.string()), nonFunctional: z.array(z.string()) }),
    entities: z.array(z.string()),
    hints: z.array(z.strictObject({ phase: z.string(), text: z.string() })),
    probes: z.array(z.strictObject({ topic: z.string(), text: z.string() })),
    signals: z.record(z.string(), z.array(z.string())),
  });
  const scriptSummary = z.strictObject({
    id: z.string(),
    name: z.string(),
    version: z.number().int(),
    isDefault: z.boolean(),
    totalMinutes: z.number().int(),
    phases: z.array(z.strictObject({ key: z.string(), name: z.string(), minutes: z.number().int() })),
  });
  const rubricResponse = z.strictObject({
    dimensions: z.array(
      z.strictObject({
        key: z.string(),
        name: z.string(),
        anchors: z.strictObject({ 1: z.string(), 2: z.string(), 3: z.string(), 4: z.string() }),
      }),
    ),
  });

  const withId = (question: Question) => ({ id: `q-${question.slug}`, ...question });

  it('questions fill the list and detail responses', () => {
    const bank = QUESTIONS.map(withId);
    const items = bank.map(({ id, slug, title, level, topics, prompt }) => ({ id, slug, title, level, topics, prompt }));
    expect(items.length).toBeLessThanOrEqual(200);
    for (const item of items) expect(questionListItem.parse(item)).toEqual(item);
    for (const question of bank) expect(questionDetail.parse(question)).toEqual(question);
  });

  it('scripts fill the script list, with one default', () => {
    const items = FRAMEWORK_SCRIPTS.map((script) => ({
      id: `s-${script.slug}`,
      name: script.name,
      version: script.version,
      isDefault: script.isDefault,
      totalMinutes: totalMinutes(script),
      phases: script.phases.map(({ key, name, minutes }) => ({ key, name, minutes })),
    }));
    for (const item of items) expect(scriptSummary.parse(item)).toEqual(item);
    expect(items.filter((item) => item.isDefault)).toHaveLength(1);
  });

  it('the rubric fills the default-rubric response', () => {
    const response = { dimensions: DEFAULT_RUBRIC.dimensions.map(({ key, name, anchors }) => ({ key, name, anchors })) };
    expect(rubricResponse.parse(response)).toEqual(response);
  });
});

describe('schemas reject broken content', () => {
  const script = DEFAULT_SCRIPT;
  const question = QUESTIONS[0];

  it('two default scripts, or none', () => {
    expect(frameworkScriptsSchema.safeParse([script, { ...script, slug: 'other' }]).success).toBe(false);
    expect(frameworkScriptsSchema.safeParse([{ ...script, isDefault: false }]).success).toBe(false);
  });

  it('duplicate script slugs', () => {
    expect(frameworkScriptsSchema.safeParse([script, { ...script, isDefault: false }]).success).toBe(false);
  });

  it('phases out of order, repeated, or with half set on only some of them', () => {
    const [first, second, ...rest] = script.phases;
    expect(frameworkScriptSchema.safeParse({ ...script, phases: [second, first, ...rest] }).success).toBe(false);
    expect(frameworkScriptSchema.safeParse({ ...script, phases: [first, first] }).success).toBe(false);
    expect(frameworkScriptSchema.safeParse({ ...script, phases: [{ ...first, half: 1 }, second] }).success).toBe(false);
    expect(
      frameworkScriptSchema.safeParse({ ...script, phases: [{ ...first, half: 2 }, { ...second, half: 1 }] }).success,
    ).toBe(false);
  });

  it('autoAdvance defaults to false', () => {
    const { autoAdvance: _omitted, ...rest } = script;
    expect(frameworkScriptSchema.parse(rest).autoAdvance).toBe(false);
  });

  it('HTML, untrimmed or empty text', () => {
    expect(questionSchema.safeParse({ ...question, prompt: 'Design <b>this</b>' }).success).toBe(false);
    expect(questionSchema.safeParse({ ...question, title: ' padded' }).success).toBe(false);
    expect(questionSchema.safeParse({ ...question, title: '' }).success).toBe(false);
    expect(questionSchema.safeParse({ ...question, prompt: 'Latency under 5 ms, i.e. p99 < 5 ms' }).success).toBe(true);
  });

  it('unknown topics, phases or dimensions, and probes outside the question\'s topics', () => {
    expect(questionSchema.safeParse({ ...question, topics: ['blockchain'] }).success).toBe(false);
    expect(questionSchema.safeParse({ ...question, hints: [...question.hints, { phase: 'coding', text: 'x' }] }).success).toBe(false);
    expect(questionSchema.safeParse({ ...question, signals: { ...question.signals, extra: ['a', 'b'] } }).success).toBe(false);
    const otherTopic = TOPICS.find((topic) => !question.topics.includes(topic));
    const probes = [...question.probes.slice(1), { topic: otherTopic, text: 'Off-topic probe' }];
    expect(questionSchema.safeParse({ ...question, probes }).success).toBe(false);
  });

  it('a question without design or deep-dive hints', () => {
    const hints = question.hints.filter((hint) => hint.phase !== 'deep-dives');
    expect(questionSchema.safeParse({ ...question, hints: [...hints, ...hints.slice(0, 2)] }).success).toBe(false);
  });

  it('two anchors of a dimension that are the same', () => {
    const [dimension, ...others] = DEFAULT_RUBRIC.dimensions;
    const broken = { ...dimension, anchors: { ...dimension.anchors, 2: dimension.anchors[1] } };
    expect(rubricSchema.safeParse({ ...DEFAULT_RUBRIC, dimensions: [broken, ...others] }).success).toBe(false);
    expect(rubricSchema.safeParse({ ...DEFAULT_RUBRIC, dimensions: others }).success).toBe(false);
  });
});
