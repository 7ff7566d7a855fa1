import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useParams } from 'react-router';
import { useApiClient } from '../../api';
import { Alert, BackLink, Button, LinkButton, LoadingBlock, PageHeader, QueryFailure, useDocumentTitle } from '../../ui';
import { InterviewNotFound } from '../interviews/InterviewPage';
import { StatusBadge } from '../interviews/InterviewBits';
import { fetchInterview, interviewQueryKey } from '../interviews/interviews-api';
import { ReplayView } from './ReplayView';
import { interviewReplaySource } from './review-api';
import { ShareLinksCard } from './ShareLinksCard';
import './ReviewPage.css';

/** `/interviews/:id/review`: the replay for participants, with sharing and the printable report. */
export default function ReviewPage() {
  const { interviewId = '' } = useParams();
  const client = useApiClient();
  const interview = useQuery({ queryKey: interviewQueryKey(interviewId), queryFn: ({ signal }) => fetchInterview(client, interviewId, signal) });
  const source = useMemo(() => interviewReplaySource(client, interviewId), [client, interviewId]);
  // A session still going keeps recording: "Show the latest" drops what was loaded and starts the replay afresh.
  const queryClient = useQueryClient();
  const [loadedAt, setLoadedAt] = useState(() => Date.now());
  const showLatest = () => {
    queryClient.removeQueries({ queryKey: source.key });
    setLoadedAt(Date.now());
  };
  useDocumentTitle(interview.data ? `Replay · ${interview.data.title}` : 'Replay');

  return (
    <div className="review-page">
      <BackLink to={`/interviews/${interviewId}`}>Interview</BackLink>
      {interview.isPending ? (
        <LoadingBlock label="Loading the interview" />
      ) : interview.isError ? (
        <QueryFailure query={interview} title="This interview could not be loaded." notFound={<InterviewNotFound />} />
      ) : (
        <>
          <PageHeader
            title={interview.data.title}
            description={
              <span className="review-page__summary">
                <StatusBadge status={interview.data.status} /> Replay of the session
              </span>
            }
            actions={
              <LinkButton to={`/interviews/${interviewId}/report`} variant="secondary">
                Session report
              </LinkButton>
            }
          />
          {interview.data.status === 'live' && (
            <Alert
              title="This session is still going."
              action={
                <Button variant="secondary" onClick={showLatest}>
                  Show the latest
                </Button>
              }
            >
              The replay runs up to {new Date(loadedAt).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' })}, when it was
              loaded.
            </Alert>
          )}
          <ReplayView key={loadedAt} source={source} title={interview.data.title} />
          {interview.data.myRole !== 'observer' && (
            <div className="review-page__share">
              <ShareLinksCard interviewId={interviewId} canIncludeNotes={interview.data.myRole === 'interviewer'} />
            </div>
          )}
        </>
      )}
    </div>
  );
}
