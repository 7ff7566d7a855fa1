import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { fakeAccessToken, fakeServer, testUser } from '../../test-support/fake-server';
import { interviewFixture, me, participant } from '../../test-support/interviews';
import { renderApp } from '../../test-support/render-app';

const signedIn = {
  'POST /api/auth/refresh': () => ({ status: 200, body: { accessToken: fakeAccessToken() } }),
  'GET /api/auth/me': () => ({ status: 200, body: { ...testUser, emailVerified: true } }),
  'GET /api/invitations': () => ({ status: 200, body: { items: [] } }),
};
const ada = participant({ email: 'ada@lovelace.test', name: 'Ada Lovelace', role: 'interviewer' });

/** Ada invited the test user as candidate; not answered yet. */
function invitedTo(title: string) {
  const invited = interviewFixture({
    title,
    myRole: 'candidate',
    myStatus: 'invited',
    participants: [ada, { ...me, role: 'candidate', status: 'invited' }],
  });
  const accepted = { ...invited, myStatus: 'active' as const, participants: [ada, { ...me, role: 'candidate' as const }] };
  return { invited, accepted };
}

describe('Interview invitations', () => {
  it('on the dashboard: accepting moves the interview to the list', async () => {
    const { invited, accepted } = invitedTo('Design a rate limiter');
    const server = fakeServer({
      ...signedIn,
      'GET /api/interviews': [() => ({ status: 200, body: { items: [invited] } }), () => ({ status: 200, body: { items: [accepted] } })],
      [`POST /api/interviews/${invited.id}/accept`]: () => ({ status: 200, body: accepted }),
    });
    const view = renderApp('/', server.fetch);

    const invitations = await screen.findByRole('region', { name: 'Interview invitations' });
    const row = within(invitations).getByTestId('interview-invitation');
    expect(row).toHaveTextContent('Design a rate limiter');
    expect(row).toHaveTextContent('Candidate');
    expect(row).toHaveTextContent('With Ada Lovelace');
    // Not answered: not among the interviews yet.
    expect(screen.getByRole('heading', { name: 'No interviews yet' })).toBeInTheDocument();

    fireEvent.click(within(row).getByRole('button', { name: 'Accept' }));

    expect(await screen.findByRole('region', { name: /^Upcoming/ })).toHaveTextContent('Design a rate limiter');
    expect(screen.queryByRole('region', { name: 'Interview invitations' })).not.toBeInTheDocument();
    expect(server.count(`POST /api/interviews/${invited.id}/accept`)).toBe(1);
    view.stop();
  });

  it('on the dashboard: declining removes the invitation', async () => {
    const { invited } = invitedTo('Design a rate limiter');
    const server = fakeServer({
      ...signedIn,
      'GET /api/interviews': [() => ({ status: 200, body: { items: [invited] } }), () => ({ status: 200, body: { items: [] } })],
      [`POST /api/interviews/${invited.id}/decline`]: () => ({ status: 204 }),
    });
    const view = renderApp('/', server.fetch);

    const invitations = await screen.findByRole('region', { name: 'Interview invitations' });
    fireEvent.click(within(invitations).getByRole('button', { name: 'Decline' }));

    await waitFor(() => expect(screen.queryByRole('region', { name: 'Interview invitations' })).not.toBeInTheDocument());
    expect(server.count(`POST /api/interviews/${invited.id}/decline`)).toBe(1);
    expect(screen.getByRole('heading', { name: 'No interviews yet' })).toBeInTheDocument();
    view.stop();
  });

  it('on the dashboard: a failed answer says why and keeps the invitation', async () => {
    const { invited } = invitedTo('Design a rate limiter');
    const server = fakeServer({
      ...signedIn,
      'GET /api/interviews': () => ({ status: 200, body: { items: [invited] } }),
      [`POST /api/interviews/${invited.id}/decline`]: () => ({
        status: 409,
        body: { error: { code: 'CONFLICT', message: 'You already accepted this interview; cancel it instead.' } },
      }),
    });
    const view = renderApp('/', server.fetch);

    const invitations = await screen.findByRole('region', { name: 'Interview invitations' });
    fireEvent.click(within(invitations).getByRole('button', { name: 'Decline' }));

    expect(await within(invitations).findByRole('alert')).toHaveTextContent('You already accepted this interview; cancel it instead.');
    expect(within(invitations).getByRole('button', { name: 'Accept' })).toBeEnabled();
    view.stop();
  });

  it('on the interview page: no room until accepted, then the room link appears', async () => {
    const { invited, accepted } = invitedTo('Design a rate limiter');
    const server = fakeServer({
      ...signedIn,
      [`GET /api/interviews/${invited.id}`]: [() => ({ status: 200, body: invited }), () => ({ status: 200, body: accepted })],
      'GET /api/interviews': () => ({ status: 200, body: { items: [accepted] } }),
      [`POST /api/interviews/${invited.id}/accept`]: () => ({ status: 200, body: accepted }),
    });
    const view = renderApp(`/interviews/${invited.id}`, server.fetch);

    const banner = (await screen.findByText('You are invited to this interview')).closest('[role="status"]') as HTMLElement;
    expect(screen.queryByRole('link', { name: 'Join room' })).not.toBeInTheDocument();
    expect(screen.queryByLabelText('Room link')).not.toBeInTheDocument();
    expect(screen.getByText('You have not answered the invitation yet')).toBeInTheDocument();

    fireEvent.click(within(banner).getByRole('button', { name: 'Accept' }));

    expect(await screen.findByRole('link', { name: 'Join room' })).toHaveAttribute('href', `/interviews/${invited.id}/room`);
    expect(screen.queryByText('You are invited to this interview')).not.toBeInTheDocument();
    view.stop();
  });

  it('on the interview page: declining leads back to the dashboard', async () => {
    const { invited } = invitedTo('Design a rate limiter');
    const server = fakeServer({
      ...signedIn,
      [`GET /api/interviews/${invited.id}`]: () => ({ status: 200, body: invited }),
      'GET /api/interviews': () => ({ status: 200, body: { items: [] } }),
      [`POST /api/interviews/${invited.id}/decline`]: () => ({ status: 204 }),
    });
    const view = renderApp(`/interviews/${invited.id}`, server.fetch);

    const banner = (await screen.findByText('You are invited to this interview')).closest('[role="status"]') as HTMLElement;
    fireEvent.click(within(banner).getByRole('button', { name: 'Decline' }));

    expect(await screen.findByRole('heading', { name: 'No interviews yet' })).toBeInTheDocument();
    expect(view.pathname()).toBe('/');
    view.stop();
  });
});
