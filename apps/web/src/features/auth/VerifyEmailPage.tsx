import { useEffect, useMemo, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { describeError, useApiClient } from '../../api';
import { Alert, CenteredPage, LinkButton, Spinner, useDocumentTitle } from '../../ui';
import { createAuthApi } from './auth-api';
import { useAuth } from './AuthContext';

type Outcome = { status: 'verifying' } | { status: 'verified' } | { status: 'failed'; message: string };

/** Where the link in the verification email leads: verifies once, then offers the way on. */
export default function VerifyEmailPage() {
  useDocumentTitle('Verify your email');
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const client = useApiClient();
  const api = useMemo(() => createAuthApi(client), [client]);
  const { user, setUser } = useAuth();
  const [outcome, setOutcome] = useState<Outcome>(token ? { status: 'verifying' } : { status: 'failed', message: 'This link has no token. Open the link from the email again.' });
  // A link works once: React's double effects in development must not spend it twice.
  const sent = useRef(false);

  useEffect(() => {
    if (!token || sent.current) return;
    sent.current = true;
    api.verifyEmail(token).then(
      (verified) => {
        if (user && user.id === verified.id) setUser(verified);
        setOutcome({ status: 'verified' });
      },
      (error: unknown) => setOutcome({ status: 'failed', message: describeError(error) }),
    );
  }, [api, token, user, setUser]);

  return (
    <CenteredPage>
      <h1>Verify your email</h1>
      {outcome.status === 'verifying' ? (
        <p role="status">
          <Spinner /> Checking your link…
        </p>
      ) : outcome.status === 'verified' ? (
        <Alert tone="success" title="Your email address is verified." action={<LinkButton to="/" variant="primary">Continue</LinkButton>}>
          Interview invitations sent to this address now reach your account.
        </Alert>
      ) : (
        <Alert tone="error" title="This link did not work.">
          {outcome.message} {user ? <Link to="/">Ask for a new link from your dashboard.</Link> : <Link to="/signin">Sign in to ask for a new link.</Link>}
        </Alert>
      )}
    </CenteredPage>
  );
}
