import { screen, within } from '@testing-library/react';
import { fakeAccessToken, fakeServer, testUser } from '../../test-support/fake-server';
import { renderApp } from '../../test-support/render-app';

const signedIn = {
  'POST /api/auth/refresh': () => ({ status: 200, body: { accessToken: fakeAccessToken() } }),
  'GET /api/auth/me': () => ({ status: 200, body: testUser }),
  'GET /api/interviews': () => ({ status: 200, body: { items: [] } }),
  'GET /api/pairing/requests': () => ({ status: 200, body: { items: [] } }),
  'GET /api/invitations': () => ({ status: 200, body: { items: [] } }),
};

describe('show-up record on the Practise page', () => {
  it('shows what the matchmaker holds: figures, a reliability meter and each miss with its reason', async () => {
    const server = fakeServer({
      ...signedIn,
      'GET /api/pairing/record': () => ({
        status: 200,
        body: {
          windowDays: 180,
          attended: 3,
          missed: 2,
          reliability: 5 / 7,
          misses: [
            { interviewId: 'i1', title: 'Design a chat app', scheduledAt: '2026-11-20T10:00:00.000Z', kind: 'no_show' },
            { interviewId: 'i2', title: 'Design a news feed', scheduledAt: '2026-11-18T10:00:00.000Z', kind: 'late_cancellation' },
          ],
        },
      }),
    });
    renderApp('/practise', server.fetch);
    const misses = await screen.findByRole('list', { name: 'Missed sessions' });
    expect(within(misses).getAllByRole('listitem')).toHaveLength(2);
    expect(within(misses).getByRole('link', { name: 'Design a chat app' })).toHaveAttribute('href', '/interviews/i1');
    expect(within(misses).getByText('Did not join')).toBeInTheDocument();
    expect(within(misses).getByText('Cancelled late')).toBeInTheDocument();
    expect(screen.getByRole('meter', { name: 'Reliability' })).toHaveAttribute('aria-valuenow', '71');
    expect(screen.getByText(/missed in the last 180 days/)).toBeInTheDocument();
  });

  it('says so when nothing was missed', async () => {
    const server = fakeServer({
      ...signedIn,
      'GET /api/pairing/record': [
        () => ({ status: 200, body: { windowDays: 180, attended: 0, missed: 0, reliability: 1, misses: [] } }),
      ],
    });
    renderApp('/practise', server.fetch);
    expect(await screen.findByText('No missed sessions.')).toBeInTheDocument();
    expect(screen.getByText('Reliability 100%')).toBeInTheDocument();
  });

  it('offers a retry when the record cannot be loaded', async () => {
    const server = fakeServer({
      ...signedIn,
      // Not retried by the client, so the error shows at once.
      'GET /api/pairing/record': () => ({ status: 403 }),
    });
    renderApp('/practise', server.fetch);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Your show-up record could not be loaded.');
    expect(within(alert).getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });
});
