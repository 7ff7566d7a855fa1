import { interviewFixture } from '../../test-support/interviews';
import { formatCountdown, formatWhen, groupInterviews, localDateTimeToIso, roomIsOpen } from './schedule';

const HOUR = 3_600_000;

describe('localDateTimeToIso', () => {
  it('writes the local wall-clock time with this zone’s offset', () => {
    const iso = localDateTimeToIso('2030-03-14', '09:30');
    expect(iso).toMatch(/^2030-03-14T09:30:00[+-]\d{2}:\d{2}$/);
    // The same instant as the browser reads the typed time.
    expect(Date.parse(iso as string)).toBe(new Date(2030, 2, 14, 9, 30).getTime());
  });

  it('refuses what is not a date and a time', () => {
    expect(localDateTimeToIso('', '09:30')).toBeNull();
    expect(localDateTimeToIso('2030-02-30', '09:30')).toBeNull();
    expect(localDateTimeToIso('2030-03-14', '25:00')).toBeNull();
    expect(localDateTimeToIso('14/03/2030', '09:30')).toBeNull();
  });
});

describe('groupInterviews', () => {
  const now = Date.parse('2030-06-01T12:00:00Z');
  const at = (hours: number) => new Date(now + hours * HOUR).toISOString();

  it('sorts upcoming by start, unscheduled last; past newest first; picks the next one', () => {
    const later = interviewFixture({ title: 'later', scheduledAt: at(48) });
    const soon = interviewFixture({ title: 'soon', scheduledAt: at(2) });
    const unscheduled = interviewFixture({ title: 'unscheduled' });
    const ended = interviewFixture({ title: 'ended', status: 'ended', scheduledAt: at(-30), endedAt: at(-29) });
    const missed = interviewFixture({ title: 'missed', scheduledAt: at(-13) });
    const recent = interviewFixture({ title: 'recent', scheduledAt: at(-1) });

    const grouped = groupInterviews([later, ended, unscheduled, soon, missed, recent], now);

    expect(grouped.upcoming.map((interview) => interview.title)).toEqual(['recent', 'soon', 'later', 'unscheduled']);
    expect(grouped.past.map((interview) => interview.title)).toEqual(['missed', 'ended']);
    expect(grouped.live).toEqual([]);
    expect(grouped.next?.title).toBe('recent');
  });

  it('puts a live interview first', () => {
    const live = interviewFixture({ title: 'live', status: 'live', startedAt: at(-0.5) });
    const soon = interviewFixture({ title: 'soon', scheduledAt: at(1) });
    const grouped = groupInterviews([soon, live], now);
    expect(grouped.live.map((interview) => interview.title)).toEqual(['live']);
    expect(grouped.next?.title).toBe('live');
  });

  it('has no next interview when nothing has a time', () => {
    expect(groupInterviews([interviewFixture()], now).next).toBeNull();
  });
});

describe('formatCountdown', () => {
  const now = 1_000_000_000_000;
  it('shows days, hours, then minutes and seconds', () => {
    expect(formatCountdown(now + 2 * 24 * HOUR + 3 * HOUR + 5_000, now)).toBe('2 d 3 h');
    expect(formatCountdown(now + 3 * HOUR + 5 * 60_000, now)).toBe('3 h 05 min');
    expect(formatCountdown(now + 9 * 60_000 + 41_000, now)).toBe('09:41');
    expect(formatCountdown(now + 400, now)).toBe('00:01');
    expect(formatCountdown(now, now)).toBeNull();
  });
});

describe('roomIsOpen', () => {
  const now = Date.parse('2030-06-01T12:00:00Z');
  it('opens five minutes before the start, and for live interviews', () => {
    expect(roomIsOpen(interviewFixture({ scheduledAt: new Date(now + 6 * 60_000).toISOString() }), now)).toBe(false);
    expect(roomIsOpen(interviewFixture({ scheduledAt: new Date(now + 4 * 60_000).toISOString() }), now)).toBe(true);
    expect(roomIsOpen(interviewFixture({ status: 'live' }), now)).toBe(true);
    expect(roomIsOpen(interviewFixture(), now)).toBe(false);
  });
});

describe('formatWhen', () => {
  it('names today and tomorrow', () => {
    const now = new Date(2030, 5, 1, 8, 0).getTime();
    expect(formatWhen(new Date(2030, 5, 1, 14, 30).toISOString(), now, 'en-GB')).toBe('Today, 14:30');
    expect(formatWhen(new Date(2030, 5, 2, 9, 0).toISOString(), now, 'en-GB')).toBe('Tomorrow, 09:00');
    expect(formatWhen(new Date(2030, 5, 10, 18, 0).toISOString(), now, 'en-GB')).toBe('Mon 10 Jun, 18:00');
    const nextYear = formatWhen(new Date(2031, 0, 3, 18, 0).toISOString(), now, 'en-GB');
    expect(nextYear).toMatch(/^Fri,? 3 Jan 2031, 18:00$/);
  });
});
