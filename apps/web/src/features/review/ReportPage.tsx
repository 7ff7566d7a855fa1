import { RECOMMENDATIONS, scriptListSchema, type Interview, type ScriptSummary, type Timeline } from '@pairboard/contracts';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { ApiError, useApiClient, type ApiClient } from '../../api';
import { BackLink, Button, Card, LoadErrorAlert, LoadingBlock, PageHeader, QueryFailure, useDocumentTitle } from '../../ui';
import { InterviewNotFound } from '../interviews/InterviewPage';
import { fetchInterview, interviewQueryKey } from '../interviews/interviews-api';
import { formatFullDateTime } from '../interviews/schedule';
import { dimensionName, RECOMMENDATION_LABEL, RUBRIC_DIMENSIONS } from '../scoring/labels';
import { formatSessionTime } from './playback';
import { phaseTimings } from './report';
import { interviewReplaySource } from './review-api';
import './ReportPage.css';

const fetchScripts = async (client: ApiClient, signal?: AbortSignal) => (await client.request('/api/scripts', { schema: scriptListSchema, signal })).items;

/** The scorecard summary, when the scoring capability answers; nothing otherwise. */
async function fetchScorecard(client: ApiClient, interviewId: string, signal?: AbortSignal): Promise<Record<string, unknown> | null> {
  try {
    return await client.request<Record<string, unknown>>(`/api/interviews/${encodeURIComponent(interviewId)}/scorecard`, { signal });
  } catch (error) {
    if (error instanceof ApiError && error.status < 500) return null;
    throw error;
  }
}

/** `/interviews/:id/report`: a printable summary of the session. */
export default function ReportPage() {
  const { interviewId = '' } = useParams();
  const client = useApiClient();
  const interview = useQuery({ queryKey: interviewQueryKey(interviewId), queryFn: ({ signal }) => fetchInterview(client, interviewId, signal) });
  const timeline = useQuery({ queryKey: ['replay', 'interview', interviewId, 'timeline'], queryFn: ({ signal }) => interviewReplaySource(client, interviewId).timeline(signal) });
  const scripts = useQuery({ queryKey: ['scripts'], queryFn: ({ signal }) => fetchScripts(client, signal) });
  const scorecard = useQuery({ queryKey: ['scorecard', interviewId], queryFn: ({ signal }) => fetchScorecard(client, interviewId, signal), retry: false });
  useDocumentTitle(interview.data ? `Report · ${interview.data.title}` : 'Session report');

  let body;
  if (interview.isPending || timeline.isPending) body = <LoadingBlock label="Preparing the report" />;
  else if (interview.isError) {
    body = <QueryFailure query={interview} title="This interview could not be loaded." notFound={<InterviewNotFound />} />;
  } else if (timeline.isError) body = <LoadErrorAlert title="The session timeline could not be loaded." query={timeline} />;
  else {
    const script = scripts.data?.find((item) => item.id === interview.data.script?.id) ?? scripts.data?.find((item) => item.name === interview.data.script?.name) ?? null;
    body = <Report interview={interview.data} timeline={timeline.data} script={script} scorecard={scorecard.data ?? null} />;
  }
  return (
    <div className="report-page">
      <div className="report-page__no-print">
        <BackLink to={`/interviews/${interviewId}`}>Interview</BackLink>
      </div>
      {body}
    </div>
  );
}

function Report({ interview, timeline, script, scorecard }: { interview: Interview; timeline: Timeline; script: ScriptSummary | null; scorecard: Record<string, unknown> | null }) {
  const timings = phaseTimings(timeline, script);
  const notes = timeline.events.filter((event) => event.kind === 'note');
  const candidate = interview.participants.find((participant) => participant.role === 'candidate');
  const interviewers = interview.participants.filter((participant) => participant.role === 'interviewer');
  return (
    <>
      <PageHeader
        title={`Session report · ${interview.title}`}
        description={timeline.startedAt ? `${formatFullDateTime(timeline.startedAt)} · ${formatSessionTime(timeline.durationMs)} long` : 'This interview has not started yet.'}
        actions={
          <span className="report-page__no-print report-page__actions">
            <Button variant="primary" onClick={() => window.print()}>
              Print
            </Button>
          </span>
        }
      />
      <dl className="report-page__facts">
        <div>
          <dt>Candidate</dt>
          <dd>{candidate ? (candidate.name ?? candidate.email) : '—'}</dd>
        </div>
        <div>
          <dt>Interviewer{interviewers.length === 1 ? '' : 's'}</dt>
          <dd>{interviewers.map((person) => person.name ?? person.email).join(', ') || '—'}</dd>
        </div>
        <div>
          <dt>Script</dt>
          <dd>{interview.script?.name ?? 'None'}</dd>
        </div>
        <div>
          <dt>Replay</dt>
          <dd>
            <Link to={`/interviews/${interview.id}/review`}>{`${window.location.origin}/interviews/${interview.id}/review`}</Link>
          </dd>
        </div>
      </dl>

      <Card title="Time per phase" description={script ? 'Minutes spent in each phase against what the script planned.' : 'Minutes spent in each phase.'}>
        {timings.length === 0 ? (
          <p className="report-page__empty">No phases were run in this session.</p>
        ) : (
          <div className="report-page__chart" role="img" aria-label={timings.map((timing) => `${timing.name}: ${timing.actualMinutes} of ${timing.plannedMinutes ?? '?'} minutes`).join('; ')}>
            <ResponsiveContainer width="100%" height={Math.max(160, timings.length * 44 + 60)}>
              <BarChart data={timings} layout="vertical" margin={{ left: 24, right: 24 }}>
                <CartesianGrid strokeDasharray="3 3" horizontal={false} />
                <XAxis type="number" unit=" min" allowDecimals={false} />
                <YAxis type="category" dataKey="name" width={150} />
                <Tooltip formatter={(value) => `${String(value)} min`} />
                <Legend />
                {script && <Bar dataKey="plannedMinutes" name="Planned" fill="#c9ccf6" isAnimationActive={false} />}
                <Bar dataKey="actualMinutes" name="Actual" fill="#5b5bd6" isAnimationActive={false} />
              </BarChart>
            </ResponsiveContainer>
          </div>
        )}
      </Card>

      {/* Scorecard summary: filled in by the scoring capability's GET /api/interviews/:id/scorecard when it answers. */}
      {scorecard && (
        <Card title="Scorecard">
          <ScorecardSummary scorecard={scorecard} />
        </Card>
      )}

      {notes.length > 0 && (
        <Card title="Interviewer notes">
          <ol className="report-page__notes">
            {notes.map((note, index) => (
              <li key={index}>
                <span className="report-page__note-time">{formatSessionTime(note.atMs)}</span>
                <span>{note.kind === 'note' ? note.text : ''}</span>
              </li>
            ))}
          </ol>
        </Card>
      )}
    </>
  );
}

export function ScorecardSummary({ scorecard }: { scorecard: Record<string, unknown> }) {
  const scores = (scorecard.scores ?? {}) as Record<string, number>;
  // The rubric's order and names; a key the rubric no longer has still shows, after them.
  const rubricKeys = RUBRIC_DIMENSIONS.map((dimension) => dimension.key);
  const keys = [...rubricKeys.filter((key) => key in scores), ...Object.keys(scores).filter((key) => !rubricKeys.includes(key))];
  const recommendation = RECOMMENDATIONS.find((value) => value === scorecard.recommendation);
  return (
    <dl className="report-page__facts">
      {keys.map((key) => (
        <div key={key}>
          <dt>{dimensionName(key)}</dt>
          <dd>{scores[key]} / 4</dd>
        </div>
      ))}
      {recommendation && (
        <div>
          <dt>Recommendation</dt>
          <dd>{RECOMMENDATION_LABEL[recommendation]}</dd>
        </div>
      )}
      {typeof scorecard.feedback === 'string' && scorecard.feedback && (
        <div>
          <dt>Feedback</dt>
          <dd>{scorecard.feedback}</dd>
        </div>
      )}
    </dl>
  );
}
