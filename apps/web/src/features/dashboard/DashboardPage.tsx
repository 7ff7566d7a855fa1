import type { Interview } from '@pairboard/contracts';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useApiClient } from '../../api';
import {
  CalendarIcon,
  Card,
  ClockIcon,
  CompassIcon,
  EmptyState,
  LinkButton,
  LoadErrorAlert,
  PageHeader,
  PlusIcon,
  Skeleton,
  useDocumentTitle,
} from '../../ui';
import { useSignedInUser } from '../auth/AuthContext';
import { InterviewInvitations } from '../interviews/InterviewInvitation';
import { ParticipantChips, RoleBadge, StatusBadge } from '../interviews/InterviewBits';
import { fetchInterviews, interviewsQueryKey } from '../interviews/interviews-api';
import { formatCountdown, formatWhen, groupInterviews, ROOM_OPENS_BEFORE_MS, roomIsOpen } from '../interviews/schedule';
import { useNow } from '../interviews/useNow';
import './DashboardPage.css';
import { InvitationsList } from '../scheduling';
import { fetchInvitations, invitationsQueryKey } from '../scheduling/scheduling-api';

function firstName(name: string): string {
  return name.trim().split(/\s+/)[0] ?? name;
}

export default function DashboardPage() {
  useDocumentTitle('Dashboard');
  const user = useSignedInUser();
  const client = useApiClient();
  const interviews = useQuery({ queryKey: interviewsQueryKey, queryFn: ({ signal }) => fetchInterviews(client, signal) });
  // Shared with the invitations list: an interview sent as a scheduling invitation is answered there.
  const scheduling = useQuery({ queryKey: invitationsQueryKey, queryFn: ({ signal }) => fetchInvitations(client, signal) });
  const answeredInScheduling = new Set(scheduling.data?.filter((invitation) => invitation.direction === 'incoming').map((invitation) => invitation.interviewId));

  return (
    <>
      <PageHeader
        title={`Hi, ${firstName(user.name)}`}
        description="Your mock interviews, as interviewer and as candidate."
        actions={
          <>
            <LinkButton to="/invitations" variant="secondary" icon={<CalendarIcon />}>
              Invite someone
            </LinkButton>
            <LinkButton to="/interviews/new" variant="primary" icon={<PlusIcon />}>
              New interview
            </LinkButton>
          </>
        }
      />
      <div className="dashboard">
        <InvitationsList hideWhenEmpty title="Invitations" />
        {interviews.isSuccess && !scheduling.isPending && (
          <InterviewInvitations interviews={interviews.data.filter((interview) => interview.myStatus === 'invited' && !answeredInScheduling.has(interview.id))} />
        )}
        {interviews.isPending ? (
          <Card title="Your interviews">
            <ListSkeleton />
          </Card>
        ) : interviews.isError ? (
          <Card title="Your interviews">
            <LoadErrorAlert title="Your interviews could not be loaded." query={interviews} />
          </Card>
        ) : interviews.data.every((interview) => interview.myStatus === 'invited') ? (
          <Card title="Your interviews">
            <EmptyState
              icon={<CompassIcon size={22} />}
              title="No interviews yet"
              description="Find a practice partner to schedule your first mock interview. Upcoming, live and past sessions will be listed here."
              action={
                <LinkButton to="/interviews/new" variant="primary" icon={<PlusIcon />}>
                  New interview
                </LinkButton>
              }
            />
          </Card>
        ) : (
          <InterviewLists interviews={interviews.data.filter((interview) => interview.myStatus !== 'invited')} myUserId={user.id} />
        )}
      </div>
    </>
  );
}

function ListSkeleton() {
  return (
    <div className="dashboard__skeleton" role="status" aria-label="Loading your interviews">
      {[0, 1, 2].map((row) => (
        <div key={row} className="dashboard__skeleton-row">
          <Skeleton width={row === 1 ? '42%' : '55%'} height={14} />
          <Skeleton width="28%" height={12} />
          <Skeleton width={row === 2 ? '48%' : '64%'} height={12} />
        </div>
      ))}
    </div>
  );
}

function InterviewLists({ interviews, myUserId }: { interviews: Interview[]; myUserId: string }) {
  const now = useNow(1000);
  const { live, upcoming, past, next } = groupInterviews(interviews, now);
  return (
    <div className="dashboard">
      {next && <NextUp interview={next} now={now} myUserId={myUserId} />}
      <Card title="Your interviews">
        <div className="dashboard__sections">
          {live.length > 0 && <InterviewSection title="Live" interviews={live} now={now} myUserId={myUserId} />}
          <InterviewSection
            title="Upcoming"
            interviews={upcoming}
            now={now}
            myUserId={myUserId}
            empty="Nothing scheduled. Create an interview and invite a partner."
          />
          {past.length > 0 && <InterviewSection title="Past" interviews={past} now={now} myUserId={myUserId} />}
        </div>
      </Card>
    </div>
  );
}

function NextUp({ interview, now, myUserId }: { interview: Interview; now: number; myUserId: string }) {
  const open = roomIsOpen(interview, now);
  const startsAt = interview.scheduledAt ? Date.parse(interview.scheduledAt) : NaN;
  const countdown = Number.isNaN(startsAt) ? null : formatCountdown(startsAt, now);
  return (
    <Card title="Next up" className="next-up">
      <div className="next-up__body">
        <div className="next-up__main">
          <Link to={`/interviews/${interview.id}`} className="next-up__title">
            {interview.title}
          </Link>
          <p className="next-up__when">
            {interview.scheduledAt && formatWhen(interview.scheduledAt, now)}
            <RoleBadge role={interview.myRole} />
            {interview.status === 'live' && <StatusBadge status="live" />}
          </p>
          <ParticipantChips participants={interview.participants} myUserId={myUserId} />
        </div>
        <div className="next-up__side">
          <p className="next-up__countdown" role="timer" aria-label="Time until the interview starts">
            <ClockIcon />
            {interview.status === 'live' ? (
              <span>In progress</span>
            ) : countdown ? (
              <span>
                Starts in <strong data-testid="countdown">{countdown}</strong>
              </span>
            ) : (
              <span>Starting now</span>
            )}
          </p>
          <LinkButton
            to={`/interviews/${interview.id}/room`}
            variant={open ? 'primary' : 'secondary'}
            className={open ? 'next-up__join next-up__join--open' : 'next-up__join'}
          >
            Join room
          </LinkButton>
          {!open && <p className="next-up__hint">The room opens {ROOM_OPENS_BEFORE_MS / 60_000} minutes before the start; you can look around early.</p>}
        </div>
      </div>
    </Card>
  );
}

interface SectionProps {
  title: string;
  interviews: Interview[];
  now: number;
  myUserId: string;
  empty?: string;
}

function InterviewSection({ title, interviews, now, myUserId, empty }: SectionProps) {
  const headingId = `interviews-${title.toLowerCase()}`;
  return (
    <section className="dashboard__section" aria-labelledby={headingId}>
      <h3 id={headingId} className="dashboard__section-title">
        {title} <span className="dashboard__count">{interviews.length}</span>
      </h3>
      {interviews.length === 0 ? (
        <p className="dashboard__section-empty">{empty}</p>
      ) : (
        <ul className="interview-list">
          {interviews.map((interview) => (
            <li key={interview.id} className="interview-list__item" data-testid="interview-row">
              <div className="interview-list__main">
                <Link to={`/interviews/${interview.id}`} className="interview-list__title">
                  {interview.title}
                </Link>
                <p className="interview-list__meta">
                  <span>{interview.scheduledAt ? formatWhen(interview.scheduledAt, now) : 'No time set'}</span>
                  <span aria-hidden="true">·</span>
                  <span>
                    You: <RoleBadge role={interview.myRole} />
                  </span>
                  {interview.status !== 'scheduled' && <StatusBadge status={interview.status} />}
                </p>
                <ParticipantChips participants={interview.participants} myUserId={myUserId} />
              </div>
              {interview.status === 'live' && (
                <LinkButton to={`/interviews/${interview.id}/room`} variant="primary" size="sm">
                  Join
                </LinkButton>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
