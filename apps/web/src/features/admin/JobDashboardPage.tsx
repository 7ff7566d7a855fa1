import { useMutation } from '@tanstack/react-query';
import { useEffect } from 'react';
import { ApiError, describeError, useApiClient } from '../../api';
import { Alert, Card, EmptyState, LinkButton, LoadingBlock, PageHeader, useDocumentTitle } from '../../ui';

/** Where Bull Board is served; outside the app so its cookie (path /admin) never reaches the API. */
const DASHBOARD = '/admin/queues';

/**
 * Opens the job dashboard: trades the in-memory access token for the short-lived /admin cookie,
 * then leaves the app for the dashboard. Non-operators are told so.
 */
export default function JobDashboardPage() {
  useDocumentTitle('Job dashboard');
  const client = useApiClient();
  const open = useMutation({
    mutationFn: () => client.request('/api/admin/session', { method: 'POST' }),
    onSuccess: () => window.location.assign(DASHBOARD),
  });
  const { mutate } = open;
  useEffect(() => mutate(), [mutate]);

  const forbidden = open.error instanceof ApiError && open.error.status === 403;
  return (
    <>
      <PageHeader title="Job dashboard" description="Queues, delayed jobs and dead letters (operators only)." />
      <Card>
        {open.isError ? (
          forbidden ? (
            <EmptyState
              title="For operators only"
              description="Your account is not in ADMIN_EMAILS. Ask whoever runs this Pairboard to add it."
              action={<LinkButton to="/">Back to your dashboard</LinkButton>}
            />
          ) : (
            <Alert tone="error">{describeError(open.error)}</Alert>
          )
        ) : (
          <LoadingBlock label="Opening the job dashboard" />
        )}
      </Card>
    </>
  );
}
