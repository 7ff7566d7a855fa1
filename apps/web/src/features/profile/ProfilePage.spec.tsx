import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { fakeAccessToken, fakeServer, testUser } from '../../test-support/fake-server';
import { renderApp } from '../../test-support/render-app';

describe('Profile page', () => {
  it('shows the account and saves a new name', async () => {
    const server = fakeServer({
      'POST /api/auth/refresh': () => ({ status: 200, body: { accessToken: fakeAccessToken() } }),
      'GET /api/auth/me': () => ({ status: 200, body: testUser }),
      'PATCH /api/auth/me': (request) => ({ status: 200, body: { ...testUser, ...(request.body as object) } }),
    });
    const view = renderApp('/profile', server.fetch);

    expect(await screen.findByTestId('profile-email')).toHaveTextContent('ada@example.com');
    const save = screen.getByRole('button', { name: 'Save changes' });
    expect(save).toBeDisabled();

    fireEvent.change(screen.getByLabelText('Display name'), { target: { value: '  Augusta Ada King ' } });
    fireEvent.click(save);

    expect(await screen.findByText('Your name was updated.')).toBeInTheDocument();
    expect(server.requests.find((r) => r.method === 'PATCH')?.body).toEqual({ name: 'Augusta Ada King' });
    expect(screen.getByTestId('profile-name')).toHaveTextContent('Augusta Ada King');
    expect(screen.getByRole('button', { name: 'Account menu for Augusta Ada King' })).toBeInTheDocument();
    view.stop();
  });

  it('offers the time zone notifications and emails use, and saves a new one alone', async () => {
    const server = fakeServer({
      'POST /api/auth/refresh': () => ({ status: 200, body: { accessToken: fakeAccessToken() } }),
      'GET /api/auth/me': () => ({ status: 200, body: { ...testUser, timeZone: 'Europe/Berlin' } }),
      'PATCH /api/auth/me': (request) => ({ status: 200, body: { ...testUser, timeZone: 'Europe/Berlin', ...(request.body as object) } }),
    });
    const view = renderApp('/profile', server.fetch);

    const zone = await screen.findByLabelText('Time zone');
    expect(zone).toHaveValue('Europe/Berlin');
    fireEvent.change(zone, { target: { value: 'America/New_York' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));

    expect(await screen.findByText('Your time zone was updated.')).toBeInTheDocument();
    expect(server.requests.find((r) => r.method === 'PATCH')?.body).toEqual({ timeZone: 'America/New_York' });
    expect(screen.getByLabelText('Time zone')).toHaveValue('America/New_York');
    view.stop();
  });

  it("gives a profile without a time zone this browser's, once", async () => {
    const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    const server = fakeServer({
      'POST /api/auth/refresh': () => ({ status: 200, body: { accessToken: fakeAccessToken() } }),
      'GET /api/auth/me': () => ({ status: 200, body: { ...testUser, timeZone: null } }),
      'PATCH /api/auth/me': (request) => ({ status: 200, body: { ...testUser, ...(request.body as object) } }),
    });
    const view = renderApp('/profile', server.fetch);

    expect(await screen.findByLabelText('Time zone')).toHaveValue(browserZone);
    await waitFor(() => expect(server.requests.filter((r) => r.method === 'PATCH').map((r) => r.body)).toEqual([{ timeZone: browserZone }]));
    expect(screen.getByRole('button', { name: 'Save changes' })).toBeDisabled();
    view.stop();
  });

  it('offers a retry when the profile cannot be loaded', async () => {
    const server = fakeServer({
      'POST /api/auth/refresh': () => ({ status: 200, body: { accessToken: fakeAccessToken() } }),
      'GET /api/auth/me': [() => ({ status: 200, body: testUser }), () => ({ status: 403 })],
    });
    const view = renderApp('/profile', server.fetch);

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Your profile could not be loaded.');
    expect(within(alert).getByRole('button', { name: 'Try again' })).toBeInTheDocument();
    view.stop();
  });
  it('changes the password, uses the fresh session and shows a wrong current password at its field', async () => {
    const fresh = fakeAccessToken();
    const server = fakeServer({
      'POST /api/auth/refresh': () => ({ status: 200, body: { accessToken: fakeAccessToken() } }),
      'GET /api/auth/me': () => ({ status: 200, body: testUser }),
      'POST /api/auth/password': [
        () => ({
          status: 400,
          body: { error: { code: 'VALIDATION_FAILED', message: 'Check the highlighted fields.', details: [{ path: 'currentPassword', message: 'This is not your current password' }] } },
        }),
        () => ({ status: 200, body: { accessToken: fresh } }),
      ],
    });
    const view = renderApp('/profile', server.fetch);

    const form = await screen.findByRole('form', { name: 'Change password' });
    fireEvent.change(within(form).getByLabelText('Current password'), { target: { value: 'not my password at all' } });
    fireEvent.change(within(form).getByLabelText('New password'), { target: { value: 'a brand new passphrase here' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Change password' }));
    expect(await within(form).findByText('This is not your current password')).toBeInTheDocument();

    fireEvent.change(within(form).getByLabelText('Current password'), { target: { value: 'correct horse battery staple' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Change password' }));
    expect(await within(form).findByText('Your password was changed. Other sessions were signed out.')).toBeInTheDocument();
    expect(server.requests.filter((r) => r.method === 'POST' && r.path === '/api/auth/password').at(-1)?.body).toEqual({
      currentPassword: 'correct horse battery staple',
      newPassword: 'a brand new passphrase here',
    });
    expect(within(form).getByLabelText('Current password')).toHaveValue('');
    view.stop();
  });
});
