import { fireEvent, screen, waitFor } from '@testing-library/react';
import { fakeAccessToken, fakeServer, testUser } from '../../test-support/fake-server';
import { renderApp } from '../../test-support/render-app';

const signedOut = () => ({ status: 401, body: { error: { code: 'REFRESH_TOKEN_INVALID', message: 'Your session has ended.' } } });

function fillAndSubmit(email: string, password: string) {
  fireEvent.change(screen.getByLabelText('Email'), { target: { value: email } });
  fireEvent.change(screen.getByLabelText('Password'), { target: { value: password } });
  fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
}

describe('Sign-in page', () => {
  it('is shown without asking the server when the browser holds no session', async () => {
    const server = fakeServer({});
    const view = renderApp('/', server.fetch, { cookies: '' });

    expect(await screen.findByRole('button', { name: 'Sign in' })).toBeInTheDocument();
    expect(server.requests).toEqual([]);
    view.stop();
  });

  it('validates with the contracts schema before calling the server', async () => {
    const server = fakeServer({ 'POST /api/auth/refresh': signedOut });
    const view = renderApp('/signin', server.fetch);

    fireEvent.click(await screen.findByRole('button', { name: 'Sign in' }));

    const email = screen.getByLabelText('Email');
    expect(email).toHaveAttribute('aria-invalid', 'true');
    expect(email).toHaveAccessibleDescription('Enter a valid email address');
    expect(screen.getByLabelText('Password')).toHaveAccessibleDescription('Password is required');
    expect(email).toHaveFocus();
    expect(server.count('POST /api/auth/login')).toBe(0);
    view.stop();
  });

  it('shows a VALIDATION_FAILED field error from the server under that field', async () => {
    const server = fakeServer({
      'POST /api/auth/refresh': signedOut,
      'POST /api/auth/login': () => ({
        status: 400,
        body: {
          error: {
            code: 'VALIDATION_FAILED',
            message: 'Some fields are missing or invalid.',
            details: [{ path: 'email', message: 'This email domain is not accepted' }],
          },
        },
      }),
    });
    const view = renderApp('/signin', server.fetch);
    await screen.findByRole('button', { name: 'Sign in' });

    fillAndSubmit('ada@example.com', 'correct horse battery');

    await waitFor(() =>
      expect(screen.getByLabelText('Email')).toHaveAccessibleDescription('This email domain is not accepted'),
    );
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(server.requests.find((r) => r.path === '/api/auth/login')?.body).toEqual({
      email: 'ada@example.com',
      password: 'correct horse battery',
    });
    view.stop();
  });

  it('shows wrong credentials in a banner and keeps the form usable', async () => {
    const server = fakeServer({
      'POST /api/auth/refresh': signedOut,
      'POST /api/auth/login': () => ({
        status: 401,
        body: { error: { code: 'INVALID_CREDENTIALS', message: 'Email or password is incorrect.' } },
      }),
    });
    const view = renderApp('/signin', server.fetch);
    await screen.findByRole('button', { name: 'Sign in' });

    fillAndSubmit('ada@example.com', 'wrong password');

    expect(await screen.findByRole('alert')).toHaveTextContent('Email or password is incorrect.');
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeEnabled();
    view.stop();
  });

  it('says when to retry after too many attempts', async () => {
    const server = fakeServer({
      'POST /api/auth/refresh': signedOut,
      'POST /api/auth/login': () => ({
        status: 429,
        headers: { 'Retry-After': '30' },
        body: { error: { code: 'TOO_MANY_REQUESTS', message: 'Too many attempts. Try again later.' } },
      }),
    });
    const view = renderApp('/signin', server.fetch);
    await screen.findByRole('button', { name: 'Sign in' });

    fillAndSubmit('ada@example.com', 'whatever it is');

    expect(await screen.findByRole('alert')).toHaveTextContent('Too many attempts. Try again in 30 seconds.');
    view.stop();
  });

  it('signs in and returns to the page that asked for it', async () => {
    const server = fakeServer({
      'POST /api/auth/refresh': signedOut,
      'POST /api/auth/login': () => ({ status: 200, body: { accessToken: fakeAccessToken(), user: testUser } }),
      'GET /api/auth/me': () => ({ status: 200, body: testUser }),
    });
    const view = renderApp('/profile', server.fetch);
    await screen.findByRole('button', { name: 'Sign in' });
    expect(view.pathname()).toBe('/signin');

    fillAndSubmit('Ada@Example.com ', 'correct horse battery');

    expect(await screen.findByRole('heading', { name: 'Profile' })).toBeInTheDocument();
    expect(view.pathname()).toBe('/profile');
    expect(server.requests.find((r) => r.path === '/api/auth/login')?.body).toMatchObject({ email: 'ada@example.com' });
    view.stop();
  });

  it('restores a session silently and skips the sign-in page', async () => {
    const server = fakeServer({
      'POST /api/auth/refresh': () => ({ status: 200, body: { accessToken: fakeAccessToken() } }),
      'GET /api/auth/me': () => ({ status: 200, body: testUser }),
      'GET /api/interviews': () => ({ status: 200, body: { items: [] } }),
    });
    const view = renderApp('/signin', server.fetch);

    expect(await screen.findByText('No interviews yet')).toBeInTheDocument();
    expect(view.pathname()).toBe('/');
    view.stop();
  });
});
