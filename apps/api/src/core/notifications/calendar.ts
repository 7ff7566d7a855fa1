import ical, { ICalAttendeeRole, ICalAttendeeStatus, ICalCalendarMethod, ICalEventStatus } from 'ical-generator';

export interface CalendarEvent {
  interviewId: string;
  title: string;
  startsAt: Date;
  lengthMinutes: number;
  /** Bumped on every reschedule; calendars replace an event only for a higher SEQUENCE. */
  sequence: number;
  url: string;
  organizer: { name: string; email: string };
  attendees: { name: string | null; email: string }[];
  /** Host part of the UID; the UID must stay the same for the life of the interview. */
  domain: string;
}

/** The stable UID calendars use to match updates and cancellations to the event they stored. */
export function calendarUid(interviewId: string, domain: string): string {
  return `interview-${interviewId}@${domain}`;
}

/**
 * An iTIP message (RFC 5546): METHOD:REQUEST adds or updates the event, METHOD:CANCEL removes it.
 * Both carry the same UID and the interview's current sequence.
 */
export function calendarInvite(event: CalendarEvent, method: 'request' | 'cancel'): string {
  const calendar = ical({
    prodId: { company: 'Pairboard', product: 'Pairboard', language: 'EN' },
    method: method === 'request' ? ICalCalendarMethod.REQUEST : ICalCalendarMethod.CANCEL,
  });
  calendar.createEvent({
    id: calendarUid(event.interviewId, event.domain),
    sequence: event.sequence,
    start: event.startsAt,
    end: new Date(event.startsAt.getTime() + event.lengthMinutes * 60_000),
    stamp: new Date(),
    summary: event.title,
    description: `System design practice on Pairboard. Join the room: ${event.url}`,
    url: event.url,
    location: event.url,
    status: method === 'request' ? ICalEventStatus.CONFIRMED : ICalEventStatus.CANCELLED,
    organizer: event.organizer,
    attendees: event.attendees.map((attendee) => ({
      email: attendee.email,
      name: attendee.name ?? undefined,
      role: ICalAttendeeRole.REQ,
      status: ICalAttendeeStatus.NEEDSACTION,
      rsvp: method === 'request',
    })),
  });
  return calendar.toString();
}
