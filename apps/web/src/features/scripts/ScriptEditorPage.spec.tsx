import type { ScriptDetail } from '@pairboard/contracts';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { fakeAccessToken, fakeServer, testUser, type RecordedRequest } from '../../test-support/fake-server';
import { renderApp } from '../../test-support/render-app';

const signedIn = {
  'POST /api/auth/refresh': () => ({ status: 200, body: { accessToken: fakeAccessToken() } }),
  'GET /api/auth/me': () => ({ status: 200, body: testUser }),
};

const phase = (key: string, name: string, minutes: number) => ({
  key,
  name,
  minutes,
  goal: `${name} goal`,
  candidateProduces: [`${name} output`],
  interviewerListensFor: [],
  commonMistakes: [],
});

function myScript(fields: Partial<ScriptDetail> = {}): ScriptDetail {
  return {
    id: 'v2',
    slug: 'drill-ab12cd34',
    name: 'Drill',
    version: 2,
    latestVersion: 2,
    isDefault: false,
    builtIn: false,
    mine: true,
    totalMinutes: 25,
    description: '',
    autoAdvance: false,
    createdAt: '2026-11-25T12:00:00.000Z',
    phases: [phase('requirements', 'Requirements', 5), phase('api', 'API', 10), phase('deep-dives', 'Deep dives', 10)],
    ...fields,
  };
}

const names = () => screen.getAllByTestId('phase-editor').map((item) => (within(item).getByLabelText('Name') as HTMLInputElement).value);

describe('Script editor', () => {
  it('reorders with the move buttons, keeps the live total, and saves the edit on top of the version it started from', async () => {
    const saved: RecordedRequest[] = [];
    const server = fakeServer({
      ...signedIn,
      'GET /api/scripts/drill-ab12cd34': () => ({ status: 200, body: myScript() }),
      'PUT /api/scripts/drill-ab12cd34': (request) => {
        saved.push(request);
        return { status: 200, body: myScript({ id: 'v3', version: 3, latestVersion: 3 }) };
      },
      'GET /api/scripts': () => ({ status: 200, body: { items: [] } }),
    });
    const view = renderApp('/scripts/drill-ab12cd34/edit', server.fetch);

    expect(await screen.findByRole('heading', { name: 'Edit “Drill”' })).toBeInTheDocument();
    expect(screen.getByTestId('script-total')).toHaveTextContent('25 min in all');
    expect(screen.getByRole('button', { name: 'Move Requirements up' })).toBeDisabled();

    fireEvent.click(screen.getByRole('button', { name: 'Move API up' }));
    expect(names()).toEqual(['API', 'Requirements', 'Deep dives']);
    expect(screen.getByRole('status', { name: '' })).toHaveTextContent('API moved to position 1 of 3.');
    fireEvent.click(screen.getByRole('button', { name: 'Move Requirements down' }));
    expect(names()).toEqual(['API', 'Deep dives', 'Requirements']);

    fireEvent.change(within(screen.getAllByTestId('phase-editor')[0]).getByLabelText('Minutes'), { target: { value: '20' } });
    expect(screen.getByTestId('script-total')).toHaveTextContent('35 min in all');

    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Saved as version 3')).toBeInTheDocument();
    expect(saved[0].body).toMatchObject({
      baseVersion: 2,
      phases: [
        { key: 'api', minutes: 20 },
        { key: 'deep-dives', minutes: 10 },
        { key: 'requirements', minutes: 5, candidateProduces: ['Requirements output'] },
      ],
    });
    view.stop();
  });

  it('shows the server’s field problems beside their fields', async () => {
    const server = fakeServer({
      ...signedIn,
      'GET /api/scripts/drill-ab12cd34': () => ({ status: 200, body: myScript() }),
      'PUT /api/scripts/drill-ab12cd34': () => ({
        status: 400,
        body: {
          error: {
            code: 'VALIDATION_FAILED',
            message: 'Some fields are missing or invalid.',
            details: [
              { path: 'phases.1.minutes', message: 'A phase lasts at most 120 minutes' },
              { path: 'phases.2.commonMistakes.0', message: 'Each line is at most 200 characters' },
            ],
          },
        },
      }),
    });
    const view = renderApp('/scripts/drill-ab12cd34/edit', server.fetch);
    await screen.findByRole('heading', { name: 'Edit “Drill”' });

    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    const phases = screen.getAllByTestId('phase-editor');
    expect(await within(phases[1]).findByText('A phase lasts at most 120 minutes')).toBeInTheDocument();
    expect(within(phases[1]).getByLabelText('Minutes')).toHaveAttribute('aria-invalid', 'true');
    expect(within(phases[2]).getByText('Each line is at most 200 characters')).toBeInTheDocument();
    expect(within(phases[2]).getByLabelText('Common mistakes')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByRole('alert', { name: '' })).toHaveTextContent('Not saved');
    view.stop();
  });

  it('checks with the shared schema before sending: a duplicate kind and too many minutes are refused locally', async () => {
    const server = fakeServer({ ...signedIn, 'GET /api/scripts/drill-ab12cd34': () => ({ status: 200, body: myScript() }) });
    const view = renderApp('/scripts/drill-ab12cd34/edit', server.fetch);
    await screen.findByRole('heading', { name: 'Edit “Drill”' });

    const [first, second] = screen.getAllByTestId('phase-editor');
    fireEvent.change(within(second).getByLabelText('Kind'), { target: { value: 'requirements' } });
    fireEvent.change(within(first).getByLabelText('Minutes'), { target: { value: '0' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));

    expect(await within(second).findByText('Each kind of phase appears once')).toBeInTheDocument();
    expect(within(first).getByText('A phase lasts at least 1 minute')).toBeInTheDocument();
    expect(server.count('PUT /api/scripts/drill-ab12cd34')).toBe(0);
    view.stop();
  });

  it('on a stale base says someone saved first and loads their version on request', async () => {
    const server = fakeServer({
      ...signedIn,
      'GET /api/scripts/drill-ab12cd34': [
        () => ({ status: 200, body: myScript() }),
        () => ({ status: 200, body: myScript({ id: 'v3', version: 3, latestVersion: 3, name: 'Drill (theirs)' }) }),
      ],
      'PUT /api/scripts/drill-ab12cd34': () => ({
        status: 409,
        body: { error: { code: 'CONFLICT', message: 'This script was saved as version 3 in the meantime.', details: { latestVersion: 3 } } },
      }),
    });
    const view = renderApp('/scripts/drill-ab12cd34/edit', server.fetch);
    await screen.findByRole('heading', { name: 'Edit “Drill”' });

    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Someone saved this script first')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Load version 3' }));
    await waitFor(() => expect(screen.getByLabelText('Name', { selector: 'input[data-field="name"]' })).toHaveValue('Drill (theirs)'));
    expect(screen.getByText(/Editing version 3\./)).toBeInTheDocument();
    view.stop();
  });

  it('keeps built-in scripts read-only and offers a copy instead', async () => {
    const server = fakeServer({
      ...signedIn,
      'GET /api/scripts/standard-45': () => ({ status: 200, body: myScript({ slug: 'standard-45', builtIn: true, mine: false, isDefault: true, name: 'Standard' }) }),
    });
    const view = renderApp('/scripts/standard-45/edit', server.fetch);
    expect(await screen.findByText('Built-in scripts are read-only')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Make a copy' })).toBeInTheDocument();
    expect(screen.queryByRole('form', { name: 'Script editor' })).not.toBeInTheDocument();
    view.stop();
  });
});
