import { act, fireEvent, screen, within } from '@testing-library/react';
import { fakeAccessToken, fakeServer, testUser } from '../../test-support/fake-server';
import { questionDetail, questionSummary } from '../../test-support/questions';
import { renderApp } from '../../test-support/render-app';

const signedIn = {
  'POST /api/auth/refresh': () => ({ status: 200, body: { accessToken: fakeAccessToken() } }),
  'GET /api/auth/me': () => ({ status: 200, body: testUser }),
};

const shortener = questionSummary({ id: 'q-short', title: 'URL shortener', level: 'junior', topics: ['caching', 'hot-keys'] });
const feed = questionSummary({ id: 'q-feed', title: 'News feed', level: 'senior', topics: ['fan-out'] });
const list = (...items: ReturnType<typeof questionSummary>[]) => ({ status: 200, body: { items, total: items.length } });

describe('Questions page', () => {
  it('lists questions with their level and topic names', async () => {
    const server = fakeServer({ ...signedIn, 'GET /api/questions': () => list(shortener, feed) });
    const view = renderApp('/questions', server.fetch);

    expect(await screen.findByText('2 questions')).toBeInTheDocument();
    const cards = within(screen.getByRole('list', { name: 'Questions' })).getAllByRole('article');
    expect(cards).toHaveLength(2);
    expect(within(cards[0]).getByRole('link', { name: 'URL shortener' })).toHaveAttribute('href', '/questions/q-short');
    expect(within(cards[0]).getByText('Junior')).toBeInTheDocument();
    expect(within(cards[0]).getByText('Caching')).toBeInTheDocument();
    view.stop();
  });

  it('reads the filters from the URL and writes changes back to it', async () => {
    const server = fakeServer({
      ...signedIn,
      'GET /api/questions?level=senior': () => list(feed),
      'GET /api/questions?level=senior&topic=fan-out': () => list(feed),
      'GET /api/questions?level=junior&topic=fan-out': () => list(),
    });
    const view = renderApp('/questions?level=senior', server.fetch);

    expect(await screen.findByText('1 question')).toBeInTheDocument();
    expect(screen.getByLabelText('Level')).toHaveValue('senior');

    fireEvent.change(screen.getByLabelText('Topic'), { target: { value: 'fan-out' } });
    expect(view.search()).toBe('?level=senior&topic=fan-out');
    expect(await screen.findByRole('link', { name: 'News feed' })).toBeInTheDocument();

    fireEvent.change(screen.getByLabelText('Level'), { target: { value: 'junior' } });
    expect(await screen.findByText('No question matches')).toBeInTheDocument();
    expect(screen.getByText('0 questions')).toBeInTheDocument();
    view.stop();
  });

  it('searches once typing pauses, and clears the filters from the empty state', async () => {
    jest.useFakeTimers();
    try {
      const server = fakeServer({
        ...signedIn,
        'GET /api/questions': () => list(shortener, feed),
        'GET /api/questions?q=zebra': () => list(),
      });
      const view = renderApp('/questions', server.fetch);
      expect(await screen.findByText('2 questions')).toBeInTheDocument();

      fireEvent.change(screen.getByLabelText('Search'), { target: { value: 'zeb' } });
      fireEvent.change(screen.getByLabelText('Search'), { target: { value: 'zebra' } });
      expect(view.search()).toBe('');
      await act(async () => {
        jest.advanceTimersByTime(300);
      });
      expect(view.search()).toBe('?q=zebra');
      expect(server.count('GET /api/questions?q=zeb')).toBe(0);
      expect(await screen.findByText('No question matches')).toBeInTheDocument();

      fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
      expect(view.search()).toBe('');
      expect(screen.getByLabelText('Search')).toHaveValue('');
      expect(await screen.findByText('2 questions')).toBeInTheDocument();
      view.stop();
    } finally {
      jest.useRealTimers();
    }
  });

  it('offers to try again when loading fails', async () => {
    const server = fakeServer({
      ...signedIn,
      'GET /api/questions': [
        () => ({ status: 403, body: { error: { code: 'FORBIDDEN', message: 'Not now.' } } }),
        () => list(feed),
      ],
    });
    const view = renderApp('/questions', server.fetch);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The questions could not be loaded.');
    fireEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('1 question')).toBeInTheDocument();
    view.stop();
  });

  it('shows a question, with the interviewer material collapsed', async () => {
    const detail = questionDetail({ id: 'q-short', title: 'URL shortener' });
    const server = fakeServer({ ...signedIn, 'GET /api/questions/q-short': () => ({ status: 200, body: detail }) });
    const view = renderApp('/questions/q-short', server.fetch);

    expect(await screen.findByRole('heading', { name: 'URL shortener', level: 1 })).toBeInTheDocument();
    expect(screen.getByText('Users shorten a link')).toBeInTheDocument();
    expect(screen.getByText('Redirects in under 50 ms')).toBeInTheDocument();
    const interviewer = screen.getByText('For interviewers').closest('details');
    expect(interviewer).not.toHaveAttribute('open');
    expect(within(interviewer as HTMLElement).getByText('Ask about custom aliases')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Practise this question' })).toHaveAttribute(
      'href',
      '/interviews/new?questionId=q-short',
    );
    view.stop();
  });
});
