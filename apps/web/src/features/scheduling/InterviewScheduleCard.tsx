import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { describeError, useApiClient } from '../../api';
import { Alert, Badge, Button, Card, LoadErrorAlert, Skeleton, TextField } from '../../ui';
import { formatFullDateTime } from '../interviews/schedule';
import { InvitationAnswers, InvitationStatusBadge } from './InvitationsList';
import { cancelInterview, fetchSchedule, invitationsQueryKey, reschedule, scheduleQueryKey } from './scheduling-api';
import { WhenFields, whenToIso, type WhenValue } from './WhenFields';
import './scheduling.css';

/** The interview page's scheduling panel: the invitation's state and answers, reschedule and cancel. */
export function InterviewScheduleCard({ interviewId }: { interviewId: string }) {
  const client = useApiClient();
  const schedule = useQuery({ queryKey: scheduleQueryKey(interviewId), queryFn: ({ signal }) => fetchSchedule(client, interviewId, signal) });

  return (
    <Card title="Schedule">
      {schedule.isPending ? (
        <div role="status" aria-label="Loading the schedule">
          <Skeleton width="70%" height={14} />
        </div>
      ) : schedule.isError ? (
        <LoadErrorAlert title="The schedule could not be loaded." query={schedule} />
      ) : (
        <div className="schedule-card">
          {schedule.data.invitation && (
            <div className="schedule-card__invitation">
              <p className="schedule-card__line">
                Invitation <InvitationStatusBadge status={schedule.data.invitation.status} />
              </p>
              {schedule.data.invitation.status === 'proposed' && schedule.data.invitation.proposedAt && (
                <p className="schedule-card__note">Proposed: {formatFullDateTime(schedule.data.invitation.proposedAt)}</p>
              )}
              {schedule.data.invitation.awaitingMe && <InvitationAnswers invitation={schedule.data.invitation} />}
            </div>
          )}
          {schedule.data.cancellation && (
            <Alert tone="info">
              Cancelled {formatFullDateTime(schedule.data.cancellation.at)}
              {schedule.data.cancellation.reason && ` — “${schedule.data.cancellation.reason}”`}
              {schedule.data.cancellation.late && (
                <>
                  {' '}
                  <Badge tone="danger">Late</Badge>
                </>
              )}
            </Alert>
          )}
          {/* While an answer is awaited from this person, answering comes first. */}
          {schedule.data.canChange && !schedule.data.invitation?.awaitingMe && <ChangeSchedule interviewId={interviewId} />}
          {!schedule.data.canChange && !schedule.data.cancellation && <p className="schedule-card__note">Nothing to change here.</p>}
        </div>
      )}
    </Card>
  );
}

function ChangeSchedule({ interviewId }: { interviewId: string }) {
  const client = useApiClient();
  const queryClient = useQueryClient();
  const [mode, setMode] = useState<'idle' | 'reschedule' | 'cancel'>('idle');
  const [when, setWhen] = useState<WhenValue>({ date: '', time: '' });
  const [reason, setReason] = useState('');
  const [fieldError, setFieldError] = useState<string | undefined>();
  const change = useMutation({
    mutationFn: (action: () => Promise<unknown>) => action(),
    onSuccess: async () => {
      setMode('idle');
      setReason('');
      await Promise.all([queryClient.invalidateQueries({ queryKey: ['interviews'] }), queryClient.invalidateQueries({ queryKey: invitationsQueryKey })]);
    },
  });

  const submitReschedule = () => {
    const parsed = whenToIso(when);
    if ('error' in parsed) return setFieldError(parsed.error);
    setFieldError(undefined);
    change.mutate(() => reschedule(client, interviewId, { scheduledAt: parsed.iso, ...(reason.trim() && { reason: reason.trim() }) }));
  };
  const submitCancel = () => {
    if (!reason.trim()) return setFieldError('Say why, briefly');
    setFieldError(undefined);
    change.mutate(() => cancelInterview(client, interviewId, { reason: reason.trim() }));
  };

  return (
    <div className="schedule-card__change">
      {change.isError && <Alert tone="error">{describeError(change.error)}</Alert>}
      {mode === 'idle' && (
        <div className="invitation__buttons">
          <Button variant="secondary" size="sm" onClick={() => setMode('reschedule')}>
            Reschedule
          </Button>
          <Button variant="ghost" size="sm" onClick={() => setMode('cancel')}>
            Cancel session
          </Button>
        </div>
      )}
      {mode === 'reschedule' && (
        <div className="invitation__form">
          <WhenFields idPrefix="reschedule" value={when} onChange={setWhen} error={fieldError} />
          <TextField label="Reason (optional)" value={reason} maxLength={500} onChange={(event) => setReason(event.target.value)} />
          <div className="invitation__buttons">
            <Button variant="primary" size="sm" loading={change.isPending} onClick={submitReschedule}>
              Move the session
            </Button>
            <Button variant="ghost" size="sm" onClick={() => setMode('idle')}>
              Back
            </Button>
          </div>
        </div>
      )}
      {mode === 'cancel' && (
        <div className="invitation__form">
          <TextField label="Reason" value={reason} maxLength={500} onChange={(event) => setReason(event.target.value)} error={fieldError} hint="Shared with the other participants. Less than 2 hours before the start counts as a late cancellation." />
          <div className="invitation__buttons">
            <Button variant="danger" size="sm" loading={change.isPending} onClick={submitCancel}>
              Cancel the session
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
