import { fireEvent, screen, within } from '@testing-library/react';
import { fakeAccessToken, fakeServer, testUser } from '../../test-support/fake-server';
import { interviewFixture, me, participant } from '../../test-support/interviews';
import { renderApp } from '../../test-support/render-app';

const signedIn = {
  'POST /api/auth/refresh': () => ({ status: 200, body: { accessToken: fakeAccessToken() } }),
  'GET /api/auth/me': () => ({ status: 200, body: testUser }),
};
const inHours = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();

describe('Dashboard', () => {
  it('reaches Invitations from the main navigation, not only through “Invite someone”', async () => {
    const server = fakeServer({ ...signedIn, 'GET /api/interviews': () => ({ status: 200, body: { items: [] } }) });
    const view = renderApp('/', server.fetch);
    const nav = await screen.findByRole('navigation', { name: 'Main' });
    expect(within(nav).getByRole('link', { name: 'Invitations' })).toHaveAttribute('href', '/invitations');
    view.stop();
  });

  it('lists interviews by section with the next one first', async () => {
    const next = interviewFixture({
      title: 'Design a chat service',
      scheduledAt: inHours(2),
      participants: [me, participant({ email: 'new@example.com', userId: null, status: 'invited', role: 'candidate' })],
    });
    const later = interviewFixture({ title: 'Design a news feed', scheduledAt: inHours(50), myRole: 'candidate' });
    const past = interviewFixture({ title: 'Design a rate limiter', status: 'ended', scheduledAt: inHours(-48), endedAt: inHours(-47) });
    const server = fakeServer({ ...signedIn, 'GET /api/interviews': () => ({ status: 200, body: { items: [past, later, next] } }) });
    const view = renderApp('/', server.fetch);

    const nextUp = await screen.findByRole('region', { name: 'Next up' });
    expect(within(nextUp).getByRole('link', { name: 'Design a chat service' })).toHaveAttribute('href', `/interviews/${next.id}`);
    expect(within(nextUp).getByTestId('countdown')).toHaveTextContent(/^1 h 5\d min$/);
    expect(within(nextUp).getByRole('link', { name: 'Join room' })).toHaveAttribute('href', `/interviews/${next.id}/room`);
    expect(within(nextUp).getByText('invited')).toBeInTheDocument();

    const upcoming = screen.getByRole('region', { name: /^Upcoming/ });
    expect(within(upcoming).getAllByTestId('interview-row').map((row) => within(row).getAllByRole('link')[0].textContent)).toEqual([
      'Design a chat service',
      'Design a news feed',
    ]);
    const pastSection = screen.getByRole('region', { name: /^Past/ });
    expect(within(pastSection).getByText('Design a rate limiter')).toBeInTheDocument();
    expect(within(pastSection).getByText('Ended')).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: /^Live/ })).not.toBeInTheDocument();
    view.stop();
  });

  it('keeps the empty state when there are no interviews', async () => {
    const server = fakeServer({ ...signedIn, 'GET /api/interviews': () => ({ status: 200, body: { items: [] } }) });
    const view = renderApp('/', server.fetch);
    expect(await screen.findByRole('heading', { name: 'No interviews yet' })).toBeInTheDocument();
    expect(screen.getByText(/Find a practice partner/)).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Next up' })).not.toBeInTheDocument();
    view.stop();
  });

  it('shows a skeleton while loading, then an error with a retry', async () => {
    const server = fakeServer({
      ...signedIn,
      'GET /api/interviews': [
        () => ({ status: 403, body: { error: { code: 'FORBIDDEN', message: 'Not now.' } } }),
        () => ({ status: 200, body: { items: [interviewFixture({ title: 'Back again' })] } }),
      ],
    });
    const view = renderApp('/', server.fetch);
    expect(await screen.findByRole('status', { name: 'Loading your interviews' })).toBeInTheDocument();

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Your interviews could not be loaded.');
    fireEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('Back again')).toBeInTheDocument();
    view.stop();
  });
});
