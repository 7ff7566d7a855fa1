import { sessionLengthMinutes, UNSCRIPTED_SESSION_MINUTES } from './session-length';

describe('sessionLengthMinutes', () => {
  it('adds up every phase of the script, optional ones included', () => {
    expect(sessionLengthMinutes([{ minutes: 5 }, { minutes: 30, optional: true }, { minutes: 10 }])).toBe(45);
    expect(sessionLengthMinutes([{ minutes: 20 }, { minutes: 40 }])).toBe(60);
  });

  it('plans a session without a script, or whose script gives no length, at the default length', () => {
    expect(UNSCRIPTED_SESSION_MINUTES).toBe(45);
    for (const phases of [null, undefined, [], [{ minutes: 0 }], [{ name: 'Intro' }], 'not a list']) {
      expect(sessionLengthMinutes(phases)).toBe(UNSCRIPTED_SESSION_MINUTES);
    }
  });

  it('skips phases whose minutes are not a number', () => {
    expect(sessionLengthMinutes([{ minutes: 15 }, { minutes: '30' }, null, { minutes: 20 }])).toBe(35);
  });
});
