import { COMMON_PASSWORD_MESSAGE } from '@pairboard/contracts';
import { fireEvent, screen } from '@testing-library/react';
import { fakeServer } from '../../test-support/fake-server';
import { renderApp } from '../../test-support/render-app';

const signedOut = () => ({ status: 401, body: { error: { code: 'REFRESH_TOKEN_INVALID', message: 'Ended' } } });

describe('Sign-up page', () => {
  it('asks for a long enough password before calling the server', async () => {
    const server = fakeServer({ 'POST /api/auth/refresh': signedOut });
    const view = renderApp('/signup', server.fetch);

    fireEvent.change(await screen.findByLabelText('Name'), { target: { value: 'Ada' } });
    fireEvent.change(screen.getByLabelText('Email'), { target: { value: 'ada@example.com' } });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'short' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create account' }));

    expect(screen.getByLabelText('Password')).toHaveAccessibleDescription('Use at least 12 characters');
    expect(server.count('POST /api/auth/register')).toBe(0);
    view.stop();
  });

  it('shows a taken email under the email field', async () => {
    const server = fakeServer({
      'POST /api/auth/refresh': signedOut,
      'POST /api/auth/register': () => ({
        status: 409,
        body: { error: { code: 'EMAIL_TAKEN', message: 'An account with this email already exists.' } },
      }),
    });
    const view = renderApp('/signup', server.fetch);

    fireEvent.change(await screen.findByLabelText('Name'), { target: { value: 'Ada' } });
    fireEvent.change(screen.getByLabelText('Email'), { target: { value: 'ada@example.com' } });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'a long enough passphrase' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create account' }));

    expect(await screen.findByText('An account with this email already exists.')).toBeInTheDocument();
    expect(screen.getByLabelText('Email')).toHaveAccessibleDescription('An account with this email already exists.');
    expect(screen.getByLabelText('Email')).toHaveFocus();
    view.stop();
  });

  it('refuses an obviously guessable password before calling the server', async () => {
    const server = fakeServer({ 'POST /api/auth/refresh': signedOut });
    const view = renderApp('/signup', server.fetch);

    fireEvent.change(await screen.findByLabelText('Name'), { target: { value: 'Ada' } });
    fireEvent.change(screen.getByLabelText('Email'), { target: { value: 'ada@example.com' } });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'aaaaaaaaaaaa' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create account' }));

    expect(screen.getByLabelText('Password')).toHaveAccessibleDescription(COMMON_PASSWORD_MESSAGE);
    expect(server.count('POST /api/auth/register')).toBe(0);
    view.stop();
  });

  it("shows the server's common-password refusal under the password field", async () => {
    const server = fakeServer({
      'POST /api/auth/refresh': signedOut,
      'POST /api/auth/register': () => ({
        status: 400,
        body: { error: { code: 'VALIDATION_FAILED', message: 'Some fields are missing or invalid.', details: [{ path: 'password', message: COMMON_PASSWORD_MESSAGE }] } },
      }),
    });
    const view = renderApp('/signup', server.fetch);

    fireEvent.change(await screen.findByLabelText('Name'), { target: { value: 'Ada' } });
    fireEvent.change(screen.getByLabelText('Email'), { target: { value: 'ada@example.com' } });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'sunshine1234' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create account' }));

    expect(await screen.findByText(COMMON_PASSWORD_MESSAGE)).toBeInTheDocument();
    expect(screen.getByLabelText('Password')).toHaveAccessibleDescription(COMMON_PASSWORD_MESSAGE);
    view.stop();
  });
});
