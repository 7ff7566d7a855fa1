import type { Note, RubricResponse, Scorecard } from '@pairboard/contracts';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { fakeAccessToken, fakeServer, type RecordedRequest } from '../../test-support/fake-server';
import { interviewFixture, me, participant } from '../../test-support/interviews';
import { renderApp } from '../../test-support/render-app';

const signedIn = {
  'POST /api/auth/refresh': () => ({ status: 200, body: { accessToken: fakeAccessToken() } }),
  'GET /api/auth/me': () => ({ status: 200, body: { id: 'u1', email: 'ada@example.com', name: 'Ada Lovelace', createdAt: '2025-01-01T00:00:00.000Z' } }),
};

const anchors = (name: string) => ({ 1: `${name} one`, 2: `${name} two`, 3: `${name} three`, 4: `${name} four` });
const rubric: RubricResponse = {
  id: 'r1',
  name: 'Rubric',
  version: 1,
  dimensions: [
    { key: 'requirements', name: 'Requirements', description: 'Scoping', anchors: anchors('Req') },
    { key: 'design', name: 'Design', description: 'Architecture', anchors: anchors('Design') },
  ],
};

function scorecardOf(fields: Partial<Scorecard> = {}): Scorecard {
  return {
    interviewId: 'i',
    status: 'draft',
    scores: {},
    recommendation: null,
    feedback: '',
    evidence: {},
    submittedAt: null,
    updatedAt: null,
    candidateSeenAt: null,
    canReopen: false,
    candidate: { userId: 'u-grace', name: 'Grace Hopper' },
    ...fields,
  };
}

describe('Scorecard page', () => {
  afterEach(() => jest.useRealTimers());

  it('tells the candidate the scorecard is not shared yet and offers to rate the interviewer', async () => {
    const interview = interviewFixture({ myRole: 'candidate', participants: [{ ...me, role: 'candidate' }, participant({ email: 'ivy@example.com', role: 'interviewer' })] });
    const server = fakeServer({
      ...signedIn,
      [`GET /api/interviews/${interview.id}`]: () => ({ status: 200, body: interview }),
      'GET /api/rubrics/default': () => ({ status: 200, body: rubric }),
      'GET /api/scripts': () => ({ status: 200, body: { items: [] } }),
      [`GET /api/interviews/${interview.id}/scorecard`]: () => ({ status: 404, body: { error: { code: 'NOT_FOUND', message: 'Not found.' } } }),
    });
    const view = renderApp(`/interviews/${interview.id}/scorecard`, server.fetch);
    expect(await screen.findByRole('heading', { name: 'No scorecard yet' }, { timeout: 5000 })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Rate your interviewer meanwhile' })).toHaveAttribute('href', `/interviews/${interview.id}/feedback`);
    view.stop();
  });

  it('shows a retryable error when the scorecard cannot be loaded', async () => {
    const interview = interviewFixture();
    const server = fakeServer({
      ...signedIn,
      [`GET /api/interviews/${interview.id}`]: () => ({ status: 200, body: interview }),
      'GET /api/rubrics/default': () => ({ status: 200, body: rubric }),
      'GET /api/scripts': () => ({ status: 200, body: { items: [] } }),
      [`GET /api/interviews/${interview.id}/scorecard`]: () => ({ status: 500, body: { error: { code: 'INTERNAL', message: 'Something went wrong on our side.' } } }),
    });
    const view = renderApp(`/interviews/${interview.id}/scorecard`, server.fetch);
    expect(await screen.findByText('The scorecard could not be loaded.', undefined, { timeout: 5000 })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
    view.stop();
  });

  it('autosaves the interviewer’s choices and submits only after confirmation', async () => {
    const interview = interviewFixture();
    const saves: RecordedRequest[] = [];
    const server = fakeServer({
      ...signedIn,
      [`GET /api/interviews/${interview.id}`]: () => ({ status: 200, body: interview }),
      'GET /api/rubrics/default': () => ({ status: 200, body: rubric }),
      'GET /api/scripts': () => ({ status: 200, body: { items: [] } }),
      [`GET /api/interviews/${interview.id}/notes`]: () => ({ status: 200, body: { items: [] } }),
      [`GET /api/interviews/${interview.id}/scorecard`]: () => ({ status: 200, body: scorecardOf() }),
      [`PUT /api/interviews/${interview.id}/scorecard`]: (request) => {
        saves.push(request);
        const body = request.body as { scores: Record<string, number>; recommendation: Scorecard['recommendation'] };
        return { status: 200, body: scorecardOf({ scores: body.scores, recommendation: body.recommendation, updatedAt: new Date().toISOString() }) };
      },
      [`POST /api/interviews/${interview.id}/scorecard/submit`]: () => ({
        status: 200,
        body: scorecardOf({ status: 'submitted', scores: { requirements: 3, design: 4 }, recommendation: 'yes', submittedAt: '2025-01-02T00:00:00.000Z', canReopen: true }),
      }),
    });
    const view = renderApp(`/interviews/${interview.id}/scorecard`, server.fetch);
    await screen.findByRole('heading', { name: 'Scorecard', level: 1 });
    expect(screen.getByText('Req three')).toBeInTheDocument();
    const submit = screen.getByRole('button', { name: 'Submit…' });
    expect(submit).toBeDisabled();

    jest.useFakeTimers();
    fireEvent.click(within(screen.getByRole('radiogroup', { name: 'Requirements score' })).getByRole('radio', { name: /^3 – / }));
    fireEvent.click(within(screen.getByRole('radiogroup', { name: 'Design score' })).getByRole('radio', { name: /^2 – / }));
    fireEvent.click(within(screen.getByRole('radiogroup', { name: 'Design score' })).getByRole('radio', { name: /^4 – / }));
    expect(screen.getByText('Saving…')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('radio', { name: 'Yes' }));
    await act(() => jest.advanceTimersByTimeAsync(1000));
    jest.useRealTimers();
    expect(await screen.findByText('Saved')).toBeInTheDocument();
    // Quick changes are one save of the final draft.
    expect(saves.map((save) => save.body)).toEqual([{ scores: { requirements: 3, design: 4 }, recommendation: 'yes', feedback: '', evidence: {} }]);

    expect(submit).toBeEnabled();
    fireEvent.click(submit);
    const dialog = screen.getByRole('alertdialog', { name: 'Submit the scorecard?' });
    expect(server.count(`POST /api/interviews/${interview.id}/scorecard/submit`)).toBe(0);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Submit scorecard' }));
    expect(await screen.findByRole('button', { name: 'Reopen' })).toBeInTheDocument();
    expect(screen.getByText(/Until they open it, you can still reopen it/)).toBeInTheDocument();
    expect(server.count(`POST /api/interviews/${interview.id}/scorecard/submit`)).toBe(1);
    view.stop();
  });

  it('tells the interviewer that evidence is shared and previews the wording the candidate will read', async () => {
    const interview = interviewFixture();
    const note: Note = {
      id: '5f0c2a5e-4e6f-4d8e-9a51-1b2c3d4e5f60',
      authorId: 'u1',
      authorName: 'Ada Lovelace',
      text: 'Rambled; sounded nervous',
      sessionMs: 95_000,
      phaseIndex: null,
      createdAt: 0,
      updatedAt: 0,
    };
    const saves: RecordedRequest[] = [];
    const server = fakeServer({
      ...signedIn,
      [`GET /api/interviews/${interview.id}`]: () => ({ status: 200, body: interview }),
      'GET /api/rubrics/default': () => ({ status: 200, body: rubric }),
      'GET /api/scripts': () => ({ status: 200, body: { items: [] } }),
      [`GET /api/interviews/${interview.id}/notes`]: () => ({ status: 200, body: { items: [note] } }),
      [`GET /api/interviews/${interview.id}/scorecard`]: () => ({ status: 200, body: scorecardOf() }),
      [`PUT /api/interviews/${interview.id}/scorecard`]: (request) => {
        saves.push(request);
        return { status: 200, body: scorecardOf({ updatedAt: new Date().toISOString() }) };
      },
    });
    const view = renderApp(`/interviews/${interview.id}/scorecard`, server.fetch);
    await screen.findByRole('heading', { name: 'Scorecard', level: 1 });
    const requirements = screen.getByRole('region', { name: 'Requirements' });
    fireEvent.click(within(requirements).getByRole('button', { name: 'Add evidence' }));
    expect(within(requirements).getByText(/The candidate reads the evidence\. Your notes stay private unless you pick one here/)).toBeInTheDocument();
    const preview = within(requirements).getByRole('group', { name: 'What the candidate reads for Requirements' });
    expect(within(preview).getByText('Nothing yet.')).toBeInTheDocument();

    fireEvent.click(await within(requirements).findByRole('checkbox'));
    // Picked word for word at first, and the interviewer sees exactly that before anything is shared.
    const wording = within(requirements).getByRole('textbox', { name: /^Shared from your note at Before start · 01:35/ });
    expect(wording).toHaveValue('Rambled; sounded nervous');
    expect(within(preview).getByText('Rambled; sounded nervous')).toBeInTheDocument();

    fireEvent.change(wording, { target: { value: 'Took a while to settle into the problem.' } });
    expect(within(preview).getByText('Took a while to settle into the problem.')).toBeInTheDocument();
    expect(within(preview).queryByText('Rambled; sounded nervous')).toBeNull();

    await waitFor(() => expect(saves.length).toBeGreaterThan(0), { timeout: 5000 });
    await waitFor(() =>
      expect(saves.at(-1)?.body).toMatchObject({
        evidence: { requirements: { noteIds: [note.id], sharedText: { [note.id]: 'Took a while to settle into the problem.' }, text: '' } },
      }),
    );
    view.stop();
  });

  it('shows the candidate each picked note in the wording the interviewer shared, and nothing of a note shared as empty', async () => {
    const interview = interviewFixture({ myRole: 'candidate', participants: [{ ...me, role: 'candidate' }, participant({ email: 'ivy@example.com', role: 'interviewer' })] });
    const submitted = scorecardOf({
      status: 'submitted',
      scores: { requirements: 3, design: 3 },
      recommendation: 'yes',
      submittedAt: '2025-01-02T00:00:00.000Z',
      evidence: {
        requirements: {
          noteIds: ['n1', 'n2'],
          text: '',
          quotes: [
            { noteId: 'n1', text: 'Took a while to settle into the problem.', sessionMs: 95_000, phaseIndex: null },
            { noteId: 'n2', text: '', sessionMs: 120_000, phaseIndex: null },
          ],
        },
      },
    });
    const server = fakeServer({
      ...signedIn,
      [`GET /api/interviews/${interview.id}`]: () => ({ status: 200, body: interview }),
      'GET /api/rubrics/default': () => ({ status: 200, body: rubric }),
      'GET /api/scripts': () => ({ status: 200, body: { items: [] } }),
      [`GET /api/interviews/${interview.id}/scorecard`]: () => ({ status: 200, body: submitted }),
    });
    const view = renderApp(`/interviews/${interview.id}/scorecard`, server.fetch);
    await screen.findByRole('heading', { name: 'Your scorecard' });
    expect(screen.getByText('Took a while to settle into the problem.')).toBeInTheDocument();
    expect(screen.getAllByText(/^Before start · /)).toHaveLength(1);
    view.stop();
  });
});
