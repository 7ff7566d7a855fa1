import {
  MAX_SLOTS,
  PAIRING_LENGTHS,
  slotProblems,
  TOPICS,
  type CreatePairingRequest,
  type Interview,
  type Level,
  type PairingLength,
  type PairingRequestView,
  type PairingRole,
  type Topic,
} from '@pairboard/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { describeError, useApiClient } from '../../api';
import { InvitationsList } from '../scheduling';
import { ShowUpRecordCard } from './ShowUpRecordCard';
import {
  Alert,
  Badge,
  Button,
  CalendarIcon,
  Card,
  ClockIcon,
  cx,
  EmptyState,
  LinkButton,
  LoadErrorAlert,
  PageHeader,
  RadioGroup,
  SelectField,
  Skeleton,
  UsersIcon,
  useDocumentTitle,
  type BadgeTone,
} from '../../ui';
import { fetchInterviews, interviewsQueryKey } from '../interviews/interviews-api';
import { formatWhen, groupInterviews } from '../interviews/schedule';
import { useNow } from '../interviews/useNow';
import { LEVEL_LABEL, topicName } from '../questions/questions-api';
import {
  cancelPairingRequest,
  createPairingRequest,
  fetchPairingRequests,
  pairingRequestsQueryKey,
  updatePairingRequest,
} from './pairing-api';
import { WeekCalendar } from './WeekCalendar';
import { cellsToSlots, localTimeZone, slotsToCells } from './week-grid';
import './PractisePage.css';

/** Join buttons light up this long before a session starts. */
export const JOIN_OPENS_BEFORE_MS = 5 * 60_000;

interface Preferences {
  level: Level;
  topics: Topic[];
  role: PairingRole;
  lengthMinutes: PairingLength;
}

const DEFAULT_PREFERENCES: Preferences = { level: 'mid', topics: [], role: 'either', lengthMinutes: 90 };

const ROLE_OPTIONS = [
  { value: 'either', label: 'Either', description: 'Whoever the match suits' },
  { value: 'candidate', label: 'Candidate first', description: 'Answer first, then interview' },
  { value: 'interviewer', label: 'Interviewer first', description: 'Interview first, then answer' },
] as const;

const LENGTH_OPTIONS = PAIRING_LENGTHS.map((length) => ({
  value: String(length) as `${PairingLength}`,
  label: `${length / 60 === Math.floor(length / 60) ? `${length / 60} h` : `${Math.floor(length / 60)} h ${length % 60}`}`,
  description: `Two halves of ${length / 2} minutes`,
}));

const STATUS_TONE: Record<PairingRequestView['status'], BadgeTone> = { open: 'info', matched: 'success', cancelled: 'neutral', expired: 'warning' };
const STATUS_LABEL: Record<PairingRequestView['status'], string> = { open: 'Looking for a partner', matched: 'Matched', cancelled: 'Cancelled', expired: 'Expired' };

export default function PractisePage() {
  useDocumentTitle('Practise');
  const client = useApiClient();
  const queryClient = useQueryClient();
  const now = useNow(15_000);
  const timeZone = useMemo(localTimeZone, []);
  const requests = useQuery({ queryKey: pairingRequestsQueryKey, queryFn: ({ signal }) => fetchPairingRequests(client, signal), refetchInterval: 10_000 });
  const interviews = useQuery({ queryKey: interviewsQueryKey, queryFn: ({ signal }) => fetchInterviews(client, signal), refetchInterval: 30_000 });

  const [editing, setEditing] = useState<PairingRequestView | null>(null);
  const [cells, setCells] = useState<Set<number>>(new Set());
  const [preferences, setPreferences] = useState<Preferences>(DEFAULT_PREFERENCES);
  const [problems, setProblems] = useState<string[]>([]);
  const [saved, setSaved] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  const slots = useMemo(() => cellsToSlots(cells), [cells]);
  const hours = slots.reduce((sum, slot) => sum + (Date.parse(slot.end) - Date.parse(slot.start)) / 3_600_000, 0);

  const reset = () => {
    setEditing(null);
    setCells(new Set());
    setPreferences(DEFAULT_PREFERENCES);
    setProblems([]);
  };

  const startEditing = (request: PairingRequestView) => {
    setEditing(request);
    setCells(slotsToCells(request.slots));
    setPreferences({ level: request.level, topics: request.topics as Topic[], role: request.role, lengthMinutes: request.lengthMinutes as PairingLength });
    setProblems([]);
    setSaved(null);
    document.getElementById('pairing-form')?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  };

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (pending) return;
    const found = [
      ...(slots.length === 0 ? ['Choose when you are free: click or drag across the calendar.'] : []),
      ...(slots.length > MAX_SLOTS ? [`Choose at most ${MAX_SLOTS} separate slots.`] : []),
      ...[...new Set(slotProblems(slots, Date.now()).map((problem) => problem.message))],
      ...(preferences.topics.length === 0 ? ['Pick at least one topic you would like to practise.'] : []),
    ];
    setProblems(found);
    setSaved(null);
    if (found.length > 0) return;
    const body: CreatePairingRequest = { slots, timezone: timeZone, ...preferences };
    setPending(true);
    try {
      if (editing) await updatePairingRequest(client, editing.id, body);
      else await createPairingRequest(client, body);
      setSaved(editing ? 'Your request is updated. We will look for a partner again.' : 'Request filed. We will pair you as soon as someone fits.');
      reset();
      await queryClient.invalidateQueries({ queryKey: pairingRequestsQueryKey });
    } catch (error) {
      setProblems([describeError(error)]);
    } finally {
      setPending(false);
    }
  };

  // A problem shown for an earlier attempt goes away as soon as the form changes.
  const changeCells = (next: Set<number>) => {
    setCells(next);
    setProblems([]);
  };

  const toggleTopic = (topic: Topic) => {
    setProblems([]);
    setPreferences((current) => ({
      ...current,
      topics: current.topics.includes(topic) ? current.topics.filter((t) => t !== topic) : [...current.topics, topic],
    }));
  };

  return (
    <>
      <PageHeader title="Practise" description="Say when you are free and what you want to practise; Pairboard pairs you with a peer and books both halves." />
      <div className="practise">
        <Card
          title={editing ? 'Edit your request' : 'Find a practice partner'}
          description="Each of you is the candidate once: a session is two back-to-back interviews with the roles swapped."
        >
          <form id="pairing-form" className="practise__form" noValidate aria-label={editing ? 'Edit pairing request' : 'New pairing request'} onSubmit={onSubmit}>
            <div className="practise__calendar">
              <WeekCalendar selected={cells} onChange={changeCells} now={now} timeZone={timeZone} />
              <p className="practise__summary" aria-live="polite">
                {slots.length === 0 ? 'No time chosen yet.' : `${slots.length} ${slots.length === 1 ? 'slot' : 'slots'}, ${hours} h in all.`}
              </p>
            </div>
            <div className="practise__fields">
              <SelectField
                label="Level"
                value={preferences.level}
                options={(Object.keys(LEVEL_LABEL) as Level[]).map((level) => ({ value: level, label: LEVEL_LABEL[level] }))}
                onChange={(level) => setPreferences((current) => ({ ...current, level }))}
              />
              <RadioGroup
                label="Session length"
                name="length"
                value={String(preferences.lengthMinutes) as `${PairingLength}`}
                options={LENGTH_OPTIONS}
                onChange={(value) => setPreferences((current) => ({ ...current, lengthMinutes: Number(value) as PairingLength }))}
              />
              <RadioGroup
                label="Preferred role"
                name="role"
                value={preferences.role}
                options={ROLE_OPTIONS}
                onChange={(role) => setPreferences((current) => ({ ...current, role }))}
              />
            </div>
            <fieldset className="practise__topics">
              <legend className="practise__legend">Topics</legend>
              <div className="practise__chips">
                {TOPICS.map((topic) => (
                  <button
                    key={topic}
                    type="button"
                    className={cx('practise__chip', preferences.topics.includes(topic) && 'practise__chip--on')}
                    aria-pressed={preferences.topics.includes(topic)}
                    onClick={() => toggleTopic(topic)}
                  >
                    {topicName(topic)}
                  </button>
                ))}
              </div>
            </fieldset>
            <div className="practise__actions">
              {problems.length > 0 && (
                <Alert tone="error" title="Not sent yet">
                  <ul className="practise__problems">
                    {problems.map((problem) => (
                      <li key={problem}>{problem}</li>
                    ))}
                  </ul>
                </Alert>
              )}
              {saved && <Alert tone="success">{saved}</Alert>}
              <div className="practise__buttons">
                {editing && (
                  <Button variant="ghost" onClick={reset}>
                    Discard changes
                  </Button>
                )}
                <Button type="submit" variant="primary" loading={pending}>
                  {editing ? 'Save changes' : 'Find a partner'}
                </Button>
              </div>
            </div>
          </form>
        </Card>

        <div className="practise__lists">
          <InvitationsList hideWhenEmpty title="Invitations" />
          <Card title="Upcoming sessions">
            {interviews.isPending ? (
              <ListSkeleton label="Loading your sessions" />
            ) : interviews.isError ? (
              <LoadErrorAlert title="Your sessions could not be loaded." query={interviews} />
            ) : (
              <UpcomingSessions interviews={interviews.data} now={now} />
            )}
          </Card>
          <Card title="My requests">
            {requests.isPending ? (
              <ListSkeleton label="Loading your requests" />
            ) : requests.isError ? (
              <LoadErrorAlert title="Your requests could not be loaded." query={requests} />
            ) : requests.data.length === 0 ? (
              <EmptyState icon={<CalendarIcon size={22} />} title="No requests yet" description="Mark a few times on the calendar above and pick your topics; you will see the request here." />
            ) : (
              <RequestList requests={requests.data} editingId={editing?.id ?? null} now={now} onEdit={startEditing} />
            )}
          </Card>
          <ShowUpRecordCard />
        </div>
      </div>
    </>
  );
}

function ListSkeleton({ label }: { label: string }) {
  return (
    <div className="practise__skeleton" role="status" aria-label={label}>
      {[0, 1].map((row) => (
        <div key={row} className="practise__skeleton-row">
          <Skeleton width="50%" height={14} />
          <Skeleton width="30%" height={12} />
        </div>
      ))}
    </div>
  );
}

function UpcomingSessions({ interviews, now }: { interviews: Interview[]; now: number }) {
  const { live, upcoming } = groupInterviews(interviews, now);
  const sessions = [...live, ...upcoming.filter((interview) => interview.scheduledAt !== null)];
  if (sessions.length === 0) {
    return <EmptyState icon={<UsersIcon size={22} />} title="Nothing booked" description="Once you are matched, both halves of the session appear here with a join button." />;
  }
  return (
    <ul className="practise__list" aria-label="Upcoming sessions">
      {sessions.map((interview) => {
        const startsAt = Date.parse(interview.scheduledAt ?? '');
        const open = interview.status === 'live' || startsAt - now <= JOIN_OPENS_BEFORE_MS;
        return (
          <li key={interview.id} className="practise__item" data-testid="session-row">
            <div className="practise__item-main">
              <Link to={`/interviews/${interview.id}`} className="practise__item-title">
                {interview.title}
              </Link>
              <p className="practise__meta">
                <ClockIcon size={14} /> {formatWhen(interview.scheduledAt ?? '', now)} · you are the {interview.myRole}
              </p>
            </div>
            {open ? (
              <LinkButton to={`/interviews/${interview.id}/room`} variant="primary" size="sm">
                Join
              </LinkButton>
            ) : (
              <Button size="sm" disabled title="The room opens five minutes before the start">
                Join
              </Button>
            )}
          </li>
        );
      })}
    </ul>
  );
}

function RequestList({
  requests,
  editingId,
  now,
  onEdit,
}: {
  requests: PairingRequestView[];
  editingId: string | null;
  now: number;
  onEdit(request: PairingRequestView): void;
}) {
  const client = useApiClient();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const cancel = async (id: string) => {
    setBusy(id);
    setError(null);
    try {
      await cancelPairingRequest(client, id);
    } catch (failure) {
      setError(describeError(failure));
    } finally {
      setBusy(null);
      setConfirming(null);
      await queryClient.invalidateQueries({ queryKey: pairingRequestsQueryKey });
    }
  };

  return (
    <>
      {error && <Alert tone="error">{error}</Alert>}
      <ul className="practise__list" aria-label="My requests">
        {requests.map((request) => (
          <li key={request.id} className={cx('practise__item', editingId === request.id && 'practise__item--editing')} data-testid="request-row">
            <div className="practise__item-main">
              <p className="practise__item-title">
                <Badge tone={STATUS_TONE[request.status]}>{STATUS_LABEL[request.status]}</Badge>
                <span>
                  {LEVEL_LABEL[request.level]} · {request.lengthMinutes / 60} h · {request.topics.map(topicName).join(', ')}
                </span>
              </p>
              <SlotStrip request={request} now={now} />
              {request.status === 'matched' && request.interviewId && (
                <p className="practise__meta">
                  Session {request.startsAt ? formatWhen(request.startsAt, now) : ''} ·{' '}
                  <Link to={`/interviews/${request.interviewId}`}>open the interview</Link>
                </p>
              )}
            </div>
            {request.status === 'open' && (
              <div className="practise__item-actions">
                {confirming === request.id ? (
                  <>
                    <Button size="sm" variant="danger" loading={busy === request.id} onClick={() => cancel(request.id)}>
                      Yes, cancel it
                    </Button>
                    <Button size="sm" variant="ghost" onClick={() => setConfirming(null)}>
                      Keep
                    </Button>
                  </>
                ) : (
                  <>
                    <Button size="sm" onClick={() => onEdit(request)}>
                      Edit
                    </Button>
                    <Button size="sm" variant="ghost" onClick={() => setConfirming(request.id)}>
                      Cancel
                    </Button>
                  </>
                )}
              </div>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}

/** The request's slots as short ranges in the viewer's zone. */
function SlotStrip({ request, now }: { request: PairingRequestView; now: number }) {
  const time = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
  return (
    <ul className="practise__slots" aria-label="Times">
      {request.slots.slice(0, 6).map((slot) => (
        <li key={slot.start} className={cx('practise__slot', Date.parse(slot.end) < now && 'practise__slot--past')}>
          {formatWhen(slot.start, now)}–{time.format(Date.parse(slot.end))}
        </li>
      ))}
      {request.slots.length > 6 && <li className="practise__slot">+{request.slots.length - 6} more</li>}
    </ul>
  );
}
