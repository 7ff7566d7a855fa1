import { summarizePresence } from './room-presence';

const PRESENTER = 'interview:1:presenter';

describe('summarizePresence', () => {
  it('groups sockets by person, keeps the best round trip, and orders by role', () => {
    const presence = summarizePresence(
      [
        { data: { userId: 'c', name: 'Cara', role: 'candidate', rttMs: 500 }, rooms: new Set() },
        { data: { userId: 'i', name: 'Ivan', role: 'interviewer', rttMs: null }, rooms: new Set() },
        { data: { userId: 'c', name: 'Cara', role: 'candidate', rttMs: 80 }, rooms: new Set([PRESENTER]) },
        { data: { userId: 'o', name: 'Olga', role: 'observer', rttMs: 200 }, rooms: new Set() },
        { data: { userId: 'x' }, rooms: new Set() },
      ],
      PRESENTER,
    );
    expect(presence).toEqual({
      presenterId: 'c',
      participants: [
        { userId: 'i', name: 'Ivan', role: 'interviewer', connections: 1, rttMs: null, quality: 'unknown', presenting: false },
        { userId: 'c', name: 'Cara', role: 'candidate', connections: 2, rttMs: 80, quality: 'good', presenting: true },
        { userId: 'o', name: 'Olga', role: 'observer', connections: 1, rttMs: 200, quality: 'fair', presenting: false },
      ],
    });
  });

  it('names one presenter when two claim it at once', () => {
    const presence = summarizePresence(
      [
        { data: { userId: 'b', name: 'B', role: 'candidate', rttMs: null }, rooms: new Set([PRESENTER]) },
        { data: { userId: 'a', name: 'A', role: 'interviewer', rttMs: null }, rooms: new Set([PRESENTER]) },
      ],
      PRESENTER,
    );
    expect(presence.presenterId).toBe('a');
    expect(presence.participants.filter((entry) => entry.presenting).map((entry) => entry.userId)).toEqual(['a']);
  });
});
