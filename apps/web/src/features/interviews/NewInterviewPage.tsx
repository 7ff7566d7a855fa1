import { MAX_INVITES, TITLE_MAX_LENGTH, type ParticipantRole } from '@pairboard/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { useApiClient } from '../../api';
import {
  Alert,
  Button,
  Card,
  CardFooter,
  CloseIcon,
  EmailField,
  IconButton,
  LinkButton,
  PageHeader,
  PlusIcon,
  RadioGroup,
  SelectField,
  TextField,
  useDocumentTitle,
} from '../../ui';
import { useSignedInUser } from '../auth/AuthContext';
import { fetchQuestion, fetchScripts, questionQueryKey, scriptsQueryKey } from '../questions/questions-api';
import { defaultScript, QuestionPicker, ScriptPicker } from './ContentPickers';
import { createInterview, interviewQueryKey, interviewsQueryKey } from './interviews-api';
import {
  firstErrorField,
  noErrors,
  serverErrorsForNewInterview,
  validateNewInterview,
  type InviteRow,
  type NewInterviewErrors,
  type NewInterviewValues,
} from './new-interview-form';
import { todayInputValue } from './schedule';
import './NewInterviewPage.css';

const INVITE_ROLES = [
  { value: 'candidate', label: 'Candidate' },
  { value: 'interviewer', label: 'Interviewer' },
  { value: 'observer', label: 'Observer' },
] as const satisfies readonly { value: ParticipantRole; label: string }[];

const MY_ROLES = [
  { value: 'interviewer', label: 'Interviewer', description: 'You run the session and score it.' },
  { value: 'candidate', label: 'Candidate', description: 'You practise; your partner interviews you.' },
] as const;

function timeZoneName(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone ?? '';
  } catch {
    return '';
  }
}

export default function NewInterviewPage() {
  useDocumentTitle('New interview');
  const client = useApiClient();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const user = useSignedInUser();
  const nextKey = useRef(1);
  const form = useRef<HTMLFormElement>(null);
  const [search] = useSearchParams();
  const linkedQuestionId = search.get('questionId') ?? '';
  const [values, setValues] = useState<NewInterviewValues>({
    title: '',
    date: '',
    time: '',
    myRole: 'interviewer',
    invites: [{ key: 0, email: '', role: 'candidate' }],
    questionId: linkedQuestionId,
    // "Use in an interview" on a script's page links here with it chosen.
    scriptId: search.get('scriptId') ?? '',
  });
  // The same queries as the pickers (shared cache): the linked question's title and the default script.
  const linkedQuestion = useQuery({
    queryKey: questionQueryKey(linkedQuestionId),
    queryFn: ({ signal }) => fetchQuestion(client, linkedQuestionId, signal),
    enabled: linkedQuestionId !== '',
  });
  const scripts = useQuery({ queryKey: scriptsQueryKey, queryFn: ({ signal }) => fetchScripts(client, signal) });

  // The title the chosen question gave the interview, so that choosing another replaces it.
  const autoTitle = useRef<string | null>(null);

  // A question opened from the bank names the interview, unless a title was already typed.
  const linkedTitle = linkedQuestion.data?.title;
  useEffect(() => {
    if (!linkedTitle) return;
    setValues((current) => {
      if (current.title !== '' || current.questionId !== linkedQuestionId) return current;
      autoTitle.current = linkedTitle;
      return { ...current, title: linkedTitle };
    });
  }, [linkedTitle, linkedQuestionId]);

  const chooseQuestion = (question: { id: string; title: string } | null) => {
    const followsQuestion = values.title === '' || values.title === autoTitle.current;
    const title = followsQuestion ? (question?.title ?? '') : values.title;
    autoTitle.current = followsQuestion ? (question?.title ?? null) : autoTitle.current;
    setValues((current) => ({ ...current, questionId: question?.id ?? '', title }));
    if (followsQuestion) setErrors((current) => ({ ...current, title: undefined }));
  };
  const [errors, setErrors] = useState<NewInterviewErrors>(noErrors);
  const [pending, setPending] = useState(false);

  const focusField = (id: string | null) => {
    if (id) form.current?.querySelector<HTMLElement>(`[data-field="${id}"]`)?.focus();
  };

  const set = <K extends keyof NewInterviewValues>(key: K, value: NewInterviewValues[K]) => {
    setValues((current) => ({ ...current, [key]: value }));
    if (key === 'title' || key === 'date' || key === 'time') {
      setErrors((current) => ({ ...current, [key]: undefined, ...(key !== 'title' && { date: undefined, time: undefined }) }));
    }
  };

  const setRow = (key: number, change: Partial<InviteRow>) => {
    setValues((current) => ({
      ...current,
      invites: current.invites.map((row) => (row.key === key ? { ...row, ...change } : row)),
    }));
    setErrors((current) => {
      const inviteEmail = { ...current.inviteEmail };
      const inviteRole = { ...current.inviteRole };
      if ('email' in change) delete inviteEmail[key];
      if ('role' in change) delete inviteRole[key];
      return { ...current, inviteEmail, inviteRole, invites: undefined };
    });
  };

  const addRow = () => {
    const key = nextKey.current++;
    setValues((current) => ({ ...current, invites: [...current.invites, { key, email: '', role: 'candidate' }] }));
    // After React renders the new row.
    requestAnimationFrame(() => focusField(`invite-email-${key}`));
  };

  const removeRow = (key: number) => {
    const index = values.invites.findIndex((row) => row.key === key);
    const remaining = values.invites.filter((row) => row.key !== key);
    setValues((current) => ({ ...current, invites: current.invites.filter((row) => row.key !== key) }));
    const neighbour = remaining[Math.min(index, remaining.length - 1)];
    requestAnimationFrame(() => focusField(neighbour ? `invite-email-${neighbour.key}` : 'add-invite'));
  };

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (pending) return;
    const scriptId = values.scriptId || defaultScript(scripts.data)?.id || '';
    const checked = validateNewInterview({ ...values, scriptId }, user.email, Date.now());
    if (!checked.ok) {
      setErrors(checked.errors);
      focusField(firstErrorField(checked.errors, values.invites));
      return;
    }
    setErrors(noErrors());
    setPending(true);
    try {
      const interview = await createInterview(client, checked.request);
      queryClient.setQueryData(interviewQueryKey(interview.id), interview);
      await queryClient.invalidateQueries({ queryKey: interviewsQueryKey, exact: true });
      navigate(`/interviews/${interview.id}`);
    } catch (error) {
      const mapped = serverErrorsForNewInterview(error, checked.sentRows);
      setErrors(mapped);
      setPending(false);
      focusField(firstErrorField(mapped, values.invites));
    }
  };

  const zone = timeZoneName();

  return (
    <>
      <PageHeader title="New interview" description="Set up a mock interview and invite the people taking part." />
      <Card>
        <form ref={form} className="new-interview" noValidate aria-label="New interview" onSubmit={onSubmit}>
          {errors.form && <Alert tone="error">{errors.form}</Alert>}
          <TextField
            data-field="title"
            label="Title"
            name="title"
            value={values.title}
            onChange={(event) => set('title', event.target.value)}
            error={errors.title}
            placeholder="System design interview"
            maxLength={TITLE_MAX_LENGTH}
            hint="Optional. Something your partner will recognise, e.g. “Design a URL shortener”."
            autoFocus
          />

          <QuestionPicker value={values.questionId} onChange={chooseQuestion} />

          <ScriptPicker value={values.scriptId} onChange={(scriptId) => set('scriptId', scriptId)} />

          <fieldset className="new-interview__group">
            <legend className="new-interview__legend">When</legend>
            <p className="new-interview__hint">
              Optional{zone ? `. Times are in your time zone (${zone})` : ''}; everyone sees them in their own.
            </p>
            <div className="new-interview__when">
              <TextField
                data-field="date"
                label="Date"
                name="date"
                type="date"
                min={todayInputValue(Date.now())}
                value={values.date}
                onChange={(event) => set('date', event.target.value)}
                error={errors.date}
              />
              <TextField
                data-field="time"
                label="Start time"
                name="time"
                type="time"
                step={300}
                value={values.time}
                onChange={(event) => set('time', event.target.value)}
                error={errors.time}
              />
            </div>
          </fieldset>

          <RadioGroup
            label="Your role"
            name="myRole"
            value={values.myRole}
            options={MY_ROLES}
            onChange={(role) => set('myRole', role)}
          />

          <fieldset className="new-interview__group">
            <legend className="new-interview__legend">Invite people</legend>
            <p className="new-interview__hint">
              People without an account yet are invited by email and join once they sign up with it.
            </p>
            <ul className="new-interview__invites" aria-label="Invitations">
              {values.invites.map((row, index) => (
                <li key={row.key} className="new-interview__invite">
                  <EmailField
                    data-field={`invite-email-${row.key}`}
                    className="new-interview__invite-email"
                    label="Email"
                    aria-label={`Email of person ${index + 1}`}
                    placeholder="name@example.com"
                    value={row.email}
                    onChange={(event) => setRow(row.key, { email: event.target.value })}
                    error={errors.inviteEmail[row.key]}
                  />
                  <SelectField
                    data-field={`invite-role-${row.key}`}
                    className="new-interview__invite-role"
                    label="Role"
                    aria-label={`Role of person ${index + 1}`}
                    value={row.role}
                    options={INVITE_ROLES}
                    onChange={(role) => setRow(row.key, { role })}
                    error={errors.inviteRole[row.key]}
                  />
                  <IconButton
                    className="new-interview__remove"
                    label={`Remove person ${index + 1}`}
                    icon={<CloseIcon />}
                    onClick={() => removeRow(row.key)}
                  />
                </li>
              ))}
            </ul>
            {errors.invites && (
              <p className="pb-field__message pb-field__message--error" role="alert">
                {errors.invites}
              </p>
            )}
            <Button
              data-field="add-invite"
              variant="secondary"
              size="sm"
              icon={<PlusIcon />}
              onClick={addRow}
              disabled={values.invites.length >= MAX_INVITES}
              className="new-interview__add"
            >
              Add another person
            </Button>
          </fieldset>

          <CardFooter>
            <LinkButton to="/" variant="ghost">
              Cancel
            </LinkButton>
            <Button type="submit" variant="primary" loading={pending}>
              {pending ? 'Creating…' : 'Create interview'}
            </Button>
          </CardFooter>
        </form>
      </Card>
    </>
  );
}
