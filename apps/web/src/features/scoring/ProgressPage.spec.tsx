import { screen } from '@testing-library/react';
import { fakeAccessToken, fakeServer } from '../../test-support/fake-server';
import { renderApp } from '../../test-support/render-app';

const signedIn = {
  'POST /api/auth/refresh': () => ({ status: 200, body: { accessToken: fakeAccessToken() } }),
  'GET /api/auth/me': () => ({ status: 200, body: { id: 'u1', email: 'ada@example.com', name: 'Ada Lovelace', createdAt: '2025-01-01T00:00:00.000Z' } }),
};

const dimensions = [
  { key: 'requirements', name: 'Requirements', average: null, latest: null, trend: null },
  { key: 'design', name: 'Design', average: null, latest: null, trend: null },
];

describe('Progress page', () => {
  it('invites a newcomer to start practising', async () => {
    const server = fakeServer({
      ...signedIn,
      'GET /api/me/progress': () => ({ status: 200, body: { sessionsDone: 0, dimensions, scorecards: [], phases: [] } }),
    });
    const view = renderApp('/progress', server.fetch);
    expect(await screen.findByRole('heading', { name: 'Nothing to chart yet' }, { timeout: 5000 })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Start practising' })).toHaveAttribute('href', '/interviews/new');
    expect(screen.getByRole('link', { name: 'Progress' })).toHaveAttribute('aria-current', 'page');
    view.stop();
  });

  it('summarises averages with their trend in words, not only arrows', async () => {
    const server = fakeServer({
      ...signedIn,
      'GET /api/me/progress': () => ({
        status: 200,
        body: {
          sessionsDone: 2,
          dimensions: [
            { key: 'requirements', name: 'Requirements', average: 2.5, latest: 3, trend: 'up' },
            { key: 'design', name: 'Design', average: 3, latest: 3, trend: 'flat' },
          ],
          scorecards: [
            { interviewId: 'a', title: 'One', at: '2025-01-01T10:00:00.000Z', scores: { requirements: 2, design: 3 }, recommendation: 'no' },
            { interviewId: 'b', title: 'Two', at: '2025-01-08T10:00:00.000Z', scores: { requirements: 3, design: 3 }, recommendation: 'yes' },
          ],
          phases: [{ key: 'requirements', name: 'Requirements', plannedMinutes: 5, actualMinutes: 7.5, sessions: 2 }],
        },
      }),
    });
    const view = renderApp('/progress', server.fetch);
    const summary = await screen.findByRole('region', { name: 'Summary' }, { timeout: 5000 });
    expect(summary).toHaveTextContent('2sessions done');
    expect(summary).toHaveTextContent('2.5↑ improvingRequirements');
    expect(summary).toHaveTextContent('3.0→ steadyDesign');
    expect(screen.getByRole('figure', { name: 'Requirements scores over time' })).toBeInTheDocument();
    expect(screen.getByRole('figure', { name: 'Minutes per phase, planned and actual' })).toBeInTheDocument();
    view.stop();
  });

  it('says when progress cannot be loaded', async () => {
    const server = fakeServer({
      ...signedIn,
      'GET /api/me/progress': () => ({ status: 503, body: { error: { code: 'SERVICE_UNAVAILABLE', message: 'Down.' } } }),
    });
    const view = renderApp('/progress', server.fetch);
    expect(await screen.findByText('Your progress could not be loaded.', undefined, { timeout: 8000 })).toBeInTheDocument();
    view.stop();
  });
});
