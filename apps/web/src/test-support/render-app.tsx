import { render } from '@testing-library/react';
import { MemoryRouter, useLocation, useRoutes, type Location } from 'react-router';
import { ApiClient } from '../api/client';
import type { Fetch } from '../api/http';
import { Session } from '../api/session';
import { SessionGate } from '../app/App';
import { AppProviders } from '../app/providers';
import { routes } from '../app/routes';

/**
 * Renders the whole app at a path, against a fake server, with a fresh session. The routes are the
 * app's own, mounted with useRoutes because the data router needs the Fetch API's Request, which
 * jsdom lacks.
 */
export function renderApp(path: string, fetch: Fetch) {
  const session = new Session({ fetch, locks: null });
  const client = new ApiClient(session, fetch);
  const current: { location: Location | null } = { location: null };

  function AppRoutes() {
    current.location = useLocation();
    return useRoutes(routes);
  }

  const view = render(
    <AppProviders client={client}>
      <SessionGate>
        <MemoryRouter initialEntries={[path]}>
          <AppRoutes />
        </MemoryRouter>
      </SessionGate>
    </AppProviders>,
  );
  return {
    ...view,
    session,
    pathname: () => current.location?.pathname,
    search: () => current.location?.search,
    /** Unmounts and cancels the session's scheduled refresh. */
    stop: () => {
      view.unmount();
      session.end();
    },
  };
}
