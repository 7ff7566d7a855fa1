import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { fakeAccessToken, fakeServer, testUser } from '../../test-support/fake-server';
import { interviewFixture, me, participant } from '../../test-support/interviews';
import { renderApp } from '../../test-support/render-app';

const signedIn = {
  'POST /api/auth/refresh': () => ({ status: 200, body: { accessToken: fakeAccessToken() } }),
  'GET /api/auth/me': () => ({ status: 200, body: testUser }),
};

describe('New interview page', () => {
  it('creates an interview with invitations and opens it', async () => {
    const created = interviewFixture({
      title: 'Design a URL shortener',
      participants: [
        me,
        participant({ email: 'grace@example.com', name: 'Grace Hopper', role: 'candidate' }),
        participant({ email: 'watcher@example.com', userId: null, role: 'observer', status: 'invited' }),
      ],
    });
    const server = fakeServer({
      ...signedIn,
      'POST /api/interviews': () => ({ status: 201, body: created }),
      'GET /api/interviews': () => ({ status: 200, body: { items: [created] } }),
    });
    const view = renderApp('/interviews/new', server.fetch);

    fireEvent.change(await screen.findByLabelText('Title'), { target: { value: 'Design a URL shortener' } });
    fireEvent.click(screen.getByRole('radio', { name: /Candidate/ }));
    fireEvent.change(screen.getByLabelText('Email of person 1'), { target: { value: 'Grace@Example.com' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add another person' }));
    fireEvent.change(screen.getByLabelText('Email of person 2'), { target: { value: 'watcher@example.com' } });
    fireEvent.change(screen.getByLabelText('Role of person 2'), { target: { value: 'observer' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create interview' }));

    expect(await screen.findByRole('heading', { name: 'Design a URL shortener', level: 1 })).toBeInTheDocument();
    expect(view.pathname()).toBe(`/interviews/${created.id}`);
    expect(server.requests.find((request) => request.method === 'POST' && request.path === '/api/interviews')?.body).toEqual({
      title: 'Design a URL shortener',
      myRole: 'candidate',
      invite: [
        { email: 'grace@example.com', role: 'candidate' },
        { email: 'watcher@example.com', role: 'observer' },
      ],
    });
    view.stop();
  });

  it('checks the fields before sending and removes rows', async () => {
    const server = fakeServer(signedIn);
    const view = renderApp('/interviews/new', server.fetch);

    fireEvent.change(await screen.findByLabelText('Email of person 1'), { target: { value: 'not-an-email' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add another person' }));
    fireEvent.change(screen.getByLabelText('Email of person 2'), { target: { value: 'ada@example.com' } });
    fireEvent.change(screen.getByLabelText('Date'), { target: { value: '2099-01-01' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create interview' }));

    expect(screen.getByLabelText('Start time')).toHaveFocus();
    expect(screen.getByLabelText('Start time')).toHaveAccessibleDescription('Add a start time, or clear the date');
    expect(screen.getByLabelText('Email of person 1')).toHaveAccessibleDescription('Enter a valid email address');
    expect(screen.getByLabelText('Email of person 2')).toHaveAccessibleDescription('That is you: you join with the role chosen above');
    expect(server.count('POST /api/interviews')).toBe(0);

    fireEvent.click(screen.getByRole('button', { name: 'Remove person 1' }));
    expect(screen.getAllByRole('textbox', { name: /^Email of person/ })).toHaveLength(1);
    expect(screen.getByLabelText('Email of person 1')).toHaveValue('ada@example.com');
    view.stop();
  });

  it('shows server validation errors under the invite they belong to', async () => {
    const server = fakeServer({
      ...signedIn,
      'POST /api/interviews': () => ({
        status: 400,
        body: {
          error: {
            code: 'VALIDATION_FAILED',
            message: 'Some fields are missing or invalid.',
            details: [{ path: 'invite.0.email', message: 'This address cannot be invited' }],
          },
        },
      }),
    });
    const view = renderApp('/interviews/new', server.fetch);

    fireEvent.change(await screen.findByLabelText('Email of person 1'), { target: { value: 'grace@example.com' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create interview' }));

    await waitFor(() =>
      expect(screen.getByLabelText('Email of person 1')).toHaveAccessibleDescription('This address cannot be invited'),
    );
    expect(screen.getByLabelText('Email of person 1')).toHaveFocus();
    expect(screen.getByRole('button', { name: 'Create interview' })).toBeEnabled();
    view.stop();
  });

  it('shows other failures in a banner', async () => {
    const server = fakeServer({
      ...signedIn,
      'POST /api/interviews': () => ({ status: 503, body: { error: { code: 'SERVICE_UNAVAILABLE', message: 'Pairboard is temporarily unavailable.' } } }),
    });
    const view = renderApp('/interviews/new', server.fetch);
    fireEvent.click(await screen.findByRole('button', { name: 'Create interview' }));
    const form = screen.getByRole('form', { name: 'New interview' });
    expect(await within(form).findByRole('alert')).toHaveTextContent('Pairboard is temporarily unavailable.');
    view.stop();
  });
});
