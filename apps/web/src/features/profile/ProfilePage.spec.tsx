import { fireEvent, screen, within } from '@testing-library/react';
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
});
