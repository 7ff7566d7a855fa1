import { fireEvent, screen, waitFor } from '@testing-library/react';
import { fakeAccessToken, fakeServer, testUser } from '../../test-support/fake-server';
import { interviewFixture } from '../../test-support/interviews';
import { renderApp } from '../../test-support/render-app';

// Excalidraw ships as ES modules that jsdom tests cannot load; the board itself is covered end to end.
jest.mock('@excalidraw/excalidraw', () => ({ Excalidraw: () => null, exportToBlob: jest.fn(), exportToSvg: jest.fn(), serializeAsJSON: jest.fn() }));

const signedIn = {
  'POST /api/auth/refresh': () => ({ status: 200, body: { accessToken: fakeAccessToken() } }),
  'GET /api/auth/me': () => ({ status: 200, body: testUser }),
};

describe('Review page', () => {
  function serverFor(status: 'live' | 'ended') {
    const interview = interviewFixture({ title: 'Design a chat service', status, myRole: 'observer' });
    const base = `/api/interviews/${interview.id}`;
    // A recording with nothing on the board yet.
    const server = fakeServer({
      ...signedIn,
      [`GET ${base}`]: () => ({ status: 200, body: interview }),
      [`GET ${base}/timeline`]: () => ({ status: 200, body: { startedAt: null, endedAt: null, durationMs: 0, phases: [], events: [] } }),
      [`GET ${base}/board/updates?after=0`]: () => ({ status: 200, body: { sessionStartedAt: null, updates: [], nextAfter: null } }),
    });
    return { interview, base, server };
  }

  it('says a live session is still recording and loads the replay afresh on request', async () => {
    const { interview, base, server } = serverFor('live');
    const view = renderApp(`/interviews/${interview.id}/review`, server.fetch);
    expect(await screen.findByText('This session is still going.')).toBeInTheDocument();
    // The log is fetched once and kept (it never changes for an ended session)…
    const log = `GET ${base}/board/updates?after=0`;
    await waitFor(() => expect(server.count(log)).toBe(1));
    await waitFor(() => expect(server.count(`GET ${base}/timeline`)).toBe(1));

    // …so showing the latest must fetch it again, with the timeline.
    fireEvent.click(screen.getByRole('button', { name: 'Show the latest' }));
    await waitFor(() => expect(server.count(log)).toBe(2));
    await waitFor(() => expect(server.count(`GET ${base}/timeline`)).toBe(2));
    view.stop();
  });

  it('shows no such notice once the session has ended', async () => {
    const { interview, server } = serverFor('ended');
    const view = renderApp(`/interviews/${interview.id}/review`, server.fetch);
    expect(await screen.findByRole('heading', { name: 'Design a chat service', level: 1 })).toBeInTheDocument();
    expect(screen.queryByText('This session is still going.')).not.toBeInTheDocument();
    view.stop();
  });
});
