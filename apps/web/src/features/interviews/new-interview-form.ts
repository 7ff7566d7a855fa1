import {
  createInterviewRequestSchema,
  MAX_INVITES,
  type CreateInterviewRequest,
  type ParticipantRole,
} from '@pairboard/contracts';
import { ApiError, describeError } from '../../api';
import { localDateTimeToIso } from './schedule';

export interface InviteRow {
  /** Stable across edits and removals, for React keys and error placement. */
  key: number;
  email: string;
  role: ParticipantRole;
}

export interface NewInterviewValues {
  title: string;
  date: string;
  time: string;
  myRole: 'interviewer' | 'candidate';
  invites: InviteRow[];
  /** From the question bank; empty for none. */
  questionId: string;
  /** Empty sends nothing, and the server uses the default script. */
  scriptId: string;
}

export interface NewInterviewErrors {
  title?: string;
  date?: string;
  time?: string;
  /** About the invite list as a whole (e.g. too many people). */
  invites?: string;
  inviteEmail: Record<number, string>;
  inviteRole: Record<number, string>;
  /** For the banner: what belongs to no field. */
  form?: string;
}

export const noErrors = (): NewInterviewErrors => ({ inviteEmail: {}, inviteRole: {} });

export function hasErrors(errors: NewInterviewErrors): boolean {
  return Boolean(
    errors.title ||
      errors.date ||
      errors.time ||
      errors.invites ||
      errors.form ||
      Object.keys(errors.inviteEmail).length > 0 ||
      Object.keys(errors.inviteRole).length > 0,
  );
}

/** The ids of the inputs to focus for the first error, in the order the form shows them. */
export function firstErrorField(errors: NewInterviewErrors, rows: readonly InviteRow[]): string | null {
  if (errors.title) return 'title';
  if (errors.date) return 'date';
  if (errors.time) return 'time';
  for (const row of rows) {
    if (errors.inviteEmail[row.key]) return `invite-email-${row.key}`;
    if (errors.inviteRole[row.key]) return `invite-role-${row.key}`;
  }
  return null;
}

/** Places one issue whose path is `['title']`, `['invite', 2, 'email']`, `'invite.2.email'`… */
function placeIssue(
  errors: NewInterviewErrors,
  path: readonly (string | number)[],
  message: string,
  sentRows: readonly InviteRow[],
): boolean {
  const [field, index, sub] = path;
  if (field === 'title') {
    errors.title ??= message;
    return true;
  }
  if (field === 'scheduledAt') {
    errors.date ??= message;
    return true;
  }
  if (field === 'invite') {
    const row = typeof index === 'number' || /^\d+$/.test(String(index)) ? sentRows[Number(index)] : undefined;
    if (row && sub === 'email') {
      errors.inviteEmail[row.key] ??= message;
      return true;
    }
    if (row && sub === 'role') {
      errors.inviteRole[row.key] ??= message;
      return true;
    }
    errors.invites ??= message;
    return true;
  }
  return false;
}

export type Validation =
  | { ok: true; request: CreateInterviewRequest; sentRows: InviteRow[] }
  | { ok: false; errors: NewInterviewErrors };

/**
 * Checks the form with the contracts schema, plus what only the form knows: date and time come as a
 * pair and lie ahead, rows left blank are skipped, nobody is invited twice or invites themselves.
 */
export function validateNewInterview(values: NewInterviewValues, myEmail: string, now: number): Validation {
  const errors = noErrors();
  const sentRows = values.invites.filter((row) => row.email.trim() !== '');

  let scheduledAt: string | undefined;
  const date = values.date.trim();
  const time = values.time.trim();
  if (date && !time) errors.time = 'Add a start time, or clear the date';
  else if (time && !date) errors.date = 'Add a date, or clear the time';
  else if (date && time) {
    const iso = localDateTimeToIso(date, time);
    if (!iso) errors.date = 'Enter a valid date and time';
    else if (Date.parse(iso) < now - 60_000) errors.date = 'Pick a time in the future';
    else scheduledAt = iso;
  }

  const request = {
    title: values.title.trim() === '' ? undefined : values.title,
    scheduledAt,
    myRole: values.myRole,
    invite: sentRows.map((row) => ({ email: row.email, role: row.role })),
    ...(values.questionId && { questionId: values.questionId }),
    ...(values.scriptId && { scriptId: values.scriptId }),
  };
  const parsed = createInterviewRequestSchema.safeParse(request);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      placeIssue(errors, issue.path as (string | number)[], issue.message, sentRows);
    }
  }

  const seen = new Map<string, number>();
  const me = myEmail.trim().toLowerCase();
  for (const row of sentRows) {
    const email = row.email.trim().toLowerCase();
    if (errors.inviteEmail[row.key]) continue;
    if (email === me) errors.inviteEmail[row.key] = 'That is you: you join with the role chosen above';
    else if (seen.has(email)) errors.inviteEmail[row.key] = 'This person is already invited above';
    seen.set(email, row.key);
  }
  if (sentRows.length > MAX_INVITES) errors.invites ??= `Invite at most ${MAX_INVITES} people at once`;

  if (!parsed.success || hasErrors(errors)) return { ok: false, errors };
  return { ok: true, request: parsed.data, sentRows };
}

/** A failed request as form errors: field issues under their fields, the rest in the banner. */
export function serverErrorsForNewInterview(error: unknown, sentRows: readonly InviteRow[]): NewInterviewErrors {
  const errors = noErrors();
  if (!(error instanceof ApiError)) {
    errors.form = describeError(error);
    return errors;
  }
  const unplaced: string[] = [];
  for (const issue of error.fieldIssues) {
    if (!placeIssue(errors, issue.path.split('.'), issue.message, sentRows)) unplaced.push(issue.message);
  }
  if (!hasErrors(errors) || unplaced.length > 0) errors.form = [describeError(error), ...unplaced].join(' ');
  return errors;
}
