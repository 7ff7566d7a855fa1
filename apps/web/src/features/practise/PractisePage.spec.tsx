import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { fakeAccessToken, fakeServer, testUser } from '../../test-support/fake-server';
import { interviewFixture } from '../../test-support/interviews';
import { renderApp } from '../../test-support/render-app';

const signedIn = {
  'POST /api/auth/refresh': () => ({ status: 200, body: { accessToken: fakeAccessToken() } }),
  'GET /api/auth/me': () => ({ status: 200, body: testUser }),
};
const MINUTE = 60_000;
const inMinutes = (minutes: number) => new Date(Date.now() + minutes * MINUTE).toISOString();

/** Tomorrow at `hour`:00 in the test's zone: always in the future and in this week or the next. */
function tomorrowAt(hour: number): Date {
  const now = new Date();
  return new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1, hour);
}

function cellAt(start: Date): HTMLElement {
  const cell = document.querySelector<HTMLElement>(`[data-start="${start.toISOString()}"]`);
  if (cell) return cell;
  fireEvent.click(screen.getByRole('button', { name: 'Next week' }));
  return document.querySelector<HTMLElement>(`[data-start="${start.toISOString()}"]`) as HTMLElement;
}

describe('Practise page', () => {
  it('files a request from cells chosen with the keyboard and lists it', async () => {
    const filed = {
      id: 'r1',
      status: 'open',
      slots: [{ start: tomorrowAt(10).toISOString(), end: tomorrowAt(11).toISOString() }],
      timezone: 'UTC',
      level: 'senior',
      topics: ['caching'],
      role: 'either',
      lengthMinutes: 90,
      createdAt: inMinutes(0),
      updatedAt: inMinutes(0),
    };
    const server = fakeServer({
      ...signedIn,
      'GET /api/interviews': () => ({ status: 200, body: { items: [] } }),
      'GET /api/pairing/requests': [() => ({ status: 200, body: { items: [] } }), () => ({ status: 200, body: { items: [filed] } })],
      'POST /api/pairing/requests': () => ({ status: 201, body: { id: 'r1', status: 'open' } }),
    });
    const view = renderApp('/practise', server.fetch);
    expect(await screen.findByRole('heading', { name: 'No requests yet' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Nothing booked' })).toBeInTheDocument();

    for (const start of [tomorrowAt(10), new Date(tomorrowAt(10).getTime() + 30 * MINUTE)]) {
      const cell = cellAt(start);
      fireEvent.keyDown(cell, { key: 'Enter' });
      expect(cell).toHaveAttribute('aria-pressed', 'true');
    }
    expect(screen.getByText('1 slot, 1 h in all.')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Find a partner' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Pick at least one topic');

    fireEvent.click(screen.getByRole('button', { name: 'Caching' }));
    fireEvent.change(screen.getByLabelText('Level'), { target: { value: 'senior' } });
    fireEvent.click(screen.getByRole('button', { name: 'Find a partner' }));
    expect(await screen.findByText(/Request filed/)).toBeInTheDocument();
    const sent = server.requests.find((request) => request.method === 'POST' && request.path === '/api/pairing/requests');
    expect(sent?.body).toEqual({
      slots: [{ start: tomorrowAt(10).toISOString(), end: tomorrowAt(11).toISOString() }],
      timezone: expect.any(String),
      level: 'senior',
      topics: ['caching'],
      role: 'either',
      lengthMinutes: 90,
    });
    const requests = screen.getByRole('region', { name: 'My requests' });
    await waitFor(() => expect(within(requests).getByTestId('request-row')).toHaveTextContent('Looking for a partner'));
    view.stop();
  });

  it('lights the join button five minutes before a session, and shows a failed list with a retry', async () => {
    const soon = interviewFixture({ title: 'Soon', scheduledAt: inMinutes(4) });
    const later = interviewFixture({ title: 'Later', scheduledAt: inMinutes(30) });
    const server = fakeServer({
      ...signedIn,
      'GET /api/interviews': () => ({ status: 200, body: { items: [later, soon] } }),
      'GET /api/pairing/requests': [
        () => ({ status: 429, body: { error: { code: 'TOO_MANY_REQUESTS', message: 'Slow down for a moment.' } } }),
        () => ({ status: 200, body: { items: [] } }),
      ],
    });
    const view = renderApp('/practise', server.fetch);
    const sessions = await screen.findByRole('list', { name: 'Upcoming sessions' });
    const [first, second] = within(sessions).getAllByTestId('session-row');
    expect(first).toHaveTextContent('Soon');
    expect(within(first).getByRole('link', { name: 'Join' })).toHaveAttribute('href', `/interviews/${soon.id}/room`);
    expect(within(second).getByRole('button', { name: 'Join' })).toBeDisabled();

    const requests = screen.getByRole('region', { name: 'My requests' });
    expect(await within(requests).findByText('Slow down for a moment.')).toBeInTheDocument();
    fireEvent.click(within(requests).getByRole('button', { name: 'Try again' }));
    expect(await within(requests).findByRole('heading', { name: 'No requests yet' })).toBeInTheDocument();
    view.stop();
  });
});
