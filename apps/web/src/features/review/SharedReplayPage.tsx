import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { Link, useParams } from 'react-router';
import { describeError, useApiClient } from '../../api';
import { Alert, Badge, Card, EmptyState, isNotFound, LoadingBlock, LogoMark, CompassIcon, useDocumentTitle } from '../../ui';
import { formatFullDateTime } from '../interviews/schedule';
import { ReplayView } from './ReplayView';
import { fetchSharedReplay, sharedReplaySource } from './review-api';
import './ReviewPage.css';

/** `/replay/:token`: the read-only replay behind a share link; no account needed. */
export default function SharedReplayPage() {
  const { token = '' } = useParams();
  const client = useApiClient();
  const shared = useQuery({ queryKey: ['shared-replay', token], queryFn: ({ signal }) => fetchSharedReplay(client, token, signal), retry: false });
  const source = useMemo(() => sharedReplaySource(client, token), [client, token]);
  useDocumentTitle(shared.data ? `Replay · ${shared.data.title}` : 'Shared replay');

  return (
    <div className="shared-replay">
      <header className="shared-replay__bar">
        <Link to="/" className="shared-replay__brand">
          <LogoMark size={22} /> Pairboard
        </Link>
        <Badge tone="info">Read-only replay</Badge>
      </header>
      <main className="shared-replay__content">
        {shared.isPending ? (
          <LoadingBlock label="Opening the replay" />
        ) : shared.isError ? (
          isNotFound(shared.error) ? (
            <Card>
              <EmptyState headingLevel={2} icon={<CompassIcon size={22} />} title="This replay is not available" description={`${shared.error.message} Ask the person who shared it for a new link.`} />
            </Card>
          ) : (
            <Alert tone="error" title="The replay could not be opened.">
              {describeError(shared.error)}
            </Alert>
          )
        ) : (
          <>
            <h1 className="shared-replay__title">{shared.data.title}</h1>
            <p className="shared-replay__meta">
              Shared replay{shared.data.includeNotes ? ' with interviewer notes' : ''} · link works until {formatFullDateTime(shared.data.expiresAt)}
            </p>
            <ReplayView source={source} title={shared.data.title} />
          </>
        )}
      </main>
    </div>
  );
}
