import {
  NOTE_MAX_LENGTH,
  RECOMMENDATIONS,
  type EvidenceQuote,
  type Interview,
  type Note,
  type Recommendation,
  type RubricResponse,
  type Scorecard,
  type SaveScorecardRequest,
} from '@pairboard/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { ApiError, describeError, useApiClient } from '../../api';
import { Alert, Button, Card, CheckIcon, cx, PageHeader } from '../../ui';
import { formatFullDateTime } from '../interviews/schedule';
import { Autosave, type AutosaveStatus } from './autosave';
import { EvidenceContent, noteStamp, sharesAnything } from './EvidenceContent';
import { RECOMMENDATION_LABEL, SCORE_LABEL } from './labels';
import { ScorecardView } from './ScorecardView';
import { fetchNotes, isRetryableError, notesQueryKey, reopenScorecard, saveScorecard, scorecardQueryKey, submitScorecard } from './scoring-api';

/** One dimension's evidence: the picked notes, the wording the candidate reads for each, the interviewer's own words. */
type EvidenceDraft = { noteIds: string[]; sharedText: Record<string, string>; text: string };

type Draft = Required<Pick<SaveScorecardRequest, 'scores' | 'feedback'>> & {
  recommendation: Recommendation | null;
  evidence: Record<string, EvidenceDraft>;
};

const NO_EVIDENCE: EvidenceDraft = { noteIds: [], sharedText: {}, text: '' };

function draftOf(scorecard: Scorecard): Draft {
  return {
    scores: { ...scorecard.scores },
    recommendation: scorecard.recommendation,
    feedback: scorecard.feedback,
    evidence: Object.fromEntries(
      Object.entries(scorecard.evidence).map(([key, entry]) => [
        key,
        { noteIds: entry.noteIds, sharedText: Object.fromEntries(entry.quotes.map((quote) => [quote.noteId, quote.text])), text: entry.text },
      ]),
    ),
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
              It is locked and the candidate can read it, evidence included, as previewed. You can reopen it only until they have opened it.
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
            value={draft.evidence[dimension.key] ?? NO_EVIDENCE}
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
  value: EvidenceDraft;
  onChange(next: EvidenceDraft): void;
}) {
  const [open, setOpen] = useState(value.noteIds.length > 0 || value.text !== '');
  const picked = useMemo(() => new Set(value.noteIds), [value.noteIds]);
  const notesById = useMemo(() => new Map(notes.map((note) => [note.id, note])), [notes]);
  const toggle = (note: Note) => {
    if (picked.has(note.id)) {
      const sharedText = Object.fromEntries(Object.entries(value.sharedText).filter(([noteId]) => noteId !== note.id));
      onChange({ ...value, noteIds: value.noteIds.filter((id) => id !== note.id), sharedText });
    } else {
      // Picking starts from the note word for word; the interviewer sees it below and may reword it.
      onChange({ ...value, noteIds: [...value.noteIds, note.id], sharedText: { ...value.sharedText, [note.id]: note.text } });
    }
  };
  const preview: EvidenceQuote[] = value.noteIds.flatMap((noteId) => {
    const note = notesById.get(noteId);
    return note ? [{ noteId, text: value.sharedText[noteId] ?? '', sessionMs: note.sessionMs, phaseIndex: note.phaseIndex }] : [];
  });

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
      <p className="evidence__notice">
        The candidate reads the evidence. Your notes stay private unless you pick one here: the candidate then reads it in the wording you
        give below.
      </p>
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
                <input type="checkbox" checked={picked.has(note.id)} onChange={() => toggle(note)} />
                <span className="scorecard__stamp">{noteStamp(note.phaseIndex, note.sessionMs, phaseNames)}</span>
                <span className="evidence__note-text">{note.text}</span>
              </label>
            </li>
          ))}
        </ul>
      )}
      {preview.map((quote) => (
        <TextArea
          key={quote.noteId}
          label={`Shared from your note at ${noteStamp(quote.phaseIndex, quote.sessionMs, phaseNames)} (quote or paraphrase)`}
          value={quote.text}
          maxLength={NOTE_MAX_LENGTH}
          rows={2}
          onChange={(text) => onChange({ ...value, sharedText: { ...value.sharedText, [quote.noteId]: text } })}
        />
      ))}
      <TextArea label="In your words" value={value.text} maxLength={2000} rows={2} onChange={(text) => onChange({ ...value, text })} />
      <div className="evidence__preview" role="group" aria-label={`What the candidate reads for ${dimensionName}`}>
        <h3 className="scorecard__evidence-title">What the candidate reads</h3>
        {sharesAnything(preview, value.text) ? (
          <EvidenceContent quotes={preview} text={value.text} phaseNames={phaseNames} />
        ) : (
          <p className="scorecard__muted">Nothing yet.</p>
        )}
      </div>
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
