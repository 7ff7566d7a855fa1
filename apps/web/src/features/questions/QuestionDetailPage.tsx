import type { QuestionDetail } from '@pairboard/contracts';
import { PHASE_GUIDES, PHASE_KEYS } from '@pairboard/interview-content';
import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { useApiClient } from '../../api';
import {
  BackLink,
  BoardIcon,
  Card,
  LinkButton,
  LoadingBlock,
  NotFoundCard,
  PageHeader,
  QueryFailure,
  useDocumentTitle,
} from '../../ui';
import { dimensionName } from '../scoring/labels';
import { fetchQuestion, questionQueryKey, topicName } from './questions-api';
import { LevelBadge, TopicTags } from './QuestionsPage';
import './QuestionDetailPage.css';

const phaseName = (key: string) => (PHASE_GUIDES as Record<string, { name: string } | undefined>)[key]?.name ?? key;

export default function QuestionDetailPage() {
  const { questionId = '' } = useParams();
  const client = useApiClient();
  const question = useQuery({
    queryKey: questionQueryKey(questionId),
    queryFn: ({ signal }) => fetchQuestion(client, questionId, signal),
  });
  useDocumentTitle(question.data?.title ?? 'Question');

  return (
    <>
      <BackLink to="/questions">Questions</BackLink>
      {question.isPending ? (
        <LoadingBlock label="Loading the question" />
      ) : question.isError ? (
        <QueryFailure
          query={question}
          title="This question could not be loaded."
          notFound={<NotFoundCard title="Question not found" description="It may have been removed from the bank." backTo="/questions" backLabel="Back to the questions" />}
        />
      ) : (
        <QuestionDetails question={question.data} />
      )}
    </>
  );
}

function groupHints(hints: QuestionDetail['hints']) {
  const order = (key: string) => {
    const index = (PHASE_KEYS as readonly string[]).indexOf(key);
    return index === -1 ? PHASE_KEYS.length : index;
  };
  const groups = new Map<string, string[]>();
  for (const hint of hints) groups.set(hint.phase, [...(groups.get(hint.phase) ?? []), hint.text]);
  return [...groups.entries()].sort(([a], [b]) => order(a) - order(b));
}

function QuestionDetails({ question }: { question: QuestionDetail }) {
  const hints = groupHints(question.hints);
  const signals = Object.entries(question.signals).filter(([, items]) => items.length > 0);
  return (
    <div className="question-detail">
      <PageHeader
        title={question.title}
        description={
          <span className="question-detail__summary">
            <LevelBadge level={question.level} />
            <TopicTags topics={question.topics} inline />
          </span>
        }
        actions={
          <LinkButton
            to={`/interviews/new?questionId=${encodeURIComponent(question.id)}`}
            variant="primary"
            size="lg"
            icon={<BoardIcon />}
          >
            Practise this question
          </LinkButton>
        }
      />

      <Card title="Prompt">
        <p className="question-detail__prompt">{question.prompt}</p>
      </Card>

      <div className="question-detail__grid">
        <Card title="Functional requirements">
          <List items={question.requirements.functional} />
        </Card>
        <Card title="Non-functional requirements">
          <List items={question.requirements.nonFunctional} />
        </Card>
      </div>

      <Card title="Core entities">
        {question.entities.length === 0 ? (
          <p className="question-detail__none">None listed.</p>
        ) : (
          <ul className="question-detail__entities">
            {question.entities.map((entity) => {
              // "Link: short code, long URL, …": the name stands out from its fields.
              const colon = entity.indexOf(':');
              return (
                <li key={entity}>
                  {colon > 0 ? (
                    <>
                      <strong>{entity.slice(0, colon)}</strong>
                      {entity.slice(colon)}
                    </>
                  ) : (
                    entity
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </Card>

      <details className="question-detail__interviewer">
        <summary className="question-detail__interviewer-summary">
          <span className="question-detail__interviewer-title">For interviewers</span>
          <span className="question-detail__interviewer-note">
            Hints, probing questions and signals. Practising as a candidate? You may want to leave this closed.
          </span>
        </summary>
        <div className="question-detail__interviewer-body">
          <section aria-labelledby="question-hints">
            <h2 id="question-hints" className="question-detail__heading">
              Hints by phase
            </h2>
            {hints.length === 0 ? (
              <p className="question-detail__none">No hints for this question.</p>
            ) : (
              hints.map(([phase, texts]) => (
                <div key={phase} className="question-detail__group">
                  <h3 className="question-detail__subheading">{phaseName(phase)}</h3>
                  <List items={texts} />
                </div>
              ))
            )}
          </section>
          <section aria-labelledby="question-probes">
            <h2 id="question-probes" className="question-detail__heading">
              Probing questions
            </h2>
            {question.probes.length === 0 ? (
              <p className="question-detail__none">No probing questions for this question.</p>
            ) : (
              <ul className="question-detail__list">
                {question.probes.map((probe) => (
                  <li key={`${probe.topic}:${probe.text}`}>
                    <span className="question-tags__tag question-detail__probe-topic">{topicName(probe.topic)}</span>{' '}
                    {probe.text}
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section aria-labelledby="question-signals">
            <h2 id="question-signals" className="question-detail__heading">
              Signals by rubric dimension
            </h2>
            {signals.length === 0 ? (
              <p className="question-detail__none">No signals for this question.</p>
            ) : (
              signals.map(([dimension, items]) => (
                <div key={dimension} className="question-detail__group">
                  <h3 className="question-detail__subheading">{dimensionName(dimension)}</h3>
                  <List items={items} />
                </div>
              ))
            )}
          </section>
        </div>
      </details>
    </div>
  );
}

function List({ items }: { items: readonly string[] }) {
  if (items.length === 0) return <p className="question-detail__none">None listed.</p>;
  return (
    <ul className="question-detail__list">
      {items.map((item) => (
        <li key={item}>{item}</li>
      ))}
    </ul>
  );
}
