import { LEVELS, type Level, type QuestionSummary, type ScriptSummary } from '@pairboard/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { describeError, useApiClient } from '../../api';
import { Button, SelectField, TextField, type SelectOption } from '../../ui';
import {
  fetchQuestion,
  fetchQuestions,
  fetchScripts,
  LEVEL_LABEL,
  questionQueryKey,
  questionsQueryKey,
  scriptLine,
  scriptsQueryKey,
} from '../questions/questions-api';
import { useDebouncedValue } from '../questions/useDebouncedValue';

const LEVEL_OPTIONS: SelectOption<Level | ''>[] = [
  { value: '', label: 'All levels' },
  ...LEVELS.map((level) => ({ value: level, label: LEVEL_LABEL[level] })),
];

interface QuestionPickerProps {
  value: string;
  /** `question` is null when the choice is cleared. */
  onChange(question: { id: string; title: string } | null): void;
}

/** An optional question from the bank: narrowed by words and level, chosen in a native select. */
export function QuestionPicker({ value, onChange }: QuestionPickerProps) {
  const client = useApiClient();
  const [text, setText] = useState('');
  const [level, setLevel] = useState<Level | ''>('');
  const q = useDebouncedValue(text, 250);
  const filters = { q, level, topic: '' as const };
  const list = useQuery({
    queryKey: questionsQueryKey(filters),
    queryFn: ({ signal }) => fetchQuestions(client, filters, signal),
    placeholderData: keepPreviousData,
  });
  // The chosen question may be filtered out of the list (or come from the link): its title comes from here.
  const chosen = useQuery({
    queryKey: questionQueryKey(value),
    queryFn: ({ signal }) => fetchQuestion(client, value, signal),
    enabled: value !== '',
  });

  const items: QuestionSummary[] = list.data?.items ?? [];
  const options = [
    { value: '', label: 'No question: talk it through freely' },
    ...(value && !items.some((item) => item.id === value)
      ? [{ value, label: chosen.data ? `${chosen.data.title} (${LEVEL_LABEL[chosen.data.level]})` : 'The chosen question' }]
      : []),
    ...items.map((item) => ({ value: item.id, label: `${item.title} (${LEVEL_LABEL[item.level]})` })),
  ];

  const pick = (id: string) => {
    if (!id) return onChange(null);
    const item = items.find((candidate) => candidate.id === id);
    const title = item?.title ?? (chosen.data?.id === id ? chosen.data.title : '');
    onChange({ id, title });
  };

  return (
    <fieldset className="new-interview__group">
      <legend className="new-interview__legend">Question from the bank</legend>
      <p className="new-interview__hint">Optional. The interviewer sees its hints and probes in the room.</p>
      <div className="new-interview__question-filters">
        <TextField
          label="Find a question"
          type="search"
          placeholder="Search the bank"
          value={text}
          onChange={(event) => setText(event.target.value)}
        />
        <SelectField label="Question level" value={level} options={LEVEL_OPTIONS} onChange={(next) => setLevel(next)} />
      </div>
      <SelectField
        data-field="question"
        label="Question"
        value={value}
        options={options}
        onChange={pick}
        error={list.isError ? `The questions could not be loaded: ${describeError(list.error)}` : undefined}
      />
      {list.isError && (
        <Button size="sm" variant="secondary" onClick={() => list.refetch()} loading={list.isFetching}>
          Try again
        </Button>
      )}
      {list.isSuccess && (
        <p className="new-interview__hint">
          {list.data.total === 1 ? '1 question matches' : `${list.data.total} questions match`}
        </p>
      )}
    </fieldset>
  );
}

export const defaultScript = (scripts: readonly ScriptSummary[] | undefined) =>
  scripts?.find((script) => script.isDefault) ?? scripts?.[0];

interface ScriptPickerProps {
  /** Empty means "the default one". */
  value: string;
  onChange(scriptId: string): void;
}

/** The interview's running order; the default script is chosen until someone picks another. */
export function ScriptPicker({ value, onChange }: ScriptPickerProps) {
  const client = useApiClient();
  const scripts = useQuery({ queryKey: scriptsQueryKey, queryFn: ({ signal }) => fetchScripts(client, signal) });
  const effective = value || defaultScript(scripts.data)?.id || '';
  const selected = scripts.data?.find((script) => script.id === effective);

  if (scripts.isPending) {
    return <SelectField label="Script" value="" options={[{ value: '', label: 'Loading scripts…' }]} onChange={() => undefined} disabled />;
  }
  if (scripts.isError) {
    return (
      <div className="new-interview__group">
        <SelectField
          label="Script"
          value=""
          options={[{ value: '', label: 'The default script' }]}
          onChange={() => undefined}
          disabled
          error={`The scripts could not be loaded: ${describeError(scripts.error)}`}
        />
        <Button size="sm" variant="secondary" onClick={() => scripts.refetch()} loading={scripts.isFetching}>
          Try again
        </Button>
      </div>
    );
  }
  return (
    <div>
      <SelectField
        data-field="script"
        label="Script"
        aria-describedby="script-phases"
        value={effective}
        options={scripts.data.map((script) => ({
          value: script.id,
          label: `${script.name}${script.isDefault ? ' (default)' : script.builtIn ? '' : ` (yours, v${script.version})`}`,
        }))}
        onChange={onChange}
      />
      {selected && (
        <p id="script-phases" className="new-interview__hint new-interview__phases">
          {scriptLine(selected)}
        </p>
      )}
    </div>
  );
}
