import type { ReactNode } from 'react';
import { createBrowserRouter, RouterProvider } from 'react-router';
import type { ApiClient } from '../api';
import { useAuth } from '../features/auth/AuthContext';
import { Alert, Button, CenteredPage, FullPageLoading } from '../ui';
import { AppProviders } from './providers';
import { routes } from './routes';

/** Routes render only once we know whether someone is signed in, so guards never guess. */
export function SessionGate({ children }: { children: ReactNode }) {
  const { state, retryRestore } = useAuth();
  if (state.status === 'restoring') return <FullPageLoading />;
  if (state.status === 'unavailable') {
    return (
      <CenteredPage>
        <Alert
          tone="error"
          title="Pairboard is not reachable right now."
          action={
            <Button size="sm" onClick={retryRestore}>
              Try again
            </Button>
          }
        >
          {state.message}
        </Alert>
      </CenteredPage>
    );
  }
  return children;
}

const browserRouter = createBrowserRouter(routes);

export function App({ client }: { client: ApiClient }) {
  return (
    <AppProviders client={client}>
      <SessionGate>
        <RouterProvider router={browserRouter} />
      </SessionGate>
    </AppProviders>
  );
}
