import { render } from '@testing-library/react';
import { MemoryRouter, useLocation, useRoutes, type Location } from 'react-router';
import { ApiClient } from '../api/client';
import type { Fetch } from '../api/http';
import { Session } from '../api/session';
import { SessionGate } from '../app/App';
import { AppProviders } from '../app/providers';
import { routes } from '../app/routes';

export interface AppOptions {
  /** The page's cookies; by default the marker of a session that may exist, so the app asks the server. */
  cookies?: string;
}

/**
 * The whole app at a path, against a fake server, with a fresh session. The routes are the app's
 * own, mounted with useRoutes because the data router needs the Fetch API's Request, which jsdom
 * lacks.
 */
export function appAt(path: string, fetch: Fetch, { cookies = 'pb_session=1' }: AppOptions = {}) {
  const session = new Session({ fetch, locks: null, readCookies: () => cookies });
  const client = new ApiClient(session, fetch);
  const current: { location: Location | null } = { location: null };

  function AppRoutes() {
    current.location = useLocation();
    return useRoutes(routes);
  }

  const app = (
    <AppProviders client={client}>
      <SessionGate>
        <MemoryRouter initialEntries={[path]}>
          <AppRoutes />
        </MemoryRouter>
      </SessionGate>
    </AppProviders>
  );
  return { app, session, current };
}

/** Renders the whole app at a path (see appAt). */
export function renderApp(path: string, fetch: Fetch, options: AppOptions = {}) {
  const { app, session, current } = appAt(path, fetch, options);
  const view = render(app);
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
