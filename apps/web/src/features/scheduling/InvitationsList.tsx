import type { Invitation, InvitationStatus } from '@pairboard/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { describeError, useApiClient } from '../../api';
import { Alert, Badge, type BadgeTone, Button, CalendarIcon, Card, EmptyState, LoadErrorAlert, Skeleton, TextField } from '../../ui';
import { formatFullDateTime } from '../interviews/schedule';
import { DateTile } from './DateTile';
import { acceptInvitation, declineInvitation, fetchInvitations, invitationsQueryKey, proposeTime } from './scheduling-api';
import { WhenFields, whenToIso, type WhenValue } from './WhenFields';
import './scheduling.css';

const STATUS: Record<InvitationStatus, { label: string; tone: BadgeTone }> = {
  pending: { label: 'Awaiting answer', tone: 'warning' },
  proposed: { label: 'New time proposed', tone: 'info' },
  accepted: { label: 'Accepted', tone: 'success' },
  declined: { label: 'Declined', tone: 'danger' },
  cancelled: { label: 'Cancelled', tone: 'neutral' },
};

export function InvitationStatusBadge({ status }: { status: InvitationStatus }) {
  return <Badge tone={STATUS[status].tone}>{STATUS[status].label}</Badge>;
}

function otherSide(invitation: Invitation): string {
  const person = invitation.direction === 'incoming' ? invitation.inviter : invitation.invitee;
  return person.name ?? person.email;
}

interface InvitationsListProps {
  /** Render nothing at all when there is no invitation (for pages where the list is a bonus). */
  hideWhenEmpty?: boolean;
  title?: string;
}

/** Invitations the signed-in person sent or received, with the answers that are theirs to give. */
export function InvitationsList({ hideWhenEmpty = false, title = 'Invitations' }: InvitationsListProps) {
  const client = useApiClient();
  const invitations = useQuery({ queryKey: invitationsQueryKey, queryFn: ({ signal }) => fetchInvitations(client, signal) });

  if (hideWhenEmpty && invitations.data?.length === 0) return null;
  return (
    <Card title={title} description="Sessions you were invited to, and the ones you proposed.">
      {invitations.isPending ? (
        <div className="invitations__skeleton" role="status" aria-label="Loading invitations">
          {[0, 1].map((row) => (
            <div key={row} className="invitations__skeleton-row">
              <Skeleton width={52} height={56} />
              <div>
                <Skeleton width="60%" height={14} />
                <Skeleton width="40%" height={12} />
              </div>
            </div>
          ))}
        </div>
      ) : invitations.isError ? (
        <LoadErrorAlert title="Your invitations could not be loaded." query={invitations} />
      ) : invitations.data.length === 0 ? (
        <EmptyState
          icon={<CalendarIcon size={22} />}
          title="No invitations"
          description="Invite someone you know for a time that suits you both; their answer shows up here."
        />
      ) : (
        <ul className="invitations" aria-label={title}>
          {invitations.data.map((invitation) => (
            <InvitationRow key={invitation.id} invitation={invitation} />
          ))}
        </ul>
      )}
    </Card>
  );
}

function InvitationRow({ invitation }: { invitation: Invitation }) {
  const who = otherSide(invitation);
  return (
    <li className="invitation" aria-label={`${invitation.title} with ${who}`}>
      <DateTile iso={invitation.scheduledAt} muted={invitation.status === 'declined' || invitation.status === 'cancelled'} />
      <div className="invitation__main">
        <div className="invitation__headline">
          <Link to={`/interviews/${invitation.interviewId}`} className="invitation__title">
            {invitation.title}
          </Link>
          <InvitationStatusBadge status={invitation.status} />
        </div>
        <p className="invitation__meta">
          {invitation.direction === 'incoming' ? `From ${who}` : `To ${who}`}
          {invitation.scheduledAt && ` · ${formatFullDateTime(invitation.scheduledAt)}`}
        </p>
        {invitation.message && <p className="invitation__message">“{invitation.message}”</p>}
        {invitation.status === 'proposed' && invitation.proposedAt && (
          <p className="invitation__proposal">
            {invitation.direction === 'incoming' ? 'You suggested' : `${who} suggests`} {formatFullDateTime(invitation.proposedAt)}
            {invitation.proposalNote && ` — “${invitation.proposalNote}”`}
          </p>
        )}
        {invitation.awaitingMe && <InvitationAnswers invitation={invitation} />}
      </div>
    </li>
  );
}

/** Accept, decline (asks once) or, for the invitee, suggest another time. */
export function InvitationAnswers({ invitation }: { invitation: Invitation }) {
  const client = useApiClient();
  const queryClient = useQueryClient();
  const [mode, setMode] = useState<'idle' | 'decline' | 'propose'>('idle');
  const [reason, setReason] = useState('');
  const [when, setWhen] = useState<WhenValue>({ date: '', time: '' });
  const [whenError, setWhenError] = useState<string | undefined>();
  const refresh = () => Promise.all([queryClient.invalidateQueries({ queryKey: invitationsQueryKey }), queryClient.invalidateQueries({ queryKey: ['interviews'] })]);
  const answer = useMutation({
    mutationFn: (action: () => Promise<unknown>) => action(),
    onSuccess: async () => {
      setMode('idle');
      await refresh();
    },
  });
  const proposal = invitation.status === 'proposed';

  const propose = () => {
    const parsed = whenToIso(when);
    if ('error' in parsed) return setWhenError(parsed.error);
    setWhenError(undefined);
    answer.mutate(() => proposeTime(client, invitation.id, { scheduledAt: parsed.iso, ...(reason.trim() && { note: reason.trim() }) }));
  };

  return (
    <div className="invitation__answers">
      {answer.isError && <Alert tone="error">{describeError(answer.error)}</Alert>}
      {mode === 'idle' && (
        <div className="invitation__buttons">
          <Button variant="primary" size="sm" loading={answer.isPending} onClick={() => answer.mutate(() => acceptInvitation(client, invitation.id))}>
            {proposal ? 'Accept new time' : 'Accept'}
          </Button>
          {!proposal && (
            <Button variant="secondary" size="sm" onClick={() => setMode('propose')}>
              Suggest another time
            </Button>
          )}
          <Button variant="ghost" size="sm" onClick={() => setMode('decline')}>
            {proposal ? 'Keep original time' : 'Decline'}
          </Button>
        </div>
      )}
      {mode === 'decline' && (
        <div className="invitation__form">
          <TextField label="Reason (optional)" value={reason} maxLength={500} onChange={(event) => setReason(event.target.value)} />
          <div className="invitation__buttons">
            <Button
              variant={proposal ? 'primary' : 'danger'}
              size="sm"
              loading={answer.isPending}
              onClick={() => answer.mutate(() => declineInvitation(client, invitation.id, reason.trim() ? { reason: reason.trim() } : {}))}
            >
              {proposal ? 'Keep the original time' : 'Decline invitation'}
            </Button>
            <Button variant="ghost" size="sm" onClick={() => setMode('idle')}>
              Back
            </Button>
          </div>
        </div>
      )}
      {mode === 'propose' && (
        <div className="invitation__form">
          <WhenFields idPrefix={`propose-${invitation.id}`} value={when} onChange={setWhen} error={whenError} />
          <TextField label="Note (optional)" value={reason} maxLength={500} onChange={(event) => setReason(event.target.value)} />
          <div className="invitation__buttons">
            <Button variant="primary" size="sm" loading={answer.isPending} onClick={propose}>
              Send suggestion
            </Button>
            <Button variant="ghost" size="sm" onClick={() => setMode('idle')}>
              Back
            </Button>
          </div>
        </div>
      )}
    </div>
  );
}
