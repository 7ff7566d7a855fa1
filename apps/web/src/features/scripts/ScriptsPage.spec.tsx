import { fireEvent, screen, within } from '@testing-library/react';
import { fakeAccessToken, fakeServer, testUser } from '../../test-support/fake-server';
import { extendedScript, standardScript } from '../../test-support/questions';
import { renderApp } from '../../test-support/render-app';

const signedIn = {
  'POST /api/auth/refresh': () => ({ status: 200, body: { accessToken: fakeAccessToken() } }),
  'GET /api/auth/me': () => ({ status: 200, body: testUser }),
};

const mine = { ...standardScript, id: 'mine-3', slug: 'my-loop-0a1b2c3d', name: 'My loop', version: 3, isDefault: false, builtIn: false, totalMinutes: 45 };

describe('Scripts page', () => {
  it('lists my scripts and the built-ins with their length, version and a proportional phase bar', async () => {
    const server = fakeServer({ ...signedIn, 'GET /api/scripts': () => ({ status: 200, body: { items: [standardScript, extendedScript, mine] } }) });
    const view = renderApp('/scripts', server.fetch);

    const yours = await screen.findByRole('region', { name: 'Your scripts' });
    const card = within(yours).getByTestId('script-card');
    expect(within(card).getByRole('link', { name: 'My loop' })).toHaveAttribute('href', '/scripts/my-loop-0a1b2c3d');
    expect(card).toHaveTextContent('45 min');
    expect(card).toHaveTextContent('version 3');
    expect(within(card).queryByRole('button', { name: /Make a copy/ })).not.toBeInTheDocument();
    const bar = within(card).getByRole('img', { name: 'Phases: Requirements 5 min, High-level design 40 min' });
    const segments = bar.querySelectorAll<HTMLElement>('.phase-bar__segment');
    expect([...segments].map((segment) => segment.style.flexGrow)).toEqual(['5', '40']);

    const builtIn = screen.getByRole('region', { name: 'Built in' });
    expect(within(builtIn).getAllByTestId('script-card')).toHaveLength(2);
    expect(within(builtIn).getByRole('button', { name: 'Make a copy of Standard 45' })).toBeInTheDocument();
    expect(within(builtIn).getByText('Default')).toBeInTheDocument();
    view.stop();
  });

  it('says what to do when I have no scripts, and copies a built-in into the editor', async () => {
    const copy = { ...mine, id: 'copy-1', slug: 'copy-of-standard-45-12345678', name: 'Copy of Standard 45', version: 1, latestVersion: 1, mine: true, description: '', autoAdvance: false, createdAt: '2026-11-25T12:00:00.000Z', phases: [] };
    const server = fakeServer({
      ...signedIn,
      'GET /api/scripts': () => ({ status: 200, body: { items: [standardScript] } }),
      'POST /api/scripts/standard-45/copy': () => ({ status: 201, body: { ...copy, phases: [{ key: 'requirements', name: 'Requirements', minutes: 5, goal: '', candidateProduces: [], interviewerListensFor: [], commonMistakes: [] }] } }),
      'GET /api/scripts/copy-of-standard-45-12345678': () => ({ status: 200, body: { ...copy, phases: [{ key: 'requirements', name: 'Requirements', minutes: 5, goal: '', candidateProduces: [], interviewerListensFor: [], commonMistakes: [] }] } }),
    });
    const view = renderApp('/scripts', server.fetch);

    expect(await screen.findByText('No scripts of your own yet')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Make a copy of Standard 45' }));
    expect(await screen.findByRole('heading', { name: 'Edit “Copy of Standard 45”' })).toBeInTheDocument();
    expect(view.pathname()).toBe('/scripts/copy-of-standard-45-12345678/edit');
    view.stop();
  });

  it('shows the failure and a retry when the list cannot be loaded', async () => {
    const server = fakeServer({
      ...signedIn,
      'GET /api/scripts': [
        // A 4xx is not retried by itself, so the error state shows at once.
        () => ({ status: 429, body: { error: { code: 'TOO_MANY_REQUESTS', message: 'Too many attempts. Try again later.' } } }),
        () => ({ status: 200, body: { items: [standardScript] } }),
      ],
    });
    const view = renderApp('/scripts', server.fetch);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The scripts could not be loaded.');
    fireEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('link', { name: 'Standard 45' })).toBeInTheDocument();
    view.stop();
  });
});
