import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { ApiError, useApiClient } from '../../api';
import { BackLink, Card, CompassIcon, EmptyState, isNotFound, LinkButton, LoadErrorAlert, LoadingBlock, QueryFailure, useDocumentTitle } from '../../ui';
import { InterviewNotFound } from '../interviews/InterviewPage';
import { fetchInterview, interviewQueryKey } from '../interviews/interviews-api';
import { fetchScripts } from '../questions/questions-api';
import { ScorecardEditor } from './ScorecardEditor';
import { ScorecardView } from './ScorecardView';
import { fetchRubric, fetchScorecard, rubricQueryKey, scorecardQueryKey } from './scoring-api';
import './Scoring.css';

/**
 * `/interviews/:id/scorecard`: interviewers score the candidate here (draft, submit, reopen); the
 * candidate reads the submitted scorecard at the same address.
 */
export default function ScorecardPage() {
  const { interviewId = '' } = useParams();
  const client = useApiClient();
  const interview = useQuery({ queryKey: interviewQueryKey(interviewId), queryFn: ({ signal }) => fetchInterview(client, interviewId, signal) });
  const rubric = useQuery({ queryKey: rubricQueryKey, queryFn: ({ signal }) => fetchRubric(client, signal), staleTime: Infinity });
  const scorecard = useQuery({
    queryKey: scorecardQueryKey(interviewId),
    queryFn: ({ signal }) => fetchScorecard(client, interviewId, signal),
    enabled: interview.data !== undefined && interview.data.myRole !== 'observer',
    retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
  });
  const scripts = useQuery({ queryKey: ['scripts'], queryFn: ({ signal }) => fetchScripts(client, signal), staleTime: 60_000 });
  useDocumentTitle(interview.data ? `Scorecard · ${interview.data.title}` : 'Scorecard');

  const back = <BackLink to={`/interviews/${encodeURIComponent(interviewId)}`}>Interview</BackLink>;
  if (interview.isPending || rubric.isPending || (scorecard.isPending && scorecard.fetchStatus !== 'idle')) {
    return (
      <>
        {back}
        <LoadingBlock label="Loading the scorecard" />
      </>
    );
  }
  if (interview.isError) {
    return (
      <>
        {back}
        <QueryFailure query={interview} title="This interview could not be loaded." notFound={<InterviewNotFound />} />
      </>
    );
  }
  if (rubric.isError) return <LoadErrorAlert title="The rubric could not be loaded." query={rubric} />;
  const notYetShared = interview.data.myRole === 'observer' || isNotFound(scorecard.error);
  if (notYetShared) {
    return (
      <>
        {back}
        <Card>
          <EmptyState
            headingLevel={2}
            icon={<CompassIcon size={22} />}
            title="No scorecard yet"
            description={
              interview.data.myRole === 'candidate'
                ? 'Your interviewer has not submitted the scorecard yet. It appears here as soon as they do.'
                : 'Scorecards are shared with the interviewers and the candidate only.'
            }
            action={
              interview.data.myRole === 'candidate' ? (
                <LinkButton to={`/interviews/${encodeURIComponent(interviewId)}/feedback`} variant="primary">
                  Rate your interviewer meanwhile
                </LinkButton>
              ) : undefined
            }
          />
        </Card>
      </>
    );
  }
  if (scorecard.isError) return <LoadErrorAlert title="The scorecard could not be loaded." query={scorecard} />;
  if (!scorecard.data) return null;

  const script = scripts.data?.find((candidate) => candidate.id === interview.data.script?.id);
  const phaseNames = script?.phases.map((phase) => phase.name) ?? [];
  return (
    <>
      {back}
      {interview.data.myRole === 'interviewer' ? (
        <ScorecardEditor interview={interview.data} rubric={rubric.data} initial={scorecard.data} phaseNames={phaseNames} />
      ) : (
        <ScorecardView interview={interview.data} rubric={rubric.data} scorecard={scorecard.data} phaseNames={phaseNames} audience="candidate" />
      )}
    </>
  );
}
