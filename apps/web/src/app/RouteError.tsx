import { isRouteErrorResponse, useRouteError } from 'react-router';
import { Button, CenteredPage, useDocumentTitle } from '../ui';
import './RouteError.css';

/** Shown when a page throws while rendering or a lazy chunk fails to load (e.g. after a deploy). */
export function RouteError() {
  useDocumentTitle('Something went wrong');
  const error = useRouteError();
  const detail = isRouteErrorResponse(error) ? `${error.status} ${error.statusText}` : null;
  return (
    <CenteredPage>
      <div className="route-error">
        <h1 className="route-error__title">Something went wrong</h1>
        <p className="route-error__text">
          This page could not be shown{detail ? ` (${detail})` : ''}. Reloading usually fixes it.
        </p>
        <Button variant="primary" onClick={() => window.location.reload()}>
          Reload the page
        </Button>
      </div>
    </CenteredPage>
  );
}
