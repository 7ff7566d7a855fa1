import { LEVELS, TOPICS, type Level, type QuestionSummary } from '@pairboard/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useApiClient } from '../../api';
import {
  Badge,
  Button,
  Card,
  CompassIcon,
  EmptyState,
  LoadErrorAlert,
  PageHeader,
  SelectField,
  Skeleton,
  type SelectOption,
  TextField,
  useDocumentTitle,
} from '../../ui';
import {
  excerpt,
  fetchQuestions,
  filtersFromSearch,
  hasFilters,
  LEVEL_LABEL,
  questionsQueryKey,
  searchFromFilters,
  topicName,
  type QuestionFilters,
} from './questions-api';
import './QuestionsPage.css';

export const SEARCH_DEBOUNCE_MS = 250;

const LEVEL_OPTIONS: SelectOption<Level | ''>[] = [
  { value: '', label: 'All levels' },
  ...LEVELS.map((level) => ({ value: level, label: LEVEL_LABEL[level] })),
];
const TOPIC_OPTIONS = [
  { value: '' as const, label: 'All topics' },
  ...TOPICS.map((topic) => ({ value: topic, label: topicName(topic) })),
];

export default function QuestionsPage() {
  useDocumentTitle('Questions');
  const client = useApiClient();
  const [search, setSearch] = useSearchParams();
  const filters = filtersFromSearch(search);
  const [text, setText] = useState(filters.q);

  const update = (change: Partial<QuestionFilters>) =>
    setSearch((current) => searchFromFilters({ ...filtersFromSearch(current), ...change }), { replace: true });

  // Typing updates the URL (and so the request) once the person pauses.
  useEffect(() => {
    if (text.trim() === filters.q.trim()) return;
    const timer = setTimeout(() => update({ q: text }), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text]);

  // Back/forward and "clear filters" change the URL: the text box follows it.
  useEffect(() => {
    setText((current) => (current.trim() === filters.q.trim() ? current : filters.q));
  }, [filters.q]);

  const questions = useQuery({
    queryKey: questionsQueryKey(filters),
    queryFn: ({ signal }) => fetchQuestions(client, filters, signal),
    placeholderData: keepPreviousData,
  });

  const clear = () => {
    setText('');
    setSearch(new URLSearchParams(), { replace: true });
  };

  return (
    <div className="questions">
      <PageHeader title="Questions" description="The question bank: pick one to read it or to practise it with a partner." />
      <form className="questions__filters" role="search" aria-label="Filter questions" onSubmit={(event) => event.preventDefault()}>
        <TextField
          className="questions__search"
          label="Search"
          type="search"
          placeholder="Search titles and prompts"
          value={text}
          onChange={(event) => setText(event.target.value)}
        />
        <SelectField label="Level" value={filters.level} options={LEVEL_OPTIONS} onChange={(level) => update({ level })} />
        <SelectField label="Topic" value={filters.topic} options={TOPIC_OPTIONS} onChange={(topic) => update({ topic })} />
      </form>

      {questions.isPending ? (
        <QuestionListSkeleton />
      ) : questions.isError ? (
        <LoadErrorAlert title="The questions could not be loaded." query={questions} />
      ) : (
        <>
          <p className="questions__count" role="status">
            {questions.data.total === 1 ? '1 question' : `${questions.data.total} questions`}
          </p>
          {questions.data.items.length === 0 ? (
            <Card>
              <EmptyState
                icon={<CompassIcon size={22} />}
                title="No question matches"
                description="Try other words, or look at every level and topic."
                action={
                  hasFilters(filters) && (
                    <Button variant="secondary" onClick={clear}>
                      Clear filters
                    </Button>
                  )
                }
              />
            </Card>
          ) : (
            <ul className="questions__list" aria-label="Questions" aria-busy={questions.isFetching || undefined}>
              {questions.data.items.map((question) => (
                <li key={question.id}>
                  <QuestionCard question={question} />
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </div>
  );
}

function QuestionCard({ question }: { question: QuestionSummary }) {
  return (
    <article className="question-card">
      <div className="question-card__head">
        <h2 className="question-card__title">
          <Link to={`/questions/${encodeURIComponent(question.id)}`} className="question-card__link">
            {question.title}
          </Link>
        </h2>
        <LevelBadge level={question.level} />
      </div>
      <p className="question-card__prompt">{excerpt(question.prompt)}</p>
      {question.topics.length > 0 && <TopicTags topics={question.topics} />}
    </article>
  );
}

export function LevelBadge({ level }: { level: QuestionSummary['level'] }) {
  const tone = level === 'junior' ? 'success' : level === 'mid' ? 'info' : level === 'senior' ? 'accent' : 'warning';
  return <Badge tone={tone}>{LEVEL_LABEL[level]}</Badge>;
}

export function TopicTags({ topics, inline = false }: { topics: readonly string[]; inline?: boolean }) {
  // Inline inside a paragraph (a page header's description), where a list may not go.
  if (inline) {
    return (
      <span className="question-tags">
        {topics.map((topic) => (
          <span key={topic} className="question-tags__tag">
            {topicName(topic)}
          </span>
        ))}
      </span>
    );
  }
  return (
    <ul className="question-tags" aria-label="Topics">
      {topics.map((topic) => (
        <li key={topic} className="question-tags__tag">
          {topicName(topic)}
        </li>
      ))}
    </ul>
  );
}

function QuestionListSkeleton() {
  return (
    <ul className="questions__list" aria-label="Loading questions" aria-busy="true">
      {[0, 1, 2, 3].map((index) => (
        <li key={index} className="question-card">
          <Skeleton width="40%" height={18} />
          <Skeleton width="95%" />
          <Skeleton width="70%" />
        </li>
      ))}
    </ul>
  );
}
