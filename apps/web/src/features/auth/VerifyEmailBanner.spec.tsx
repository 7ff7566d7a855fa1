import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { fakeAccessToken, fakeServer, testUser } from '../../test-support/fake-server';
import { renderApp } from '../../test-support/render-app';

type Routes = Parameters<typeof fakeServer>[0];

const signedInAs = (user: object): Routes => ({
  'POST /api/auth/refresh': () => ({ status: 200, body: { accessToken: fakeAccessToken() } }),
  'GET /api/auth/me': () => ({ status: 200, body: user }),
  'GET /api/interviews': () => ({ status: 200, body: { items: [] } }),
  'GET /api/invitations': () => ({ status: 200, body: { items: [] } }),
});
const unverified = { ...testUser, emailVerified: false };

async function banner() {
  return (await screen.findByTestId('verify-email-banner')).closest('.verify-email-banner') as HTMLElement;
}

describe('Verify-email banner', () => {
  it('asks an unverified account to open the link, on every signed-in page', async () => {
    const server = fakeServer(signedInAs(unverified));
    const view = renderApp('/profile', server.fetch);

    expect(await banner()).toHaveTextContent(`Open the link we sent to ${testUser.email}.`);
    view.stop();
  });

  it('is not shown once the address is verified', async () => {
    const server = fakeServer(signedInAs({ ...testUser, emailVerified: true }));
    const view = renderApp('/', server.fetch);

    expect(await screen.findByRole('heading', { name: 'No interviews yet' })).toBeInTheDocument();
    expect(screen.queryByTestId('verify-email-banner')).not.toBeInTheDocument();
    view.stop();
  });

  it('sends a new link and says where it went', async () => {
    const server = fakeServer({ ...signedInAs(unverified), 'POST /api/auth/verify-email/resend': () => ({ status: 204 }) });
    const view = renderApp('/', server.fetch);

    fireEvent.click(within(await banner()).getByRole('button', { name: 'Resend' }));

    expect(await screen.findByText(`We sent a new link to ${testUser.email}.`)).toBeInTheDocument();
    expect(server.count('POST /api/auth/verify-email/resend')).toBe(1);
    view.stop();
  });

  it('says when to try again after too many links', async () => {
    const server = fakeServer({
      ...signedInAs(unverified),
      'POST /api/auth/verify-email/resend': () => ({
        status: 429,
        headers: { 'Retry-After': '1800' },
        body: { error: { code: 'TOO_MANY_REQUESTS', message: 'We sent several links already. Try again later.' } },
      }),
    });
    const view = renderApp('/', server.fetch);

    fireEvent.click(within(await banner()).getByRole('button', { name: 'Resend' }));

    expect(await screen.findByText('We sent several links already. Try again in 30 minutes.')).toBeInTheDocument();
    expect(await banner()).toHaveAttribute('role', 'alert');
    expect(within(await banner()).getByRole('button', { name: 'Resend' })).toBeEnabled();
    view.stop();
  });

  it('goes away when the address was verified elsewhere in the meantime', async () => {
    const server = fakeServer({
      ...signedInAs(unverified),
      'GET /api/auth/me': [() => ({ status: 200, body: unverified }), () => ({ status: 200, body: { ...testUser, emailVerified: true } })],
      'POST /api/auth/verify-email/resend': () => ({ status: 409, body: { error: { code: 'CONFLICT', message: 'Your email address is already verified.' } } }),
    });
    const view = renderApp('/', server.fetch);

    fireEvent.click(within(await banner()).getByRole('button', { name: 'Resend' }));

    await waitFor(() => expect(screen.queryByTestId('verify-email-banner')).not.toBeInTheDocument());
    expect(screen.queryByText('Your email address is already verified.')).not.toBeInTheDocument();
    view.stop();
  });

  it('can be dismissed until the next page load', async () => {
    const server = fakeServer(signedInAs(unverified));
    const view = renderApp('/', server.fetch);

    fireEvent.click(within(await banner()).getByRole('button', { name: 'Dismiss' }));

    expect(screen.queryByTestId('verify-email-banner')).not.toBeInTheDocument();
    view.stop();
  });
});
