import type { ParticipantRole, ShareLink } from '@pairboard/contracts';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { fakeAccessToken, fakeServer, testUser, type RecordedRequest } from '../../test-support/fake-server';
import { interviewFixture } from '../../test-support/interviews';
import { renderApp } from '../../test-support/render-app';

jest.mock('@excalidraw/excalidraw', () => ({ Excalidraw: () => null, exportToBlob: jest.fn(), exportToSvg: jest.fn(), serializeAsJSON: jest.fn() }));

const signedIn = {
  'POST /api/auth/refresh': () => ({ status: 200, body: { accessToken: fakeAccessToken() } }),
  'GET /api/auth/me': () => ({ status: 200, body: testUser }),
};

function link(fields: Partial<ShareLink> & { id: string }): ShareLink {
  return {
    interviewId: 'i1',
    includeNotes: false,
    expiresAt: '2030-01-01T10:00:00.000Z',
    revokedAt: null,
    createdAt: '2029-12-01T10:00:00.000Z',
    state: 'active',
    createdBy: { id: testUser.id, name: testUser.name },
    mine: true,
    canRevoke: true,
    ...fields,
  };
}

// The whole app starts (session, interview, replay) before the card shows: slow on a busy machine.
const LOADED = { timeout: 5_000 };

type Reply = { status: number; body?: unknown } | Promise<{ status: number; body?: unknown }>;

function renderReview(myRole: ParticipantRole, listReply: () => Reply) {
  const interview = interviewFixture({ title: 'Design a chat service', status: 'ended', myRole });
  const base = `/api/interviews/${interview.id}`;
  const server = fakeServer({
    ...signedIn,
    [`GET ${base}`]: () => ({ status: 200, body: interview }),
    [`GET ${base}/timeline`]: () => ({ status: 200, body: { startedAt: null, endedAt: null, durationMs: 0, phases: [], events: [] } }),
    [`GET ${base}/board/updates?after=0`]: () => ({ status: 200, body: { sessionStartedAt: null, updates: [], nextAfter: null } }),
    [`GET ${base}/share-links`]: listReply,
    [`POST ${base}/share-links`]: (request: RecordedRequest) => ({
      status: 201,
      body: { ...link({ id: 'new', includeNotes: (request.body as { includeNotes: boolean }).includeNotes }), token: 'x'.repeat(43), path: `/replay/${'x'.repeat(43)}` },
    }),
    [`DELETE ${base}/share-links/by-cara`]: () => ({ status: 204 }),
  });
  const view = renderApp(`/interviews/${interview.id}/review`, server.fetch);
  return { base, server, view };
}

describe('Share links card', () => {
  it('offers notes to an interviewer and lists every link with who made it, each revocable', async () => {
    const { base, server, view } = renderReview('interviewer', () => ({
      status: 200,
      body: {
        items: [
          link({ id: 'mine', includeNotes: true }),
          link({ id: 'by-cara', createdBy: { id: 'u-cara', name: 'Cara' }, mine: false, canRevoke: true }),
        ],
      },
    }));
    const list = await screen.findByRole('list', { name: 'Links to this replay' }, LOADED);
    const items = within(list).getAllByRole('listitem');
    expect(items.map((item) => item.textContent)).toEqual([expect.stringMatching(/with notes · by you/), expect.stringMatching(/by Cara/)]);
    expect(within(items[1]).getByRole('button', { name: 'Revoke…' })).toBeInTheDocument();

    fireEvent.click(within(items[1]).getByRole('button', { name: 'Revoke…' }));
    fireEvent.click(screen.getByRole('button', { name: 'Revoke now' }));
    await waitFor(() => expect(server.count(`DELETE ${base}/share-links/by-cara`)).toBe(1));

    fireEvent.click(screen.getByLabelText('Include interviewer notes'));
    fireEvent.click(screen.getByRole('button', { name: 'Create link' }));
    await waitFor(() => expect(server.requests.find((request) => request.method === 'POST' && request.path.endsWith('/share-links'))?.body).toEqual({ expiresInHours: 168, includeNotes: true }));
    view.stop();
  });

  it('offers a candidate no notes and no revoke button on an interviewer’s link', async () => {
    const { server, view } = renderReview('candidate', () => ({
      status: 200,
      body: {
        items: [
          link({ id: 'by-ivan', includeNotes: true, createdBy: { id: 'u-ivan', name: 'Ivan' }, mine: false, canRevoke: false }),
          link({ id: 'mine', createdBy: { id: testUser.id, name: testUser.name } }),
        ],
      },
    }));
    const list = await screen.findByRole('list', { name: 'Links to this replay' }, LOADED);
    const [ivans, mine] = within(list).getAllByRole('listitem');
    expect(ivans).toHaveTextContent(/with notes · by Ivan/);
    expect(within(ivans).queryByRole('button')).not.toBeInTheDocument();
    expect(within(mine).getByRole('button', { name: 'Revoke…' })).toBeInTheDocument();
    expect(screen.queryByLabelText('Include interviewer notes')).not.toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: 'Create link' }));
    await waitFor(() => expect(server.requests.find((request) => request.method === 'POST' && request.path.endsWith('/share-links'))?.body).toEqual({ expiresInHours: 168, includeNotes: false }));
    view.stop();
  });

  it('says when the links are loading, when there are none, and when they could not be loaded', async () => {
    let answer: (reply: { status: number; body?: unknown }) => void = () => undefined;
    const pending = renderReview('candidate', () => new Promise((resolve) => (answer = resolve)));
    expect(await screen.findByText('Loading links…', {}, LOADED)).toBeInTheDocument();
    answer({ status: 200, body: { items: [] } });
    expect(await screen.findByText('This replay has not been shared yet.')).toBeInTheDocument();
    pending.view.stop();

    const failing = renderReview('interviewer', () => ({ status: 403, body: { ok: false, error: { code: 'FORBIDDEN', message: 'Not yours to see.' } } }));
    expect(await screen.findByText('The links could not be loaded.', {}, LOADED)).toBeInTheDocument();
    failing.view.stop();
  });
});
