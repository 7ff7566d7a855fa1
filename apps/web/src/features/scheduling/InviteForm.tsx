import { createInvitationRequestSchema } from '@pairboard/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { ApiError, describeError, useApiClient } from '../../api';
import { Alert, Button, Card, EmailField, RadioGroup, TextField } from '../../ui';
import { useSignedInUser } from '../auth/AuthContext';
import { createInvitation, invitationsQueryKey } from './scheduling-api';
import { WhenFields, whenToIso, type WhenValue } from './WhenFields';

type MyRole = 'interviewer' | 'candidate';
const ROLE_OPTIONS: { value: MyRole; label: string; description: string }[] = [
  { value: 'interviewer', label: 'I interview', description: 'They practise as the candidate.' },
  { value: 'candidate', label: 'I practise', description: 'They interview you.' },
];

type Errors = Partial<Record<'email' | 'when' | 'message', string>>;

/** Invite a person you know, by email, for a time; they get an email with a calendar invitation. */
export function InviteForm() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const user = useSignedInUser();
  const [email, setEmail] = useState('');
  const [when, setWhen] = useState<WhenValue>({ date: '', time: '' });
  const [myRole, setMyRole] = useState<MyRole>('interviewer');
  const [message, setMessage] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const send = useMutation({
    mutationFn: (request: Parameters<typeof createInvitation>[1]) => createInvitation(client, request),
    onSuccess: async (invitation) => {
      await queryClient.invalidateQueries({ queryKey: invitationsQueryKey });
      await queryClient.invalidateQueries({ queryKey: ['interviews'], exact: true });
      navigate(`/interviews/${invitation.interviewId}`);
    },
    onError: (error) => {
      if (error instanceof ApiError && error.fieldIssues.length > 0) {
        const next: Errors = {};
        for (const issue of error.fieldIssues) {
          const field = issue.path === 'scheduledAt' ? 'when' : (issue.path as keyof Errors);
          if (field === 'email' || field === 'when' || field === 'message') next[field] ??= issue.message;
        }
        setErrors(next);
      }
    },
  });

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const next: Errors = {};
    const time = whenToIso(when);
    if ('error' in time) next.when = time.error;
    if (email.trim().toLowerCase() === user.email.toLowerCase()) next.email = 'Invite someone else';
    const request = { email, scheduledAt: 'iso' in time ? time.iso : '', myRole, ...(message.trim() && { message: message.trim() }) };
    const parsed = createInvitationRequestSchema.safeParse(request);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = issue.path[0] === 'scheduledAt' ? 'when' : (issue.path[0] as keyof Errors);
        if (field === 'email' || field === 'message') next[field] ??= issue.message;
      }
    }
    setErrors(next);
    if (Object.keys(next).length > 0) return;
    send.mutate(request);
  };

  const formError = send.isError && !(send.error instanceof ApiError && send.error.fieldIssues.length > 0) ? describeError(send.error) : null;
  return (
    <Card title="Invite someone" description="They get an email with a calendar invitation and can accept, decline or suggest another time.">
      <form className="invite-form" noValidate aria-label="Invite someone" onSubmit={onSubmit}>
        {formError && <Alert tone="error">{formError}</Alert>}
        <EmailField label="Their email" value={email} placeholder="name@example.com" onChange={(event) => setEmail(event.target.value)} error={errors.email} />
        <WhenFields idPrefix="invite" value={when} onChange={setWhen} error={errors.when} />
        <RadioGroup<MyRole> label="Roles" name="invite-role" value={myRole} options={ROLE_OPTIONS} onChange={setMyRole} />
        <TextField label="Message (optional)" value={message} maxLength={500} onChange={(event) => setMessage(event.target.value)} error={errors.message} />
        <div>
          <Button type="submit" variant="primary" loading={send.isPending}>
            Send invitation
          </Button>
        </div>
      </form>
    </Card>
  );
}
