import { participantColor, participantLabel, type NamedParticipant } from './participant-identity';

const person = (userId: string | null, name: string | null, role: NamedParticipant['role']): NamedParticipant => ({ userId, name, role });

describe('participantLabel', () => {
  it('shows a unique name as it is', () => {
    const people = [person('a', 'Ada', 'interviewer'), person('g', 'Grace', 'candidate')];
    expect(participantLabel('g', people)).toBe('Grace');
  });

  it('tells namesakes apart by role, then by order within a role, ignoring case and spacing', () => {
    const people = [person('a', 'Sam', 'interviewer'), person('b', ' sam ', 'candidate'), person('c', 'SAM', 'observer'), person('d', 'Sam', 'observer')];
    expect(participantLabel('a', people)).toBe('Sam (interviewer)');
    expect(participantLabel('b', people)).toBe('sam (candidate)');
    expect(participantLabel('c', people)).toBe('SAM (observer 1)');
    expect(participantLabel('d', people)).toBe('Sam (observer 2)');
  });

  it('ignores invited addresses without an account when looking for namesakes', () => {
    const people = [person('a', 'Sam', 'interviewer'), person(null, 'Sam', 'candidate')];
    expect(participantLabel('a', people)).toBe('Sam');
  });

  it('cleans a stored name of direction and control characters and never shows an empty one', () => {
    const people = [person('a', 'Ada\u202e\u0007 Lovelace', 'interviewer'), person('b', '\u200b\u200b', 'candidate')];
    expect(participantLabel('a', people)).toBe('Ada Lovelace');
    expect(participantLabel('b', people)).toBe('Participant');
  });

  it('is null for someone who is not a participant', () => {
    expect(participantLabel('x', [person('a', 'Ada', 'interviewer')])).toBeNull();
  });
});

describe('participantColor', () => {
  it('is stable per person and a light pastel', () => {
    expect(participantColor('u1')).toBe(participantColor('u1'));
    expect(participantColor('u1')).toMatch(/^hsl\(\d+, 100%, 83%\)$/);
  });
});
