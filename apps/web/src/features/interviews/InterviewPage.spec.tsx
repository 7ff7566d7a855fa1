import { fireEvent, screen, within } from '@testing-library/react';
import { fakeAccessToken, fakeServer, testUser } from '../../test-support/fake-server';
import { interviewFixture, me, participant } from '../../test-support/interviews';
import { renderApp } from '../../test-support/render-app';

const signedIn = {
  'POST /api/auth/refresh': () => ({ status: 200, body: { accessToken: fakeAccessToken() } }),
  'GET /api/auth/me': () => ({ status: 200, body: testUser }),
};

describe('Interview page', () => {
  const interview = interviewFixture({
    title: 'Design a chat service',
    participants: [
      me,
      participant({ email: 'grace@example.com', name: 'Grace Hopper', role: 'candidate' }),
      participant({ email: 'new@example.com', userId: null, role: 'observer', status: 'invited' }),
    ],
  });

  it('shows the participants, the room link and copies it', async () => {
    const writeText = jest.fn().mockResolvedValue(undefined);
    Object.assign(navigator, { clipboard: { writeText } });
    const server = fakeServer({ ...signedIn, [`GET /api/interviews/${interview.id}`]: () => ({ status: 200, body: interview }) });
    const view = renderApp(`/interviews/${interview.id}`, server.fetch);

    expect(await screen.findByRole('heading', { name: 'Design a chat service', level: 1 })).toBeInTheDocument();
    const rows = screen.getAllByTestId('participant');
    expect(rows.map((row) => row.textContent)).toEqual([
      expect.stringContaining('Ada Lovelace (you)'),
      expect.stringContaining('Grace Hopper'),
      expect.stringContaining('new@example.com'),
    ]);
    expect(within(rows[1]).getByText('Candidate')).toBeInTheDocument();
    expect(within(rows[2]).getByText('Invited')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Join room' })).toHaveAttribute('href', `/interviews/${interview.id}/room`);

    const link = screen.getByLabelText('Room link');
    expect(link).toHaveValue(`${window.location.origin}/interviews/${interview.id}/room`);
    fireEvent.click(screen.getByRole('button', { name: 'Copy link' }));
    expect(await screen.findByRole('button', { name: 'Copied' })).toBeInTheDocument();
    expect(writeText).toHaveBeenCalledWith(`${window.location.origin}/interviews/${interview.id}/room`);
    view.stop();
  });

  it('adds a participant, and shows "already a participant" under the email', async () => {
    const grown = { ...interview, participants: [...interview.participants, participant({ email: 'lin@example.com', role: 'interviewer' })] };
    const server = fakeServer({
      ...signedIn,
      [`GET /api/interviews/${interview.id}`]: () => ({ status: 200, body: interview }),
      'GET /api/interviews': () => ({ status: 200, body: { items: [grown] } }),
      [`POST /api/interviews/${interview.id}/participants`]: [
        () => ({ status: 201, body: grown }),
        () => ({
          status: 409,
          body: { error: { code: 'CONFLICT', message: 'This person is already a participant.', details: [{ path: 'email', message: 'Already a participant' }] } },
        }),
      ],
    });
    const view = renderApp(`/interviews/${interview.id}`, server.fetch);
    const form = await screen.findByRole('form', { name: 'Add participant' });

    fireEvent.change(within(form).getByLabelText('Email'), { target: { value: 'lin@example.com' } });
    fireEvent.change(within(form).getByLabelText('Role'), { target: { value: 'interviewer' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Add' }));
    expect(await within(form).findByText('lin@example.com was added as interviewer.')).toBeInTheDocument();
    expect(screen.getAllByTestId('participant')).toHaveLength(4);
    expect(server.requests.find((request) => request.path.endsWith('/participants'))?.body).toEqual({ email: 'lin@example.com', role: 'interviewer' });

    fireEvent.change(within(form).getByLabelText('Email'), { target: { value: 'grace@example.com' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Add' }));
    expect(await within(form).findByText('This person is already a participant.')).toBeInTheDocument();
    expect(within(form).getByLabelText('Email')).toHaveAccessibleDescription('This person is already a participant.');
    view.stop();
  });

  it('shows the add form to interviewers only', async () => {
    const asCandidate = { ...interview, myRole: 'candidate' as const };
    const server = fakeServer({ ...signedIn, [`GET /api/interviews/${interview.id}`]: () => ({ status: 200, body: asCandidate }) });
    const view = renderApp(`/interviews/${interview.id}`, server.fetch);
    expect(await screen.findByRole('heading', { name: 'Design a chat service', level: 1 })).toBeInTheDocument();
    expect(screen.queryByRole('form', { name: 'Add participant' })).not.toBeInTheDocument();
    view.stop();
  });

  it('says so when the interview does not exist or is not yours', async () => {
    const server = fakeServer({
      ...signedIn,
      'GET /api/interviews/missing': () => ({ status: 404, body: { error: { code: 'NOT_FOUND', message: 'No such interview.' } } }),
    });
    const view = renderApp('/interviews/missing', server.fetch);
    expect(await screen.findByRole('heading', { name: 'Interview not found' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Back to your dashboard' })).toHaveAttribute('href', '/');
    view.stop();
  });
});
