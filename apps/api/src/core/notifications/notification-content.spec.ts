import { calendarInvite, calendarUid } from './calendar';
import { formatWhen, renderEmail, renderNotification } from './notification-content';

const start = new Date(Date.UTC(2026, 10, 26, 18, 30));
const event = {
  interviewId: '6f1c7c1e-6c55-4bd4-9a0e-8f0d2f9b8d11',
  title: 'Rate limiter',
  startsAt: start,
  lengthMinutes: 45,
  sequence: 3,
  url: 'https://pairboard.example/interviews/6f1c7c1e-6c55-4bd4-9a0e-8f0d2f9b8d11',
  organizer: { name: 'Ivan', email: 'ivan@example.test' },
  attendees: [
    { name: 'Ivan', email: 'ivan@example.test' },
    { name: null, email: 'cara@example.test' },
  ],
  domain: 'pairboard.example',
};

describe('calendar files', () => {
  it('requests the event with a stable UID, the sequence and the length', () => {
    const ics = calendarInvite(event, 'request').replace(/\r\n[ \t]/g, '');
    expect(ics).toContain('METHOD:REQUEST');
    expect(ics).toContain(`UID:${calendarUid(event.interviewId, 'pairboard.example')}`);
    expect(ics).toContain('SEQUENCE:3');
    expect(ics).toContain('DTSTART:20261126T183000Z');
    expect(ics).toContain('DTEND:20261126T191500Z');
    expect(ics).toContain('STATUS:CONFIRMED');
    expect(ics).toMatch(/ATTENDEE;[^\n]*RSVP=TRUE[^\n]*:MAILTO:cara@example\.test/);
  });

  it('cancels the same event', () => {
    const ics = calendarInvite({ ...event, sequence: 4 }, 'cancel');
    expect(ics).toContain('METHOD:CANCEL');
    expect(ics).toContain('STATUS:CANCELLED');
    expect(ics).toContain('SEQUENCE:4');
    expect(ics).toContain(`UID:interview-${event.interviewId}@pairboard.example`);
  });
});

describe('notification and email texts', () => {
  it('says who, what and when, with a link into the app', () => {
    const facts = { interviewId: 'abc', interviewTitle: 'Rate limiter', scheduledAt: start, otherName: 'Ivan' };
    expect(formatWhen(start)).toBe('Thu, 26 Nov 2026, 18:30 UTC');
    expect(renderNotification('invitation.received', facts)).toEqual({
      title: 'Ivan invited you to practise',
      body: '"Rate limiter" on Thu, 26 Nov 2026, 18:30 UTC. Accept, decline or suggest another time.',
      link: '/interviews/abc',
    });
    expect(renderNotification('room.open', facts).link).toBe('/interviews/abc/room');
    expect(renderNotification('reminder.soon', facts, { now: start.getTime() - 15 * 60_000 }).title).toBe('"Rate limiter" starts in 15 min');
    expect(renderNotification('feedback.requested', { ...facts, feedbackPath: '/interviews/abc/feedback' }).link).toBe('/interviews/abc/feedback');
  });

  it("gives times in the reader's zone and names it", () => {
    const facts = { interviewId: 'abc', interviewTitle: 'Rate limiter', scheduledAt: start, otherName: 'Ivan' };
    expect(formatWhen(start, 'Europe/Berlin')).toBe('Thu, 26 Nov 2026, 19:30 Europe/Berlin');
    expect(formatWhen(start, 'America/New_York')).toBe('Thu, 26 Nov 2026, 13:30 America/New York');
    expect(formatWhen(start, 'Not/AZone')).toBe('Thu, 26 Nov 2026, 18:30 UTC');
    expect(renderNotification('pairing.matched', facts, { timeZone: 'Asia/Kolkata' }).body).toBe('One session is booked for Fri, 27 Nov 2026, 00:00 Asia/Kolkata.');
    expect(renderEmail('invitation.received', facts, 'https://pairboard.example', { timeZone: 'Europe/Berlin' }).text).toContain('on Thu, 26 Nov 2026, 19:30 Europe/Berlin.');
  });

  it('escapes what people typed in the HTML body and links absolutely', () => {
    const email = renderEmail('interview.cancelled', { interviewId: 'abc', interviewTitle: '<b>x</b>', scheduledAt: start, otherName: 'Eve', reason: '"a" & <script>' }, 'https://pairboard.example');
    expect(email.html).not.toContain('<script>');
    expect(email.html).toContain('&lt;b&gt;x&lt;/b&gt;');
    expect(email.html).toContain('href="https://pairboard.example/interviews/abc"');
    expect(email.text).toContain('"a" & <script>');
    expect(email.text).toContain('removes the event from your calendar');
  });
});
