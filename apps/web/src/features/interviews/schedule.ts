import type { Interview, InterviewStatus, ParticipantRole } from '@pairboard/contracts';
import { DEFAULT_LIFECYCLE_OFFSETS } from '@pairboard/interview-domain';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** A scheduled interview whose time passed this long ago without starting is listed as past. */
export const STALE_AFTER_MS = 12 * HOUR;
/**
 * The join button lights up this long before the scheduled start: the moment the server tells both
 * people the room is open (one definition, in the interview domain lib).
 */
export const ROOM_OPENS_BEFORE_MS = DEFAULT_LIFECYCLE_OFFSETS.roomOpensMs;

export const ROLE_LABEL: Record<ParticipantRole, string> = {
  interviewer: 'Interviewer',
  candidate: 'Candidate',
  observer: 'Observer',
};

export const STATUS_LABEL: Record<InterviewStatus, string> = {
  scheduled: 'Scheduled',
  live: 'Live',
  ended: 'Ended',
  cancelled: 'Cancelled',
};

const pad = (value: number) => String(value).padStart(2, '0');

/**
 * A date (`YYYY-MM-DD`) and time (`HH:mm`) typed in the browser's time zone, as ISO 8601 with that
 * zone's offset (e.g. `2025-03-14T09:30:00+01:00`); null when either part is not a valid value.
 */
export function localDateTimeToIso(date: string, time: string): string | null {
  const dateMatch = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const timeMatch = /^(\d{2}):(\d{2})$/.exec(time);
  if (!dateMatch || !timeMatch) return null;
  const [year, month, day] = dateMatch.slice(1).map(Number);
  const [hours, minutes] = timeMatch.slice(1).map(Number);
  if (month < 1 || month > 12 || day < 1 || day > 31 || hours > 23 || minutes > 59) return null;
  // The Date constructor reads local time; a time skipped by a DST change moves forward.
  const local = new Date(year, month - 1, day, hours, minutes);
  if (Number.isNaN(local.getTime()) || local.getDate() !== day) return null;
  const offset = -local.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  const absolute = Math.abs(offset);
  return (
    `${local.getFullYear()}-${pad(local.getMonth() + 1)}-${pad(local.getDate())}` +
    `T${pad(local.getHours())}:${pad(local.getMinutes())}:00` +
    `${sign}${pad(Math.floor(absolute / 60))}:${pad(absolute % 60)}`
  );
}

export interface GroupedInterviews {
  live: Interview[];
  upcoming: Interview[];
  past: Interview[];
  /** What the dashboard puts first: a live interview, else the nearest scheduled one with a time. */
  next: Interview | null;
}

const time = (iso: string | null) => (iso ? Date.parse(iso) : NaN);

export function isPast(interview: Interview, now: number): boolean {
  if (interview.status === 'ended' || interview.status === 'cancelled') return true;
  if (interview.status === 'live') return false;
  const at = time(interview.scheduledAt);
  return !Number.isNaN(at) && at < now - STALE_AFTER_MS;
}

/** Splits the caller's interviews into live, upcoming (soonest first, unscheduled last) and past (latest first). */
export function groupInterviews(interviews: readonly Interview[], now: number): GroupedInterviews {
  const live = interviews.filter((interview) => interview.status === 'live');
  const past = interviews.filter((interview) => isPast(interview, now));
  const upcoming = interviews.filter((interview) => interview.status === 'scheduled' && !isPast(interview, now));

  upcoming.sort((a, b) => {
    const at = time(a.scheduledAt);
    const bt = time(b.scheduledAt);
    if (Number.isNaN(at) !== Number.isNaN(bt)) return Number.isNaN(at) ? 1 : -1;
    if (!Number.isNaN(at) && at !== bt) return at - bt;
    return Date.parse(b.createdAt) - Date.parse(a.createdAt);
  });
  const pastTime = (interview: Interview) =>
    time(interview.endedAt) || time(interview.scheduledAt) || Date.parse(interview.createdAt);
  past.sort((a, b) => (pastTime(b) || 0) - (pastTime(a) || 0));
  live.sort((a, b) => (time(a.startedAt) || 0) - (time(b.startedAt) || 0));

  const next = live[0] ?? upcoming.find((interview) => interview.scheduledAt !== null) ?? null;
  return { live, upcoming, past, next };
}

/** Time until a start, for a countdown: `3 d 4 h`, `2 h 05 min`, `09:41`; null once it is due. */
export function formatCountdown(target: number, now: number): string | null {
  const remaining = target - now;
  if (remaining <= 0) return null;
  if (remaining >= DAY) {
    const days = Math.floor(remaining / DAY);
    const hours = Math.floor((remaining % DAY) / HOUR);
    return hours > 0 ? `${days} d ${hours} h` : `${days} d`;
  }
  if (remaining >= HOUR) {
    const hours = Math.floor(remaining / HOUR);
    const minutes = Math.floor((remaining % HOUR) / MINUTE);
    return `${hours} h ${pad(minutes)} min`;
  }
  const seconds = Math.ceil(remaining / 1000);
  return `${pad(Math.floor(seconds / 60))}:${pad(seconds % 60)}`;
}

export function roomIsOpen(interview: Interview, now: number): boolean {
  if (interview.status === 'live') return true;
  const at = time(interview.scheduledAt);
  return !Number.isNaN(at) && at - now <= ROOM_OPENS_BEFORE_MS;
}

const startOfDay = (at: number) => {
  const date = new Date(at);
  return new Date(date.getFullYear(), date.getMonth(), date.getDate()).getTime();
};

/** A start time in the viewer's zone: `Today, 14:30`, `Tomorrow, 09:00`, `Wed 14 May, 18:00`. */
export function formatWhen(iso: string, now: number, locale?: string): string {
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return '';
  const clock = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' }).format(at);
  const days = Math.round((startOfDay(at) - startOfDay(now)) / DAY);
  if (days === 0) return `Today, ${clock}`;
  if (days === 1) return `Tomorrow, ${clock}`;
  if (days === -1) return `Yesterday, ${clock}`;
  const sameYear = new Date(at).getFullYear() === new Date(now).getFullYear();
  const date = new Intl.DateTimeFormat(locale, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    ...(sameYear ? {} : { year: 'numeric' }),
  }).format(at);
  return `${date}, ${clock}`;
}

/** The full date and time with the zone's name, for the interview page. */
export function formatFullDateTime(iso: string, locale?: string): string {
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return '';
  return new Intl.DateTimeFormat(locale, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(at);
}

/** Today's date as `YYYY-MM-DD` in the viewer's zone, for a date input's `min`. */
export function todayInputValue(now: number): string {
  const date = new Date(now);
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
