import type { ScriptDetail } from '@pairboard/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type DragEvent, type FormEvent } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { ApiError, describeError, useApiClient } from '../../api';
import { ScriptNotFound } from './ScriptNotFound';
import {
  Alert,
  BackLink,
  Button,
  Card,
  CloseIcon,
  CompassIcon,
  EmptyState,
  IconButton,
  LoadingBlock,
  PageHeader,
  PlusIcon,
  QueryFailure,
  SelectField,
  TextField,
  useDocumentTitle,
} from '../../ui';
import { PhaseBar } from './PhaseBar';
import {
  bodyFromDraft,
  checkDraft,
  draftFromScript,
  emptyDraft,
  issuesByField,
  KNOWN_KINDS,
  kindName,
  LIMITS,
  move,
  newPhase,
  ownKey,
  totalOf,
  type PhaseDraft,
  type PromptField,
  type ScriptDraft,
} from './script-draft';
import { createScript, fetchScript, scriptQueryKey, scriptVersionsQueryKey, updateScript } from './scripts-api';
import { useCopyScript } from './ScriptsPage';
import { TextAreaField } from './TextAreaField';
import './ScriptEditorPage.css';

const OWN_KIND = '__own';

/** `/scripts/new` (no slug) or `/scripts/:slug/edit`. */
export default function ScriptEditorPage() {
  const { slug } = useParams();
  const client = useApiClient();
  const script = useQuery({
    queryKey: scriptQueryKey(slug ?? ''),
    queryFn: ({ signal }) => fetchScript(client, slug ?? '', undefined, signal),
    enabled: slug !== undefined,
    // The editor starts from what is stored now, not from a cached copy someone else has since replaced.
    staleTime: 0,
  });
  useDocumentTitle(slug === undefined ? 'New script' : `Edit ${script.data?.name ?? 'script'}`);

  if (slug === undefined) {
    return (
      <>
        <BackLink to="/scripts">Scripts</BackLink>
        <Editor key="new" />
      </>
    );
  }
  return (
    <>
      <BackLink to={`/scripts/${encodeURIComponent(slug)}`}>{script.data?.name ?? 'Script'}</BackLink>
      {script.isPending ? (
        <LoadingBlock label="Loading the script" />
      ) : script.isError ? (
        <QueryFailure query={script} title="This script could not be loaded." notFound={<ScriptNotFound />} />
      ) : script.data.mine ? (
        <Editor key={script.data.slug} script={script.data} />
      ) : (
        <ReadOnly script={script.data} />
      )}
    </>
  );
}

function ReadOnly({ script }: { script: ScriptDetail }) {
  const copy = useCopyScript();
  return (
    <Card>
      <EmptyState
        headingLevel={2}
        icon={<CompassIcon size={22} />}
        title="Built-in scripts are read-only"
        description={`Make a copy of “${script.name}” and edit the copy.`}
        action={
          <Button variant="primary" loading={copy.isPending} onClick={() => copy.mutate(script.slug)}>
            Make a copy
          </Button>
        }
      />
      {copy.isError && <Alert tone="error">{describeError(copy.error)}</Alert>}
    </Card>
  );
}

type SaveState =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; version: number }
  | { kind: 'conflict'; message: string; latestVersion: number | null }
  | { kind: 'failed'; message: string };

function Editor({ script }: { script?: ScriptDetail }) {
  const client = useApiClient();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  const [draft, setDraft] = useState<ScriptDraft>(() => (script ? draftFromScript(script) : emptyDraft()));
  const [baseVersion, setBaseVersion] = useState(script?.version ?? 0);
  const [issues, setIssues] = useState<Record<string, string>>({});
  // A script just created arrives here as version 1 with the news in the navigation state.
  const [save, setSave] = useState<SaveState>(() =>
    (location.state as { savedVersion?: number } | null)?.savedVersion ? { kind: 'saved', version: (location.state as { savedVersion: number }).savedVersion } : { kind: 'idle' },
  );
  const [announcement, setAnnouncement] = useState('');
  const dragFrom = useRef<number | null>(null);
  const total = totalOf(draft);
  const slug = script?.slug;

  // Editing a field clears its problem; the rest stay until the next save attempt.
  const clearIssues = (paths: string[]) =>
    setIssues((current) => {
      if (!paths.some((path) => path in current)) return current;
      const next = { ...current };
      for (const path of paths) delete next[path];
      return next;
    });
  const change = (next: Partial<ScriptDraft>) => {
    setDraft((current) => ({ ...current, ...next }));
    clearIssues(Object.keys(next).filter((key) => key !== 'phases'));
    if (save.kind === 'saved' || save.kind === 'failed') setSave({ kind: 'idle' });
  };
  const changePhase = (uid: number, next: Partial<PhaseDraft>) => {
    const index = draft.phases.findIndex((phase) => phase.uid === uid);
    change({ phases: draft.phases.map((phase) => (phase.uid === uid ? { ...phase, ...next } : phase)) });
    clearIssues([...Object.keys(next).map((key) => `phases.${index}.${key}`), ...('minutes' in next ? ['phases'] : [])]);
  };

  // Phase problems are keyed by position, which a move or removal changes: they go until the next save.
  const forgetPhaseIssues = () =>
    setIssues((current) => Object.fromEntries(Object.entries(current).filter(([path]) => !path.startsWith('phases'))));

  const movePhase = (from: number, to: number, focus?: 'up' | 'down') => {
    if (to < 0 || to >= draft.phases.length) return;
    const moved = draft.phases[from];
    change({ phases: move(draft.phases, from, to) });
    forgetPhaseIssues();
    setAnnouncement(`${moved.name || 'Phase'} moved to position ${to + 1} of ${draft.phases.length}.`);
    // Keep the keyboard on the button that was pressed, which moved with its phase (or on its twin at the ends).
    if (focus) {
      requestAnimationFrame(() => {
        const wanted = document.getElementById(`phase-${moved.uid}-${focus}`) as HTMLButtonElement | null;
        const target = wanted && !wanted.disabled ? wanted : document.getElementById(`phase-${moved.uid}-${focus === 'up' ? 'down' : 'up'}`);
        target?.focus();
      });
    }
  };

  const onDrop = (to: number) => (event: DragEvent) => {
    event.preventDefault();
    if (dragFrom.current !== null) movePhase(dragFrom.current, to);
    dragFrom.current = null;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problems = checkDraft(draft);
    if (problems.length > 0) {
      setIssues(issuesByField(problems));
      setSave({ kind: 'failed', message: problems.length === 1 ? 'One field needs attention.' : `${problems.length} fields need attention.` });
      return;
    }
    setIssues({});
    setSave({ kind: 'saving' });
    try {
      const body = bodyFromDraft(draft);
      const saved = slug === undefined ? await createScript(client, body) : await updateScript(client, slug, { ...body, baseVersion });
      await queryClient.invalidateQueries({ queryKey: ['scripts'] });
      queryClient.setQueryData(scriptQueryKey(saved.slug), saved);
      if (slug === undefined) {
        navigate(`/scripts/${encodeURIComponent(saved.slug)}/edit`, { replace: true, state: { savedVersion: saved.version } });
        return;
      }
      setBaseVersion(saved.version);
      setSave({ kind: 'saved', version: saved.version });
      void queryClient.invalidateQueries({ queryKey: scriptVersionsQueryKey(saved.slug) });
    } catch (error) {
      if (error instanceof ApiError && error.code === 'VALIDATION_FAILED') {
        setIssues(issuesByField(error.fieldIssues));
        setSave({ kind: 'failed', message: error.message });
      } else if (error instanceof ApiError && error.code === 'CONFLICT') {
        const latest = (error.details as { latestVersion?: unknown } | undefined)?.latestVersion;
        setSave({ kind: 'conflict', message: error.message, latestVersion: typeof latest === 'number' ? latest : null });
      } else {
        setSave({ kind: 'failed', message: describeError(error) });
      }
    }
  };

  const reloadLatest = async () => {
    if (!slug) return;
    try {
      const latest = await fetchScript(client, slug);
      queryClient.setQueryData(scriptQueryKey(slug), latest);
      setDraft(draftFromScript(latest));
      setBaseVersion(latest.version);
      setIssues({});
      setSave({ kind: 'idle' });
    } catch (error) {
      setSave({ kind: 'failed', message: describeError(error) });
    }
  };

  return (
    <form className="script-editor" onSubmit={submit} noValidate aria-label="Script editor">
      <PageHeader
        title={slug === undefined ? 'New script' : `Edit “${script?.name}”`}
        description={slug === undefined ? 'Phases, their minutes and what each asks of the candidate.' : `Editing version ${baseVersion}. Saving makes version ${baseVersion + 1}; interviews keep the version they started with.`}
        actions={
          <Button type="submit" variant="primary" loading={save.kind === 'saving'}>
            Save
          </Button>
        }
      />
      <div className="script-editor__status">
        {save.kind === 'saved' && (
          <Alert tone="success" title={`Saved as version ${save.version}`}>
            {slug && <Link to={`/scripts/${encodeURIComponent(slug)}`}>View the script</Link>}
          </Alert>
        )}
        {save.kind === 'failed' && <Alert tone="error" title="Not saved">{save.message}</Alert>}
        {save.kind === 'conflict' && (
          <Alert
            tone="error"
            title="Someone saved this script first"
            action={
              <Button size="sm" variant="secondary" onClick={reloadLatest}>
                Load version {save.latestVersion ?? 'latest'}
              </Button>
            }
          >
            {save.message} Loading it discards the changes made here.
          </Alert>
        )}
      </div>

      <Card>
        <div className="script-editor__meta">
          <TextField
            label="Name"
            value={draft.name}
            maxLength={LIMITS.nameLength + 20}
            onChange={(event) => change({ name: event.target.value })}
            error={issues.name}
            data-field="name"
          />
          <TextAreaField
            label="Description"
            hint="Optional: when this script suits."
            rows={2}
            value={draft.description}
            onChange={(event) => change({ description: event.target.value })}
            error={issues.description}
          />
          <label className="script-editor__toggle">
            <input type="checkbox" checked={draft.autoAdvance} onChange={(event) => change({ autoAdvance: event.target.checked })} />
            <span>
              <strong>Move on by itself</strong>
              <span className="script-editor__toggle-hint">When a phase's time is up, the room goes to the next one without waiting for the interviewer.</span>
            </span>
          </label>
        </div>
      </Card>

      <Card title="Timeline" actions={<TotalBadge total={total} />}>
        <PhaseBar phases={draft.phases.map((phase) => ({ key: phase.key, name: phase.name || 'Untitled', minutes: Number(phase.minutes) || 0 }))} size="lg" />
        {issues.phases && (
          <p className="pb-field__message pb-field__message--error script-editor__phases-error" role="alert">
            {issues.phases}
          </p>
        )}
      </Card>

      <p className="pb-visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
      <ol className="script-editor__phases" aria-label="Phases">
        {draft.phases.map((phase, index) => (
          <li
            key={phase.uid}
            className="script-editor__phase"
            data-testid="phase-editor"
            onDragOver={(event) => event.preventDefault()}
            onDrop={onDrop(index)}
          >
            <PhaseEditor
              phase={phase}
              index={index}
              count={draft.phases.length}
              issues={issues}
              phases={draft.phases}
              onChange={(next) => changePhase(phase.uid, next)}
              onMove={(to, focus) => movePhase(index, to, focus)}
              onRemove={() => {
                change({ phases: draft.phases.filter((other) => other.uid !== phase.uid) });
                forgetPhaseIssues();
                setAnnouncement(`${phase.name || 'Phase'} removed.`);
              }}
              onDragStart={() => (dragFrom.current = index)}
            />
          </li>
        ))}
      </ol>
      <div className="script-editor__add">
        <Button
          icon={<PlusIcon size={16} />}
          disabled={draft.phases.length >= LIMITS.maxPhases}
          onClick={() => {
            const added = newPhase(draft.phases);
            change({ phases: [...draft.phases, added] });
            setAnnouncement(`${added.name} added as phase ${draft.phases.length + 1}.`);
          }}
        >
          Add a phase
        </Button>
        <span className="script-editor__hint">
          {draft.phases.length} of at most {LIMITS.maxPhases} phases
        </span>
      </div>
    </form>
  );
}

function TotalBadge({ total }: { total: number }) {
  const over = total > LIMITS.maxTotalMinutes;
  return (
    <span className={over ? 'script-editor__total script-editor__total--over' : 'script-editor__total'} data-testid="script-total">
      {total} min{over ? ` — over the ${LIMITS.maxTotalMinutes}-minute limit` : ' in all'}
    </span>
  );
}

interface PhaseEditorProps {
  phase: PhaseDraft;
  index: number;
  count: number;
  phases: readonly PhaseDraft[];
  issues: Record<string, string>;
  onChange(next: Partial<PhaseDraft>): void;
  onMove(to: number, focus: 'up' | 'down'): void;
  onRemove(): void;
  onDragStart(): void;
}

const PROMPTS: [PromptField, string, string][] = [
  ['candidateProduces', 'The candidate produces', 'Shown to everyone in the room. One item per line.'],
  ['interviewerListensFor', 'The interviewer listens for', 'Interviewers only. One item per line.'],
  ['commonMistakes', 'Common mistakes', 'Interviewers only. One item per line.'],
];

const countLines = (text: string) => text.split('\n').filter((line) => line.trim() !== '').length;

/** What is folded away, e.g. "goal set · 3 produced · 4 to listen for · 2 mistakes". */
function promptSummary(phase: PhaseDraft): string {
  const [produced, listened, mistakes] = PROMPTS.map(([name]) => countLines(phase[name]));
  return [phase.goal.trim() ? 'goal set' : 'no goal', `${produced} produced`, `${listened} to listen for`, `${mistakes} ${mistakes === 1 ? 'mistake' : 'mistakes'}`].join(' · ');
}

function PhaseEditor({ phase, index, count, phases, issues, onChange, onMove, onRemove, onDragStart }: PhaseEditorProps) {
  const field = (name: string) => issues[`phases.${index}.${name}`];
  // Prompts fold away so the running order fits on screen, except when one of them needs fixing.
  const promptsInvalid = ['goal', ...PROMPTS.map(([name]) => name)].some((name) => field(name) !== undefined);
  const label = phase.name || `Phase ${index + 1}`;
  const known = KNOWN_KINDS.includes(phase.key);
  const kindOptions = [
    ...KNOWN_KINDS.map((key) => ({ value: key, label: kindName(key) ?? key })),
    ...(known ? [] : [{ value: phase.key, label: `Your own (${phase.key})` }]),
    { value: OWN_KIND, label: 'Your own kind (no question hints)' },
  ];
  return (
    <article className="phase-editor" aria-label={`Phase ${index + 1}: ${label}`}>
      <header className="phase-editor__head">
        <span
          className="phase-editor__handle"
          draggable
          onDragStart={(event) => {
            event.dataTransfer.effectAllowed = 'move';
            onDragStart();
          }}
          title="Drag to reorder"
          aria-hidden="true"
        >
          ⋮⋮
        </span>
        <span className="phase-editor__number">{index + 1}</span>
        <h3 className="phase-editor__title">{label}</h3>
        {phase.half && <span className="phase-editor__round">Round {phase.half}</span>}
        <div className="phase-editor__tools">
          <label className="phase-editor__optional" title="The interviewer may skip it when it adds nothing to the question">
            <input type="checkbox" checked={phase.optional ?? false} onChange={(event) => onChange({ optional: event.target.checked })} />
            Optional
          </label>
          <Button id={`phase-${phase.uid}-up`} size="sm" variant="ghost" disabled={index === 0} onClick={() => onMove(index - 1, 'up')} aria-label={`Move ${label} up`}>
            ↑ Up
          </Button>
          <Button
            id={`phase-${phase.uid}-down`}
            size="sm"
            variant="ghost"
            disabled={index === count - 1}
            onClick={() => onMove(index + 1, 'down')}
            aria-label={`Move ${label} down`}
          >
            ↓ Down
          </Button>
          <IconButton size="sm" label={`Remove ${label}`} icon={<CloseIcon size={16} />} disabled={count === 1} onClick={onRemove} />
        </div>
      </header>
      <div className="phase-editor__row">
        <TextField label="Name" value={phase.name} onChange={(event) => onChange({ name: event.target.value })} error={field('name')} />
        <TextField
          label="Minutes"
          type="number"
          inputMode="numeric"
          min={LIMITS.minPhaseMinutes}
          max={LIMITS.maxPhaseMinutes}
          step={1}
          value={phase.minutes}
          onChange={(event) => onChange({ minutes: event.target.value })}
          error={field('minutes')}
          className="phase-editor__minutes"
        />
        <SelectField
          label="Kind"
          value={phase.key}
          options={kindOptions}
          onChange={(key) => onChange({ key: key === OWN_KIND ? ownKey(phases) : key })}
          error={field('key')}
        />
      </div>
      <details className="phase-editor__details" open={promptsInvalid || undefined}>
        <summary className="phase-editor__summary">
          Goal and prompts
          <span className="phase-editor__summary-hint">{promptSummary(phase)}</span>
        </summary>
        <div className="phase-editor__details-body">
          <TextAreaField label="Goal" hint="Shown to everyone in the room." rows={2} value={phase.goal} onChange={(event) => onChange({ goal: event.target.value })} error={field('goal')} />
          <div className="phase-editor__prompts">
            {PROMPTS.map(([name, title, hint]) => (
              <TextAreaField
                key={name}
                label={title}
                hint={hint}
                rows={5}
                value={phase[name]}
                onChange={(event) => onChange({ [name]: event.target.value })}
                error={field(name)}
              />
            ))}
          </div>
        </div>
      </details>
    </article>
  );
}
