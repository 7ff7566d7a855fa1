import type { ScriptSummary } from '@pairboard/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { describeError, useApiClient } from '../../api';
import { Alert, Badge, Button, Card, ClockIcon, EmptyState, LinkButton, LoadErrorAlert, PageHeader, PlusIcon, Skeleton, useDocumentTitle } from '../../ui';
import { PhaseBar } from './PhaseBar';
import { copyScript, fetchScripts, scriptsQueryKey } from './scripts-api';
import './ScriptsPage.css';

export default function ScriptsPage() {
  useDocumentTitle('Scripts');
  const client = useApiClient();
  const scripts = useQuery({ queryKey: scriptsQueryKey, queryFn: ({ signal }) => fetchScripts(client, signal) });
  const copy = useCopyScript();

  const builtIns = scripts.data?.filter((script) => script.builtIn) ?? [];
  const mine = scripts.data?.filter((script) => !script.builtIn) ?? [];

  return (
    <div className="scripts">
      <PageHeader
        title="Scripts"
        description="The running order of an interview: its phases, their minutes and what each one asks for. Copy a built-in script to make it your own."
        actions={
          <LinkButton to="/scripts/new" variant="primary" icon={<PlusIcon size={16} />}>
            New script
          </LinkButton>
        }
      />
      {copy.isError && <Alert tone="error" title="The copy could not be made.">{describeError(copy.error)}</Alert>}
      {scripts.isPending ? (
        <ScriptListSkeleton />
      ) : scripts.isError ? (
        <LoadErrorAlert title="The scripts could not be loaded." query={scripts} />
      ) : (
        <>
          <section className="scripts__section" aria-labelledby="scripts-mine">
            <h2 id="scripts-mine" className="scripts__heading">
              Your scripts
            </h2>
            {mine.length === 0 ? (
              <Card>
                <EmptyState
                  icon={<ClockIcon size={22} />}
                  title="No scripts of your own yet"
                  description="Make a copy of a built-in script below and adjust its phases, or start from an empty one."
                  action={
                    <LinkButton to="/scripts/new" variant="secondary">
                      Start from scratch
                    </LinkButton>
                  }
                />
              </Card>
            ) : (
              <ScriptCards scripts={mine} />
            )}
          </section>
          <section className="scripts__section" aria-labelledby="scripts-built-in">
            <h2 id="scripts-built-in" className="scripts__heading">
              Built in
            </h2>
            <ScriptCards scripts={builtIns} onCopy={(script) => copy.mutate(script.slug)} copying={copy.isPending ? copy.variables : undefined} />
          </section>
        </>
      )}
    </div>
  );
}

/** Copies a script and opens the copy in the editor. */
export function useCopyScript() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: (slug: string) => copyScript(client, slug),
    onSuccess: async (copy) => {
      await queryClient.invalidateQueries({ queryKey: scriptsQueryKey });
      navigate(`/scripts/${encodeURIComponent(copy.slug)}/edit`);
    },
  });
}

function ScriptCards({ scripts, onCopy, copying }: { scripts: ScriptSummary[]; onCopy?: (script: ScriptSummary) => void; copying?: string }) {
  return (
    <ul className="scripts__list">
      {scripts.map((script) => (
        <li key={script.id} className="script-card" data-testid="script-card">
          <div className="script-card__head">
            <h3 className="script-card__title">
              <Link to={`/scripts/${encodeURIComponent(script.slug)}`} className="script-card__link">
                {script.name}
              </Link>
            </h3>
            {script.isDefault && <Badge tone="accent">Default</Badge>}
          </div>
          <p className="script-card__meta">
            <span>{script.totalMinutes} min</span>
            <span aria-hidden="true">·</span>
            <span>{script.phases.length === 1 ? '1 phase' : `${script.phases.length} phases`}</span>
            <span aria-hidden="true">·</span>
            <span>version {script.version}</span>
          </p>
          <PhaseBar phases={script.phases} />
          {onCopy && (
            <div className="script-card__actions">
              <Button size="sm" variant="secondary" loading={copying === script.slug} onClick={() => onCopy(script)} aria-label={`Make a copy of ${script.name}`}>
                Make a copy
              </Button>
            </div>
          )}
        </li>
      ))}
    </ul>
  );
}

function ScriptListSkeleton() {
  return (
    <ul className="scripts__list" aria-label="Loading scripts" aria-busy="true">
      {[0, 1, 2].map((index) => (
        <li key={index} className="script-card">
          <Skeleton width="50%" height={18} />
          <Skeleton width="30%" />
          <Skeleton width="100%" height={8} />
        </li>
      ))}
    </ul>
  );
}
