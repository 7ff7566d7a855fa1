import { fireEvent, screen } from '@testing-library/react';
import { fakeAccessToken, fakeServer, testUser } from '../../test-support/fake-server';
import { renderApp } from '../../test-support/render-app';

const signedOut = () => ({ status: 401, body: { error: { code: 'REFRESH_TOKEN_INVALID', message: 'Ended' } } });
const unverified = { ...testUser, emailVerified: false };
const verified = { ...testUser, emailVerified: true };

describe('Verify-email page', () => {
  it('says it is checking the link while the server answers', async () => {
    const server = fakeServer({ 'POST /api/auth/refresh': signedOut, 'POST /api/auth/verify-email': () => new Promise(() => undefined) });
    const view = renderApp('/verify-email?token=abc123', server.fetch);

    expect(await screen.findByText('Checking your link…')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Verify your email' })).toBeInTheDocument();
    view.stop();
  });

  it('sends the token from the link once and says the address is verified', async () => {
    const server = fakeServer({ 'POST /api/auth/refresh': signedOut, 'POST /api/auth/verify-email': () => ({ status: 200, body: verified }) });
    const view = renderApp('/verify-email?token=abc123', server.fetch);

    expect(await screen.findByText('Your email address is verified.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Continue' })).toHaveAttribute('href', '/');
    expect(server.requests.filter((request) => request.path === '/api/auth/verify-email').map((request) => request.body)).toEqual([{ token: 'abc123' }]);
    view.stop();
  });

  it("shows the server's reason when the link does not work, and where to get a new one", async () => {
    const message = 'This verification link has expired. Sign in and ask for a new one.';
    const server = fakeServer({
      'POST /api/auth/refresh': signedOut,
      'POST /api/auth/verify-email': () => ({ status: 400, body: { error: { code: 'VALIDATION_FAILED', message, details: [{ path: 'token', message }] } } }),
    });
    const view = renderApp('/verify-email?token=old', server.fetch);

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('This link did not work.');
    expect(alert).toHaveTextContent(message);
    expect(screen.getByRole('link', { name: 'Sign in to ask for a new link.' })).toHaveAttribute('href', '/signin');
    view.stop();
  });

  it('refuses a link without a token without asking the server', async () => {
    const server = fakeServer({ 'POST /api/auth/refresh': signedOut });
    const view = renderApp('/verify-email', server.fetch);

    expect(await screen.findByRole('alert')).toHaveTextContent('This link has no token.');
    expect(server.count('POST /api/auth/verify-email')).toBe(0);
    view.stop();
  });

  it('signed in, the verified account loses the banner on the way on', async () => {
    const server = fakeServer({
      'POST /api/auth/refresh': () => ({ status: 200, body: { accessToken: fakeAccessToken() } }),
      'GET /api/auth/me': () => ({ status: 200, body: unverified }),
      'POST /api/auth/verify-email': () => ({ status: 200, body: verified }),
      'GET /api/interviews': () => ({ status: 200, body: { items: [] } }),
      'GET /api/invitations': () => ({ status: 200, body: { items: [] } }),
    });
    const view = renderApp('/verify-email?token=abc123', server.fetch);

    fireEvent.click(await screen.findByRole('link', { name: 'Continue' }));

    expect(await screen.findByRole('heading', { name: 'No interviews yet' })).toBeInTheDocument();
    expect(screen.queryByTestId('verify-email-banner')).not.toBeInTheDocument();
    view.stop();
  });
});
