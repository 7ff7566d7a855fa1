import type { ReactNode } from 'react';
import { ApiError, describeError } from '../api/errors';
import { Alert } from './Alert';
import { Button, LinkButton } from './Button';
import { Card } from './Card';
import { EmptyState } from './EmptyState';
import { CompassIcon } from './icons';

interface RetryableQuery {
  error: unknown;
  isFetching: boolean;
  refetch: () => unknown;
}

export function isNotFound(error: unknown): boolean {
  return error instanceof ApiError && error.status === 404;
}

/** The error state of a page or card whose data failed to load: what failed, why, and a retry. */
export function LoadErrorAlert({ title, query }: { title: string; query: RetryableQuery }) {
  return (
    <Alert
      tone="error"
      title={title}
      action={
        <Button size="sm" onClick={() => query.refetch()} loading={query.isFetching}>
          Try again
        </Button>
      }
    >
      {describeError(query.error)}
    </Alert>
  );
}

/** A failed load: the page's own not-found state for a 404 (nothing to retry), otherwise the error with a retry. */
export function QueryFailure({ query, title, notFound }: { query: RetryableQuery; title: string; notFound: ReactNode }) {
  return isNotFound(query.error) ? notFound : <LoadErrorAlert title={title} query={query} />;
}

/** What a detail page shows for something that does not exist (or is not the viewer's to see). */
export function NotFoundCard({ title, description, backTo, backLabel }: { title: string; description: string; backTo: string; backLabel: string }) {
  return (
    <Card>
      <EmptyState
        headingLevel={2}
        icon={<CompassIcon size={22} />}
        title={title}
        description={description}
        action={
          <LinkButton to={backTo} variant="primary">
            {backLabel}
          </LinkButton>
        }
      />
    </Card>
  );
}
