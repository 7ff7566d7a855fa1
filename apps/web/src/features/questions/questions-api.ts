import {
  LEVELS,
  questionDetailSchema,
  questionListSchema,
  scriptListSchema,
  TOPICS,
  type Level,
  type QuestionList,
  type ScriptSummary,
  type Topic,
} from '@pairboard/contracts';
import { TOPIC_NAMES } from '@pairboard/interview-content';
import type { ApiClient } from '../../api';

export interface QuestionFilters {
  q: string;
  level: Level | '';
  topic: Topic | '';
}

export const LEVEL_LABEL: Record<Level, string> = {
  junior: 'Junior',
  mid: 'Mid-level',
  senior: 'Senior',
  staff: 'Staff',
};

export const topicName = (topic: string): string => (TOPIC_NAMES as Record<string, string>)[topic] ?? topic;

const isLevel = (value: string | null): value is Level => LEVELS.includes(value as Level);
const isTopic = (value: string | null): value is Topic => TOPICS.includes(value as Topic);

/** The filters a URL carries; unknown levels and topics are ignored rather than sent. */
export function filtersFromSearch(search: URLSearchParams): QuestionFilters {
  const level = search.get('level');
  const topic = search.get('topic');
  return {
    q: search.get('q') ?? '',
    level: isLevel(level) ? level : '',
    topic: isTopic(topic) ? topic : '',
  };
}

/** The query string for the filters, without empty ones, in a stable order. */
export function searchFromFilters(filters: QuestionFilters): URLSearchParams {
  const search = new URLSearchParams();
  const q = filters.q.trim();
  if (q) search.set('q', q);
  if (filters.level) search.set('level', filters.level);
  if (filters.topic) search.set('topic', filters.topic);
  return search;
}

export const hasFilters = (filters: QuestionFilters) => Boolean(filters.q.trim() || filters.level || filters.topic);

export const questionsQueryKey = (filters: QuestionFilters) => ['questions', searchFromFilters(filters).toString()] as const;
export const questionQueryKey = (id: string) => ['questions', 'detail', id] as const;
export const scriptsQueryKey = ['scripts'] as const;

export const fetchQuestions = (client: ApiClient, filters: QuestionFilters, signal?: AbortSignal): Promise<QuestionList> => {
  const query = searchFromFilters(filters).toString();
  return client.request(`/api/questions${query ? `?${query}` : ''}`, { schema: questionListSchema, signal });
};

export const fetchQuestion = (client: ApiClient, id: string, signal?: AbortSignal) =>
  client.request(`/api/questions/${encodeURIComponent(id)}`, { schema: questionDetailSchema, signal });

export const fetchScripts = async (client: ApiClient, signal?: AbortSignal): Promise<ScriptSummary[]> =>
  (await client.request('/api/scripts', { schema: scriptListSchema, signal })).items;

/** "45 min · Requirements 5 · Entities 5 · …" */
export const scriptLine = (script: ScriptSummary) =>
  [`${script.totalMinutes} min`, ...script.phases.map((phase) => `${phase.name} ${phase.minutes}`)].join(' · ');

/** The first lines of a prompt, cut at a word. */
export function excerpt(text: string, max = 180): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  return `${cut.slice(0, cut.lastIndexOf(' ') > 0 ? cut.lastIndexOf(' ') : max)}…`;
}
