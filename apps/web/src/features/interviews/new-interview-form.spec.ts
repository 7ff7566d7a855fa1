import { ApiError } from '../../api';
import { serverErrorsForNewInterview, validateNewInterview, type NewInterviewValues } from './new-interview-form';

const now = new Date(2030, 5, 1, 8, 0).getTime();
const values = (fields: Partial<NewInterviewValues> = {}): NewInterviewValues => ({
  title: '',
  date: '',
  time: '',
  myRole: 'interviewer',
  invites: [{ key: 0, email: '', role: 'candidate' }],
  questionId: '',
  scriptId: '',
  ...fields,
});

describe('validateNewInterview', () => {
  it('sends the chosen question and script, and leaves them out when none is chosen', () => {
    const chosen = validateNewInterview(values({ questionId: 'q-1', scriptId: 's-1' }), 'me@example.com', now);
    expect(chosen.ok && chosen.request).toMatchObject({ questionId: 'q-1', scriptId: 's-1' });
    const none = validateNewInterview(values(), 'me@example.com', now);
    expect(none.ok && none.request).not.toHaveProperty('questionId');
    expect(none.ok && none.request).not.toHaveProperty('scriptId');
  });

  it('builds the request: blank rows skipped, emails normalised, local time with offset', () => {
    const result = validateNewInterview(
      values({
        title: '  URL shortener ',
        date: '2030-06-02',
        time: '18:00',
        myRole: 'candidate',
        invites: [
          { key: 0, email: ' Grace@Example.com ', role: 'interviewer' },
          { key: 1, email: '', role: 'candidate' },
          { key: 2, email: 'watcher@example.com', role: 'observer' },
        ],
      }),
      'ada@example.com',
      now,
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.request).toEqual({
      title: 'URL shortener',
      scheduledAt: expect.stringMatching(/^2030-06-02T18:00:00[+-]\d{2}:\d{2}$/),
      myRole: 'candidate',
      invite: [
        { email: 'grace@example.com', role: 'interviewer' },
        { email: 'watcher@example.com', role: 'observer' },
      ],
    });
    expect(result.sentRows.map((row) => row.key)).toEqual([0, 2]);
  });

  it('leaves the title and time out when they are empty', () => {
    const result = validateNewInterview(values(), 'ada@example.com', now);
    expect(result).toMatchObject({ ok: true, request: { myRole: 'interviewer', invite: [] } });
    if (result.ok) expect(result.request.title).toBeUndefined();
  });

  it('puts each problem under its field', () => {
    const result = validateNewInterview(
      values({
        date: '2030-06-02',
        invites: [
          { key: 4, email: 'not an email', role: 'candidate' },
          { key: 5, email: 'ADA@example.com', role: 'candidate' },
          { key: 6, email: 'grace@example.com', role: 'candidate' },
          { key: 7, email: 'grace@example.com', role: 'observer' },
        ],
      }),
      'ada@example.com',
      now,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.time).toBe('Add a start time, or clear the date');
    expect(result.errors.inviteEmail).toEqual({
      4: 'Enter a valid email address',
      5: 'That is you: you join with the role chosen above',
      7: 'This person is already invited above',
    });
  });

  it('refuses a start in the past', () => {
    const result = validateNewInterview(values({ date: '2030-05-31', time: '10:00' }), 'ada@example.com', now);
    expect(result).toMatchObject({ ok: false, errors: { date: 'Pick a time in the future' } });
  });
});

describe('serverErrorsForNewInterview', () => {
  const rows = [
    { key: 3, email: 'a@example.com', role: 'candidate' as const },
    { key: 9, email: 'b@example.com', role: 'observer' as const },
  ];

  it('maps field issues back to the rows that were sent', () => {
    const error = new ApiError(400, 'VALIDATION_FAILED', 'Some fields are missing or invalid.', [
      { path: 'invite.1.email', message: 'Not allowed' },
      { path: 'title', message: 'Too long' },
    ]);
    const errors = serverErrorsForNewInterview(error, rows);
    expect(errors.inviteEmail).toEqual({ 9: 'Not allowed' });
    expect(errors.title).toBe('Too long');
    expect(errors.form).toBeUndefined();
  });

  it('puts other errors in the banner', () => {
    expect(serverErrorsForNewInterview(new ApiError(0, 'NETWORK_ERROR', 'Pairboard could not be reached.'), rows).form).toBe(
      'Pairboard could not be reached.',
    );
  });
});
