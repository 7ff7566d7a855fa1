import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { fakeAccessToken, fakeServer, testUser } from '../../test-support/fake-server';
import { interviewFixture, me, participant } from '../../test-support/interviews';
import { extendedScript, questionDetail, questionSummary, standardScript } from '../../test-support/questions';
import { renderApp } from '../../test-support/render-app';

const shortener = questionSummary({ id: 'q-short', title: 'URL shortener', level: 'junior' });
const feed = questionSummary({ id: 'q-feed', title: 'News feed', level: 'senior' });

const signedIn = {
  'POST /api/auth/refresh': () => ({ status: 200, body: { accessToken: fakeAccessToken() } }),
  'GET /api/auth/me': () => ({ status: 200, body: testUser }),
  'GET /api/questions': () => ({ status: 200, body: { items: [shortener, feed], total: 2 } }),
  'GET /api/questions?level=senior': () => ({ status: 200, body: { items: [feed], total: 1 } }),
  'GET /api/questions/q-short': () => ({ status: 200, body: questionDetail(shortener) }),
  'GET /api/questions/q-feed': () => ({ status: 200, body: questionDetail(feed) }),
  'GET /api/scripts': () => ({ status: 200, body: { items: [standardScript, extendedScript] } }),
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
      scriptId: standardScript.id,
    });
    view.stop();
  });

  it('preselects the question from the link, names the interview after it and sends the chosen script', async () => {
    const created = interviewFixture({
      title: 'URL shortener',
      question: { id: 'q-short', title: 'URL shortener' },
      script: { id: extendedScript.id, name: extendedScript.name },
    });
    const server = fakeServer({
      ...signedIn,
      'POST /api/interviews': () => ({ status: 201, body: created }),
      'GET /api/interviews': () => ({ status: 200, body: { items: [created] } }),
    });
    const view = renderApp('/interviews/new?questionId=q-short', server.fetch);

    await waitFor(() => expect(screen.getByLabelText('Title')).toHaveValue('URL shortener'));
    expect(screen.getByLabelText('Question')).toHaveValue('q-short');
    await waitFor(() => expect(screen.getByLabelText('Script')).toHaveValue(standardScript.id));
    expect(screen.getByText('45 min · Requirements 5 · High-level design 40')).toBeInTheDocument();

    fireEvent.change(screen.getByLabelText('Script'), { target: { value: extendedScript.id } });
    fireEvent.change(screen.getByLabelText('Email of person 1'), { target: { value: 'grace@example.com' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create interview' }));

    expect(await screen.findByRole('heading', { name: 'URL shortener', level: 1 })).toBeInTheDocument();
    expect(screen.getByText('Extended 60')).toBeInTheDocument();
    expect(server.requests.find((request) => request.method === 'POST' && request.path === '/api/interviews')?.body).toEqual({
      title: 'URL shortener',
      myRole: 'interviewer',
      invite: [{ email: 'grace@example.com', role: 'candidate' }],
      questionId: 'q-short',
      scriptId: extendedScript.id,
    });
    view.stop();
  });

  it('lets the title follow the chosen question until someone types one', async () => {
    const server = fakeServer(signedIn);
    const view = renderApp('/interviews/new', server.fetch);

    fireEvent.change(await screen.findByLabelText('Question level'), { target: { value: 'senior' } });
    await waitFor(() =>
      expect(within(screen.getByLabelText('Question')).getAllByRole('option').map((option) => option.textContent)).toEqual([
        'No question: talk it through freely',
        'News feed (Senior)',
      ]),
    );
    fireEvent.change(screen.getByLabelText('Question'), { target: { value: 'q-feed' } });
    expect(screen.getByLabelText('Title')).toHaveValue('News feed');

    fireEvent.change(screen.getByLabelText('Question'), { target: { value: '' } });
    expect(screen.getByLabelText('Title')).toHaveValue('');

    fireEvent.change(screen.getByLabelText('Title'), { target: { value: 'Friday practice' } });
    fireEvent.change(screen.getByLabelText('Question'), { target: { value: 'q-feed' } });
    expect(screen.getByLabelText('Title')).toHaveValue('Friday practice');
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
