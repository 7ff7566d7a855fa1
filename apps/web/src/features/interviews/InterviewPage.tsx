import { addParticipantRequestSchema, type Interview, type ParticipantRole } from '@pairboard/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useApiClient } from '../../api';
import { useZodForm } from '../../forms/useZodForm';
import {
  Alert,
  BackLink,
  BoardIcon,
  Button,
  Card,
  EmailField,
  LinkButton,
  LoadingBlock,
  NotFoundCard,
  PageHeader,
  PlusIcon,
  QueryFailure,
  SelectField,
  useDocumentTitle,
} from '../../ui';
import { useSignedInUser } from '../auth/AuthContext';
import { CopyField } from './CopyField';
import { InterviewInvitationBanner } from './InterviewInvitation';
import { ParticipantTable, RoleBadge, StatusBadge } from './InterviewBits';
import { addParticipant, fetchInterview, interviewQueryKey, interviewsQueryKey } from './interviews-api';
import { formatCountdown, formatFullDateTime, ROLE_LABEL } from './schedule';
import { useNow } from './useNow';
import './InterviewPage.css';
import { InterviewScheduleCard } from '../scheduling';
import { fetchSchedule, scheduleQueryKey } from '../scheduling/scheduling-api';

export default function InterviewPage() {
  const { interviewId = '' } = useParams();
  const client = useApiClient();
  const interview = useQuery({
    queryKey: interviewQueryKey(interviewId),
    queryFn: ({ signal }) => fetchInterview(client, interviewId, signal),
  });
  useDocumentTitle(interview.data?.title ?? 'Interview');

  return (
    <>
      <BackLink to="/">Interviews</BackLink>
      {interview.isPending ? (
        <LoadingBlock label="Loading the interview" />
      ) : interview.isError ? (
        <QueryFailure query={interview} title="This interview could not be loaded." notFound={<InterviewNotFound />} />
      ) : (
        <InterviewDetails interview={interview.data} />
      )}
    </>
  );
}

export function InterviewNotFound() {
  return (
    <NotFoundCard
      title="Interview not found"
      description="It may not exist, or you are not one of its participants. Ask the interviewer to add you with the email you signed up with."
      backTo="/"
      backLabel="Back to your dashboard"
    />
  );
}

function InterviewDetails({ interview }: { interview: Interview }) {
  const user = useSignedInUser();
  const now = useNow(1000);
  const startsAt = interview.scheduledAt ? Date.parse(interview.scheduledAt) : NaN;
  const countdown = interview.status === 'scheduled' && !Number.isNaN(startsAt) ? formatCountdown(startsAt, now) : null;
  const roomPath = `/interviews/${interview.id}/room`;
  const roomUrl = `${window.location.origin}${roomPath}`;
  const invited = interview.myStatus === 'invited';
  // The same query as the Schedule card's: a scheduling invitation is answered there.
  const client = useApiClient();
  const schedule = useQuery({
    queryKey: scheduleQueryKey(interview.id),
    queryFn: ({ signal }) => fetchSchedule(client, interview.id, signal),
    enabled: invited && interview.scheduledAt !== null,
  });

  return (
    <div className="interview-page">
      {invited && (interview.scheduledAt === null || !schedule.isPending) && (
        <InterviewInvitationBanner interview={interview} answerInSchedule={schedule.data?.invitation?.direction === 'incoming'} />
      )}
      <PageHeader
        title={interview.title}
        description={
          <span className="interview-page__summary">
            <StatusBadge status={interview.status} />
            <span>{interview.scheduledAt ? formatFullDateTime(interview.scheduledAt) : 'No time set'}</span>
            {countdown && <span className="interview-page__countdown">· starts in {countdown}</span>}
          </span>
        }
        actions={
          <>
            {/* The recording exists from the start: once started, the replay is one click away. */}
            {(interview.startedAt || interview.status === 'ended') && (
              <LinkButton to={`/interviews/${interview.id}/review`} variant={interview.status === 'ended' ? 'primary' : 'secondary'} size="lg">
                Watch replay
              </LinkButton>
            )}
            {!invited && (
              <LinkButton to={roomPath} variant={interview.status === 'ended' ? 'secondary' : 'primary'} size="lg" icon={<BoardIcon />}>
                Join room
              </LinkButton>
            )}
          </>
        }
      />

      <div className="interview-page__grid">
        <Card title="Participants" description={`${interview.participants.length} in this interview`}>
          <ParticipantTable participants={interview.participants} myUserId={user.id} />
          {interview.myRole === 'interviewer' && !invited && <AddParticipantForm interview={interview} />}
        </Card>

        <div className="interview-page__aside">
          {interview.scheduledAt && <InterviewScheduleCard interviewId={interview.id} />}
          <Card title="Details">
            <dl className="interview-page__facts">
              <div>
                <dt>Status</dt>
                <dd>
                  <StatusBadge status={interview.status} />
                </dd>
              </div>
              <div>
                <dt>When</dt>
                <dd>{interview.scheduledAt ? formatFullDateTime(interview.scheduledAt) : 'Not scheduled'}</dd>
              </div>
              {interview.question && (
                <div>
                  <dt>Question</dt>
                  <dd>
                    <Link to={`/questions/${encodeURIComponent(interview.question.id)}`}>{interview.question.title}</Link>
                  </dd>
                </div>
              )}
              {interview.script && (
                <div>
                  <dt>Script</dt>
                  <dd>{interview.script.name}</dd>
                </div>
              )}
              <div>
                <dt>Your role</dt>
                <dd>
                  <RoleBadge role={interview.myRole} />
                </dd>
              </div>
            </dl>
          </Card>
          <ReviewLinks interview={interview} />
          {!invited && (
            <Card title="Share">
              <CopyField label="Room link" value={roomUrl} hint="Only participants of this interview can open it." />
            </Card>
          )}
        </div>
      </div>
    </div>
  );
}

/** Scoring and feedback, once there is something to score: the interview has started or ended. */
function ReviewLinks({ interview }: { interview: Interview }) {
  if (interview.startedAt === null && interview.status !== 'ended') return null;
  const base = `/interviews/${encodeURIComponent(interview.id)}`;
  if (interview.myRole === 'interviewer') {
    return (
      <Card title="After the interview" description="Score the candidate while your notes are fresh.">
        <div className="interview-page__review-links">
          <LinkButton to={`${base}/scorecard`} variant="primary">
            Score the candidate
          </LinkButton>
          <LinkButton to={`${base}/feedback`}>Feedback on you</LinkButton>
        </div>
      </Card>
    );
  }
  if (interview.myRole === 'candidate') {
    return (
      <Card title="After the interview" description="Read your scorecard once it is submitted, and rate your interviewer.">
        <div className="interview-page__review-links">
          <LinkButton to={`${base}/scorecard`} variant="primary">
            Your scorecard
          </LinkButton>
          <LinkButton to={`${base}/feedback`}>Rate your interviewer</LinkButton>
        </div>
      </Card>
    );
  }
  return null;
}

const ROLE_OPTIONS = (['candidate', 'interviewer', 'observer'] as const).map((role) => ({ value: role, label: ROLE_LABEL[role] }));

function AddParticipantForm({ interview }: { interview: Interview }) {
  const client = useApiClient();
  const queryClient = useQueryClient();
  const [added, setAdded] = useState<string | null>(null);
  const form = useZodForm(
    addParticipantRequestSchema,
    { email: '', role: 'candidate' },
    async (request) => {
      setAdded(null);
      const updated = await addParticipant(client, interview.id, request);
      queryClient.setQueryData(interviewQueryKey(interview.id), updated);
      void queryClient.invalidateQueries({ queryKey: interviewsQueryKey, exact: true });
      form.setValues((current) => ({ ...current, email: '' }));
      setAdded(`${request.email} was added as ${ROLE_LABEL[request.role].toLowerCase()}.`);
    },
    { fieldForCode: { CONFLICT: 'email' } },
  );

  return (
    <form className="add-participant" noValidate aria-label="Add participant" onSubmit={form.handleSubmit}>
      <h3 className="add-participant__title">Add participant</h3>
      {form.formError && <Alert tone="error">{form.formError}</Alert>}
      <div className="add-participant__row">
        <EmailField
          {...form.field('email')}
          className="add-participant__email"
          label="Email"
          placeholder="name@example.com"
          onInput={() => setAdded(null)}
        />
        <SelectField
          className="add-participant__role"
          label="Role"
          value={form.values.role as ParticipantRole}
          options={ROLE_OPTIONS}
          onChange={(role) => form.setValues((current) => ({ ...current, role }))}
          error={form.fieldErrors.role}
        />
        <Button type="submit" variant="secondary" icon={<PlusIcon />} loading={form.pending} className="add-participant__submit">
          Add
        </Button>
      </div>
      <p className="add-participant__status" role="status">
        {added}
      </p>
    </form>
  );
}
