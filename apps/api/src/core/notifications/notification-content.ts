import { isKnownTimeZone, type NotificationKind } from '@pairboard/contracts';

/** What a notification or an email is about; every kind uses the fields it needs. */
export interface NotificationFacts {
  interviewId: string | null;
  interviewTitle?: string;
  scheduledAt?: Date | null;
  /** The other person, as the recipient knows them. */
  otherName?: string;
  reason?: string | null;
  proposedAt?: Date | null;
  previousAt?: Date | null;
  /** For `feedback.requested`: the page to fill in. */
  feedbackPath?: string;
  /** For `pairing.matched`: the sessions created. */
  interviewCount?: number;
  /** For `interview.added`: the part the recipient is asked to take. */
  role?: string;
}

export interface RenderedNotification {
  title: string;
  body: string;
  link: string | null;
}

/** Who reads a message: times are given in their zone, and "in 15 min" counts from `now`. */
export interface Reader {
  /** An IANA zone; null or unknown reads in UTC. */
  timeZone?: string | null;
  now?: number;
}

/** A zone the runtime knows, or UTC. */
function readableZone(timeZone: string | null | undefined): string {
  return timeZone && isKnownTimeZone(timeZone) ? timeZone : 'UTC';
}

/**
 * Times in messages: spelled out in the reader's zone, with the zone named, since an email is read
 * away from the app. The .ics attachment gives calendars the exact instant in UTC.
 */
export function formatWhen(at: Date | null | undefined, timeZone?: string | null): string {
  if (!at) return 'a time to be agreed';
  const zone = readableZone(timeZone);
  const text = new Intl.DateTimeFormat('en-GB', {
    timeZone: zone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(at);
  return `${text} ${zone.replace(/_/g, ' ')}`;
}

function inMinutes(at: Date | null | undefined, now: number): string {
  if (!at) return '';
  const minutes = Math.max(0, Math.round((at.getTime() - now) / 60_000));
  if (minutes < 1) return 'now';
  if (minutes < 90) return `in ${minutes} min`;
  const hours = Math.round(minutes / 60);
  return hours < 36 ? `in about ${hours} h` : `in ${Math.round(hours / 24)} days`;
}

/** The in-app text of each kind (the email reuses it as its first lines). */
export function renderNotification(kind: NotificationKind, facts: NotificationFacts, reader: Reader = {}): RenderedNotification {
  const now = reader.now ?? Date.now();
  const timeOf = (at: Date | null | undefined) => formatWhen(at, reader.timeZone);
  const title = facts.interviewTitle ?? 'your session';
  const who = facts.otherName ?? 'Your partner';
  const when = timeOf(facts.scheduledAt);
  const page = facts.interviewId ? `/interviews/${facts.interviewId}` : null;
  const reason = facts.reason ? ` Reason: ${facts.reason}` : '';
  switch (kind) {
    case 'invitation.received':
      return { title: `${who} invited you to practise`, body: `"${title}" on ${when}. Accept, decline or suggest another time.`, link: page };
    case 'invitation.accepted':
      return { title: `${who} accepted your invitation`, body: `"${title}" is on for ${when}.`, link: page };
    case 'invitation.declined':
      return { title: `${who} declined your invitation`, body: `"${title}" on ${when} is off.${reason}`, link: page };
    case 'invitation.proposed':
      return { title: `${who} suggested another time`, body: `"${title}": ${timeOf(facts.proposedAt)} instead of ${timeOf(facts.previousAt)}.${reason}`, link: page };
    case 'invitation.proposal_declined':
      return { title: `${who} kept the original time`, body: `"${title}" stays on ${when}. Accept it or decline.`, link: page };
    case 'interview.rescheduled':
      return { title: `${who} moved "${title}"`, body: `New time: ${when} (was ${timeOf(facts.previousAt)}).${reason}`, link: page };
    case 'interview.cancelled':
      return { title: `${who} cancelled "${title}"`, body: `The session on ${when} will not take place.${reason}`, link: page };
    case 'reminder.day':
    case 'reminder.soon':
      return { title: `"${title}" starts ${inMinutes(facts.scheduledAt, now)}`, body: `With ${who}, at ${when}. The room opens a few minutes before.`, link: page };
    case 'room.open':
      return { title: `The room for "${title}" is open`, body: `Join now: ${who} may already be there. Starts at ${when}.`, link: page ? `${page}/room` : null };
    case 'no_show.partner_absent':
      return {
        title: `${who} has not joined yet`,
        body: `"${title}" started at ${when}. You can wait a little longer, or look for another partner on the Practise page.`,
        link: page ? `${page}/room` : null,
      };
    case 'no_show.recorded':
      return { title: `You missed "${title}"`, body: `The session at ${when} went ahead without you; it is noted in your show-up record.`, link: page };
    case 'pairing.matched': {
      const count = facts.interviewCount ?? 1;
      return { title: `You've been matched with ${who}`, body: `${count === 1 ? 'One session is' : `${count} sessions are`} booked for ${when}.`, link: page };
    }
    case 'feedback.requested':
      return { title: `How did "${title}" go?`, body: `Take two minutes to give ${who} feedback while it is fresh.`, link: facts.feedbackPath ?? page };
    case 'interview.added':
      return {
        title: `${who} added you to "${title}"`,
        body: `You are invited as ${facts.role ?? 'a participant'}, ${facts.scheduledAt ? `on ${when}` : 'at a time to be agreed'}. Accept to take part, or decline.`,
        link: page,
      };
    case 'scorecard.ready':
      return { title: `Your scorecard for "${title}" is ready`, body: `${who} submitted it: the scores, the evidence behind them and what to work on next.`, link: page ? `${page}/scorecard` : null };
  }
}

export interface EmailContent {
  subject: string;
  text: string;
  html: string;
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char] as string);
}

/** Text and HTML bodies of an email about `kind`; links are absolute (`publicUrl` + path). */
export function renderEmail(kind: NotificationKind, facts: NotificationFacts, publicUrl: string, reader: Reader = {}): EmailContent {
  const { title, body, link } = renderNotification(kind, facts, reader);
  const url = link ? new URL(link, publicUrl).toString() : publicUrl;
  const calendarNote =
    kind === 'interview.cancelled' || kind === 'invitation.declined'
      ? 'The attached calendar file removes the event from your calendar.'
      : kind === 'invitation.received' || kind === 'interview.rescheduled' || kind === 'invitation.accepted'
        ? 'The attached calendar file adds (or updates) the event in your calendar.'
        : '';
  const text = [title, '', body, '', `Open Pairboard: ${url}`, calendarNote ? `\n${calendarNote}` : '', '', '— Pairboard, practice for system design interviews']
    .join('\n')
    .replace(/\n{3,}/g, '\n\n');
  const html = `<!doctype html><html><body style="font-family:system-ui,-apple-system,Segoe UI,sans-serif;color:#1f2328;max-width:560px;margin:0 auto;padding:24px">
<h1 style="font-size:18px;margin:0 0 12px">${escapeHtml(title)}</h1>
<p style="font-size:15px;line-height:1.5;margin:0 0 20px">${escapeHtml(body)}</p>
<p style="margin:0 0 20px"><a href="${escapeHtml(url)}" style="background:#4f46e5;color:#fff;padding:10px 16px;border-radius:6px;text-decoration:none;display:inline-block">Open in Pairboard</a></p>
${calendarNote ? `<p style="font-size:13px;color:#59636e;margin:0 0 20px">${escapeHtml(calendarNote)}</p>` : ''}
<p style="font-size:12px;color:#59636e;margin:0">Pairboard — practice for system design interviews</p>
</body></html>`;
  return { subject: title, text, html };
}

/** The sign-up email with the verification link (not a notification kind: it goes to an address, not a user's centre). */
export function renderVerificationEmail(facts: { name: string; link: string; expiresAt: Date; timeZone?: string | null }): EmailContent {
  const until = formatWhen(facts.expiresAt, facts.timeZone);
  const subject = 'Verify your email address for Pairboard';
  const lines = [`Hi ${facts.name},`, '', 'Open this link to confirm that this address is yours:', facts.link, '', `The link works once, until ${until}.`, 'Interview invitations sent to this address reach your account once it is verified.', "If you did not sign up for Pairboard, ignore this email.", '', '— Pairboard, practice for system design interviews'];
  const html = `<!doctype html><html><body style="font-family:system-ui,-apple-system,Segoe UI,sans-serif;color:#1f2328;max-width:560px;margin:0 auto;padding:24px">
<h1 style="font-size:18px;margin:0 0 12px">${escapeHtml(subject)}</h1>
<p style="font-size:15px;line-height:1.5;margin:0 0 20px">Hi ${escapeHtml(facts.name)}, confirm that this address is yours. The link works once, until ${escapeHtml(until)}.</p>
<p style="margin:0 0 20px"><a href="${escapeHtml(facts.link)}" style="background:#4f46e5;color:#fff;padding:10px 16px;border-radius:6px;text-decoration:none;display:inline-block">Verify my email</a></p>
<p style="font-size:13px;color:#59636e;margin:0 0 20px">If you did not sign up for Pairboard, ignore this email.</p>
</body></html>`;
  return { subject, text: lines.join('\n'), html };
}
