import type { ScriptDetail, ScriptPhase } from '@pairboard/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { describeError, useApiClient } from '../../api';
import { ScriptNotFound } from './ScriptNotFound';
import {
  Alert,
  BackLink,
  Badge,
  BoardIcon,
  Button,
  Card,
  LinkButton,
  LoadErrorAlert,
  LoadingBlock,
  PageHeader,
  QueryFailure,
  Skeleton,
  useDocumentTitle,
} from '../../ui';
import { PhaseBar } from './PhaseBar';
import { deleteScript, fetchScript, fetchScriptVersions, scriptQueryKey, scriptsQueryKey, scriptVersionsQueryKey } from './scripts-api';
import { useCopyScript } from './ScriptsPage';
import './ScriptDetailPage.css';

const versionFrom = (search: URLSearchParams): number | undefined => {
  const value = search.get('version');
  return value && /^[1-9][0-9]{0,5}$/.test(value) ? Number(value) : undefined;
};

export default function ScriptDetailPage() {
  const { slug = '' } = useParams();
  const [search] = useSearchParams();
  const version = versionFrom(search);
  const client = useApiClient();
  const script = useQuery({ queryKey: scriptQueryKey(slug, version), queryFn: ({ signal }) => fetchScript(client, slug, version, signal) });
  useDocumentTitle(script.data?.name ?? 'Script');

  return (
    <>
      <BackLink to="/scripts">Scripts</BackLink>
      {script.isPending ? (
        <LoadingBlock label="Loading the script" />
      ) : script.isError ? (
        <QueryFailure query={script} title="This script could not be loaded." notFound={<ScriptNotFound />} />
      ) : (
        <ScriptDetails script={script.data} />
      )}
    </>
  );
}

function ScriptDetails({ script }: { script: ScriptDetail }) {
  const copy = useCopyScript();
  const isLatest = script.version === script.latestVersion;
  return (
    <div className="script-detail">
      <PageHeader
        title={script.name}
        description={
          <span className="script-detail__summary">
            {script.builtIn ? <Badge tone="info">Built in</Badge> : <Badge tone="accent">Yours</Badge>}
            {script.isDefault && <Badge tone="accent">Default</Badge>}
            <span>
              {script.totalMinutes} min · {script.phases.length === 1 ? '1 phase' : `${script.phases.length} phases`} · version {script.version}
            </span>
            {script.autoAdvance && <Badge tone="warning">Moves on by itself</Badge>}
          </span>
        }
        actions={
          <div className="script-detail__actions">
            {script.mine && isLatest && (
              <LinkButton to={`/scripts/${encodeURIComponent(script.slug)}/edit`} variant="secondary">
                Edit
              </LinkButton>
            )}
            <Button variant="secondary" loading={copy.isPending} onClick={() => copy.mutate(script.slug)}>
              Make a copy
            </Button>
            <LinkButton to={`/interviews/new?scriptId=${encodeURIComponent(script.id)}`} variant="primary" icon={<BoardIcon />}>
              Use in an interview
            </LinkButton>
          </div>
        }
      />
      {copy.isError && <Alert tone="error" title="The copy could not be made.">{describeError(copy.error)}</Alert>}
      {!isLatest && (
        <Alert tone="info" title={`You are looking at version ${script.version}.`}>
          Interviews that pinned it keep running it.{' '}
          <Link to={`/scripts/${encodeURIComponent(script.slug)}`}>Show the newest, version {script.latestVersion}</Link>
        </Alert>
      )}
      {script.description && <p className="script-detail__description">{script.description}</p>}

      <Card title="Timeline" description="Each phase takes its share of the interview.">
        <PhaseBar phases={script.phases} size="lg" />
      </Card>

      <ol className="script-detail__phases" aria-label="Phases">
        {script.phases.map((phase, index) => (
          <li key={`${index}-${phase.key}`}>
            <PhaseCard phase={phase} index={index} />
          </li>
        ))}
      </ol>

      {script.mine && <MyScriptFooter script={script} />}
    </div>
  );
}

function PhaseCard({ phase, index }: { phase: ScriptPhase; index: number }) {
  const sections: [string, string[]][] = [
    ['The candidate produces', phase.candidateProduces],
    ['The interviewer listens for', phase.interviewerListensFor],
    ['Common mistakes', phase.commonMistakes],
  ];
  return (
    <Card
      headingLevel={3}
      title={`${index + 1}. ${phase.name}`}
      actions={
        <span className="script-detail__minutes">
          {phase.minutes} min{phase.optional ? ' · optional' : ''}
        </span>
      }
    >
      {phase.goal ? <p className="script-detail__goal">{phase.goal}</p> : <p className="script-detail__none">No goal written.</p>}
      <div className="script-detail__prompts">
        {sections
          .filter(([, items]) => items.length > 0)
          .map(([title, items]) => (
            <div key={title}>
              <h4 className="script-detail__prompt-title">{title}</h4>
              <ul className="script-detail__list">
                {items.map((item) => (
                  <li key={item}>{item}</li>
                ))}
              </ul>
            </div>
          ))}
      </div>
    </Card>
  );
}

function MyScriptFooter({ script }: { script: ScriptDetail }) {
  const client = useApiClient();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [confirming, setConfirming] = useState(false);
  const versions = useQuery({
    queryKey: scriptVersionsQueryKey(script.slug),
    queryFn: ({ signal }) => fetchScriptVersions(client, script.slug, signal),
  });
  const remove = useMutation({
    mutationFn: () => deleteScript(client, script.slug),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: scriptsQueryKey });
      navigate('/scripts', { replace: true });
    },
  });

  return (
    <div className="script-detail__grid">
      <Card title="Version history" description="Every save is a new version; interviews keep the one they started with.">
        {versions.isPending ? (
          <Skeleton width="60%" />
        ) : versions.isError ? (
          <LoadErrorAlert title="The versions could not be loaded." query={versions} />
        ) : (
          <ol className="script-detail__versions">
            {versions.data.map((entry) => (
              <li key={entry.id} aria-current={entry.version === script.version ? 'true' : undefined}>
                <Link to={`/scripts/${encodeURIComponent(script.slug)}?version=${entry.version}`}>Version {entry.version}</Link>
                <span className="script-detail__version-meta">
                  {entry.name} · {entry.totalMinutes} min · {entry.phaseCount} phases · {new Date(entry.createdAt).toLocaleString()}
                </span>
              </li>
            ))}
          </ol>
        )}
      </Card>
      <Card title="Delete this script" description="It disappears from your lists. Interviews that used it keep their version.">
        {remove.isError && <Alert tone="error">{describeError(remove.error)}</Alert>}
        {confirming ? (
          <div className="script-detail__confirm">
            <span>Delete “{script.name}”?</span>
            <Button variant="danger" loading={remove.isPending} onClick={() => remove.mutate()}>
              Yes, delete it
            </Button>
            <Button variant="ghost" onClick={() => setConfirming(false)}>
              Keep it
            </Button>
          </div>
        ) : (
          <Button variant="danger" onClick={() => setConfirming(true)}>
            Delete script
          </Button>
        )}
      </Card>
    </div>
  );
}
