import { describeError } from '../api';
import { Alert, Button } from '../ui';

interface RetryableQuery {
  error: unknown;
  isFetching: boolean;
  refetch: () => unknown;
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
