import { RECOMMENDATIONS, type Interview, type Note, type Recommendation, type RubricResponse, type Scorecard, type SaveScorecardRequest } from '@pairboard/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { ApiError, describeError, useApiClient } from '../../api';
import { Alert, Button, Card, CheckIcon, cx, PageHeader } from '../../ui';
import { formatFullDateTime } from '../interviews/schedule';
import { Autosave, type AutosaveStatus } from './autosave';
import { formatSessionTime, RECOMMENDATION_LABEL, SCORE_LABEL } from './labels';
import { ScorecardView } from './ScorecardView';
import { fetchNotes, isRetryableError, notesQueryKey, reopenScorecard, saveScorecard, scorecardQueryKey, submitScorecard } from './scoring-api';

type Draft = Required<Pick<SaveScorecardRequest, 'scores' | 'feedback'>> & {
  recommendation: Recommendation | null;
  evidence: Record<string, { noteIds: string[]; text: string }>;
};

function draftOf(scorecard: Scorecard): Draft {
  return {
    scores: { ...scorecard.scores },
    recommendation: scorecard.recommendation,
    feedback: scorecard.feedback,
    evidence: Object.fromEntries(Object.entries(scorecard.evidence).map(([key, entry]) => [key, { noteIds: entry.noteIds, text: entry.text }])),
  };
}

interface EditorProps {
  interview: Interview;
  rubric: RubricResponse;
  initial: Scorecard;
  phaseNames: string[];
}

export function ScorecardEditor({ interview, rubric, initial, phaseNames }: EditorProps) {
  const client = useApiClient();
  const queryClient = useQueryClient();
  const [scorecard, setScorecard] = useState(initial);
  const [actionError, setActionError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const publish = (next: Scorecard) => {
    setScorecard(next);
    queryClient.setQueryData(scorecardQueryKey(interview.id), next);
  };

  if (scorecard.status === 'submitted') {
    const reopen = async () => {
      setBusy(true);
      setActionError(null);
      try {
        publish(await reopenScorecard(client, interview.id));
      } catch (error) {
        setActionError(describeError(error));
        if (error instanceof ApiError && error.code === 'CONFLICT') void queryClient.invalidateQueries({ queryKey: scorecardQueryKey(interview.id) });
      } finally {
        setBusy(false);
      }
    };
    return (
      <ScorecardView
        interview={interview}
        rubric={rubric}
        scorecard={scorecard}
        phaseNames={phaseNames}
        audience="interviewer"
        actions={
          scorecard.canReopen ? (
            <Button onClick={reopen} loading={busy}>
              Reopen
            </Button>
          ) : undefined
        }
        notice={
          <>
            {actionError && <Alert tone="error">{actionError}</Alert>}
            <Alert tone="success" title="Submitted">
              {scorecard.candidateSeenAt
                ? `The candidate opened it on ${formatFullDateTime(scorecard.candidateSeenAt)}, so it can no longer be reopened.`
                : 'The candidate can read it now. Until they open it, you can still reopen it to make changes.'}
            </Alert>
          </>
        }
      />
    );
  }
  return <DraftForm interview={interview} rubric={rubric} scorecard={scorecard} phaseNames={phaseNames} onSubmitted={publish} />;
}

function DraftForm({
  interview,
  rubric,
  scorecard,
  phaseNames,
  onSubmitted,
}: {
  interview: Interview;
  rubric: RubricResponse;
  scorecard: Scorecard;
  phaseNames: string[];
  onSubmitted(next: Scorecard): void;
}) {
  const client = useApiClient();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<Draft>(() => draftOf(scorecard));
  const [status, setStatus] = useState<AutosaveStatus>(scorecard.updatedAt ? { state: 'saved', at: Date.parse(scorecard.updatedAt) } : { state: 'idle' });
  const [confirming, setConfirming] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [submitError, setSubmitError] = useState<string | null>(null);
  const notes = useQuery({ queryKey: notesQueryKey(interview.id), queryFn: ({ signal }) => fetchNotes(client, interview.id, signal) });

  const autosave = useRef<Autosave<Draft> | null>(null);
  useEffect(() => {
    const saver = new Autosave<Draft>({
      save: async (value) => {
        const saved = await saveScorecard(client, interview.id, value);
        queryClient.setQueryData(scorecardQueryKey(interview.id), saved);
      },
      isRetryable: isRetryableError,
      onStatus: setStatus,
    });
    autosave.current = saver;
    // Leaving the page saves what is pending rather than dropping it.
    return () => {
      void saver.flush().finally(() => saver.stop());
    };
  }, [client, interview.id, queryClient]);

  const latest = useRef(draft);
  const update = (change: (current: Draft) => Draft) => {
    const next = change(latest.current);
    latest.current = next;
    setDraft(next);
    autosave.current?.change(next);
    setConfirming(false);
  };

  const missing = rubric.dimensions.filter((dimension) => draft.scores[dimension.key] === undefined);
  const complete = missing.length === 0 && draft.recommendation !== null;

  const submit = async () => {
    setSubmitting(true);
    setSubmitError(null);
    try {
      await autosave.current?.flush();
      if (autosave.current?.hasUnsaved) throw new Error('Your latest changes are not saved yet. Check your connection and try again.');
      onSubmitted(await submitScorecard(client, interview.id));
    } catch (error) {
      setSubmitError(describeError(error));
      setConfirming(false);
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <form className="scorecard" aria-label="Scorecard" onSubmit={(event) => event.preventDefault()}>
      <PageHeader
        title="Scorecard"
        description={
          <span className="scorecard__summary">
            <span>{interview.title}</span>
            {scorecard.candidate.name && <span>· {scorecard.candidate.name}</span>}
            <SaveState status={status} />
          </span>
        }
        actions={
          <Button variant="primary" onClick={() => setConfirming(true)} disabled={!complete || confirming}>
            Submit…
          </Button>
        }
      />
      {status.state === 'failed' && (
        <Alert tone="error" title="Your latest changes were not saved.">
          {describeError(status.error)} Reload the page to see the scorecard as it is now.
        </Alert>
      )}
      {submitError && <Alert tone="error">{submitError}</Alert>}
      {confirming && (
        <div className="scorecard__confirm" role="alertdialog" aria-labelledby="confirm-submit-title">
          <div>
            <p id="confirm-submit-title" className="scorecard__confirm-title">
              Submit the scorecard?
            </p>
            <p className="scorecard__muted">
              It is locked and the candidate can read it. You can reopen it only until they have opened it.
            </p>
          </div>
          <div className="scorecard__confirm-actions">
            <Button onClick={() => setConfirming(false)}>Keep editing</Button>
            <Button variant="primary" onClick={submit} loading={submitting}>
              Submit scorecard
            </Button>
          </div>
        </div>
      )}
      {!complete && (
        <p className="scorecard__muted scorecard__todo">
          To submit: {[...missing.map((dimension) => dimension.name), ...(draft.recommendation ? [] : ['a recommendation'])].join(', ')}.
        </p>
      )}

      {rubric.dimensions.map((dimension) => (
        <Card key={dimension.key} title={dimension.name} description={dimension.description} className="scorecard__dimension">
          <ScoreChoice
            name={dimension.name}
            value={draft.scores[dimension.key] as 1 | 2 | 3 | 4 | undefined}
            anchors={dimension.anchors}
            onChange={(score) => update((current) => ({ ...current, scores: { ...current.scores, [dimension.key]: score } }))}
          />
          <EvidencePicker
            dimensionName={dimension.name}
            notes={notes.data ?? []}
            notesState={notes.isPending ? 'loading' : notes.isError ? 'error' : 'ready'}
            phaseNames={phaseNames}
            value={draft.evidence[dimension.key] ?? { noteIds: [], text: '' }}
            onChange={(entry) => update((current) => ({ ...current, evidence: { ...current.evidence, [dimension.key]: entry } }))}
          />
        </Card>
      ))}

      <Card title="Recommendation">
        <div className="recommendation" role="radiogroup" aria-label="Recommendation">
          {RECOMMENDATIONS.map((value) => (
            <label key={value} className={cx('recommendation__option', `recommendation__option--${value}`, draft.recommendation === value && 'recommendation__option--checked')}>
              <input type="radio" name="recommendation" value={value} checked={draft.recommendation === value} onChange={() => update((current) => ({ ...current, recommendation: value }))} />
              <span>{RECOMMENDATION_LABEL[value]}</span>
            </label>
          ))}
        </div>
      </Card>

      <Card title="Feedback for the candidate" description="What went well, and the one or two things to practise next.">
        <TextArea
          label="Feedback"
          value={draft.feedback}
          maxLength={5000}
          rows={6}
          onChange={(feedback) => update((current) => ({ ...current, feedback }))}
        />
      </Card>
    </form>
  );
}

function SaveState({ status }: { status: AutosaveStatus }) {
  const text =
    status.state === 'pending' || status.state === 'saving'
      ? 'Saving…'
      : status.state === 'saved'
        ? 'Saved'
        : status.state === 'retrying'
          ? 'Offline, retrying…'
          : status.state === 'failed'
            ? 'Not saved'
            : 'Draft';
  return (
    <span className={cx('save-state', `save-state--${status.state}`)} role="status" aria-live="polite">
      {status.state === 'saved' && <CheckIcon size={14} />}
      {text}
    </span>
  );
}

function ScoreChoice({
  name,
  value,
  anchors,
  onChange,
}: {
  name: string;
  value: 1 | 2 | 3 | 4 | undefined;
  anchors: Record<1 | 2 | 3 | 4, string>;
  onChange(score: 1 | 2 | 3 | 4): void;
}) {
  const groupName = useId();
  return (
    <div className="score-choice" role="radiogroup" aria-label={`${name} score`}>
      {([1, 2, 3, 4] as const).map((score) => (
        <label key={score} className={cx('score-choice__option', value === score && 'score-choice__option--checked')}>
          <input type="radio" name={groupName} value={score} checked={value === score} onChange={() => onChange(score)} aria-label={`${score} – ${SCORE_LABEL[score]}`} />
          <span className={cx('score-choice__number', `score-choice__number--${score}`)} aria-hidden="true">
            {score}
          </span>
          <span className="score-choice__text">
            <span className="score-choice__label">{SCORE_LABEL[score]}</span>
            <span className="score-choice__anchor">{anchors[score]}</span>
          </span>
        </label>
      ))}
    </div>
  );
}

function EvidencePicker({
  dimensionName,
  notes,
  notesState,
  phaseNames,
  value,
  onChange,
}: {
  dimensionName: string;
  notes: Note[];
  notesState: 'loading' | 'error' | 'ready';
  phaseNames: string[];
  value: { noteIds: string[]; text: string };
  onChange(next: { noteIds: string[]; text: string }): void;
}) {
  const [open, setOpen] = useState(value.noteIds.length > 0 || value.text !== '');
  const picked = useMemo(() => new Set(value.noteIds), [value.noteIds]);
  const toggle = (noteId: string) =>
    onChange({ ...value, noteIds: picked.has(noteId) ? value.noteIds.filter((id) => id !== noteId) : [...value.noteIds, noteId] });

  if (!open) {
    return (
      <Button size="sm" variant="ghost" className="evidence__open" onClick={() => setOpen(true)}>
        Add evidence
      </Button>
    );
  }
  return (
    <fieldset className="evidence">
      <legend className="evidence__legend">Evidence for {dimensionName}</legend>
      {notesState === 'loading' ? (
        <p className="scorecard__muted">Loading your notes…</p>
      ) : notesState === 'error' ? (
        <p className="scorecard__muted">Your notes could not be loaded; you can still write the evidence below.</p>
      ) : notes.length === 0 ? (
        <p className="scorecard__muted">No notes from the session. Notes you take in the room show up here to pick from.</p>
      ) : (
        <ul className="evidence__notes">
          {notes.map((note) => (
            <li key={note.id}>
              <label className={cx('evidence__note', picked.has(note.id) && 'evidence__note--picked')}>
                <input type="checkbox" checked={picked.has(note.id)} onChange={() => toggle(note.id)} />
                <span className="scorecard__stamp">
                  {note.phaseIndex !== null ? (phaseNames[note.phaseIndex] ?? `Phase ${note.phaseIndex + 1}`) : 'Before start'} · {formatSessionTime(note.sessionMs)}
                </span>
                <span className="evidence__note-text">{note.text}</span>
              </label>
            </li>
          ))}
        </ul>
      )}
      <TextArea label="In your words" value={value.text} maxLength={2000} rows={2} onChange={(text) => onChange({ ...value, text })} />
    </fieldset>
  );
}

export function TextArea({ label, value, onChange, maxLength, rows }: { label: string; value: string; onChange(value: string): void; maxLength: number; rows: number }) {
  const id = useId();
  return (
    <div className="pb-field">
      <label className="pb-field__label" htmlFor={id}>
        {label}
      </label>
      <textarea id={id} className="pb-field__input textarea" value={value} maxLength={maxLength} rows={rows} onChange={(event) => onChange(event.target.value)} />
    </div>
  );
}
