import type { Interview } from '@pairboard/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { describeError, useApiClient } from '../../api';
import { Alert, Button, Card, LinkButton } from '../../ui';
import { RoleBadge } from './InterviewBits';
import { acceptInterview, declineInterview, interviewQueryKey, interviewsQueryKey } from './interviews-api';
import { formatWhen } from './schedule';
import './InterviewInvitation.css';

/** Who already takes part, so an invitee knows whom they would meet before answering. */
export function invitedWith(interview: Interview): string | null {
  const names = interview.participants.filter((participant) => participant.status === 'active').map((participant) => participant.name ?? participant.email);
  return names.length > 0 ? names.join(', ') : null;
}

/** Accept or decline an invitation to an interview; scheduling invitations are answered on their own card. */
export function InterviewInvitationAnswer({ interview, onDeclined }: { interview: Interview; onDeclined?: () => void }) {
  const client = useApiClient();
  const queryClient = useQueryClient();
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: interviewsQueryKey });
  };
  const accept = useMutation({
    mutationFn: () => acceptInterview(client, interview.id),
    onSuccess: async (accepted) => {
      queryClient.setQueryData(interviewQueryKey(interview.id), accepted);
      await refresh();
    },
  });
  const decline = useMutation({
    mutationFn: () => declineInterview(client, interview.id),
    onSuccess: async () => {
      queryClient.removeQueries({ queryKey: interviewQueryKey(interview.id), exact: true });
      await refresh();
      onDeclined?.();
    },
  });
  const failure = accept.error ?? decline.error;
  return (
    <div className="interview-invitation__answer">
      <Button variant="primary" size="sm" onClick={() => accept.mutate()} loading={accept.isPending} disabled={decline.isPending}>
        Accept
      </Button>
      <Button size="sm" onClick={() => decline.mutate()} loading={decline.isPending} disabled={accept.isPending}>
        Decline
      </Button>
      {failure && <span role="alert">{describeError(failure)}</span>}
    </div>
  );
}

/**
 * On the interview page: the caller was invited and has not answered yet. A scheduling invitation
 * (`answerInSchedule`) is answered on the Schedule card, which can also suggest another time.
 */
export function InterviewInvitationBanner({ interview, answerInSchedule = false }: { interview: Interview; answerInSchedule?: boolean }) {
  const navigate = useNavigate();
  return (
    <Alert
      tone="info"
      title="You are invited to this interview"
      className="interview-invitation-banner"
      action={answerInSchedule ? undefined : <InterviewInvitationAnswer interview={interview} onDeclined={() => navigate('/')} />}
    >
      As <RoleBadge role={interview.myRole} />
      {invitedWith(interview) ? `, with ${invitedWith(interview)}` : ''}.{' '}
      {answerInSchedule
        ? 'Answer under Schedule: accept to join the room, or suggest another time.'
        : 'Accept to join the interview and its room; decline and it leaves your list.'}
    </Alert>
  );
}

/** In place of the room, for an invitee who has not answered: the answer is given on the interview's page. */
export function InterviewInvitationGate({ interview }: { interview: Interview }) {
  return (
    <Card title="You are invited to this interview" className="interview-invitation-gate">
      <p>
        <strong>{interview.title}</strong>, as <RoleBadge role={interview.myRole} />. The room opens to you once you accept the invitation.
      </p>
      <LinkButton to={`/interviews/${interview.id}`} variant="primary">
        See the invitation
      </LinkButton>
    </Card>
  );
}

/** On the dashboard: interviews the caller was invited to and has not answered. */
export function InterviewInvitations({ interviews }: { interviews: Interview[] }) {
  if (interviews.length === 0) return null;
  return (
    <Card title="Interview invitations">
      <ul className="interview-list">
        {interviews.map((interview) => (
          <li key={interview.id} className="interview-list__item" data-testid="interview-invitation">
            <div className="interview-list__main">
              <Link to={`/interviews/${interview.id}`} className="interview-list__title">
                {interview.title}
              </Link>
              <p className="interview-list__meta">
                <span>{interview.scheduledAt ? formatWhen(interview.scheduledAt, Date.now()) : 'No time set'}</span>
                <span aria-hidden="true">·</span>
                <span>
                  As <RoleBadge role={interview.myRole} />
                </span>
                {invitedWith(interview) && (
                  <>
                    <span aria-hidden="true">·</span>
                    <span>With {invitedWith(interview)}</span>
                  </>
                )}
              </p>
            </div>
            <InterviewInvitationAnswer interview={interview} />
          </li>
        ))}
      </ul>
    </Card>
  );
}
