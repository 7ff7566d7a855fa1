import { useEffect, useMemo, useState } from 'react';
import { ApiError, describeError, useApiClient } from '../../api';
import { Alert, Button, CloseIcon, IconButton } from '../../ui';
import { createAuthApi } from './auth-api';
import { useAuth } from './AuthContext';
import './VerifyEmailBanner.css';

/**
 * Until the address is verified: invitations do not reach the account, so say so on every signed-in
 * page and offer a new link. Dismissed, it stays away until the next page load.
 */
export function VerifyEmailBanner() {
  const { user, setUser } = useAuth();
  const client = useApiClient();
  const api = useMemo(() => createAuthApi(client), [client]);
  const [sending, setSending] = useState(false);
  const [dismissed, setDismissed] = useState(false);
  const [note, setNote] = useState<{ tone: 'info' | 'error'; text: string } | null>(null);
  const unverified = !!user && user.emailVerified === false;

  // The link is usually opened in another tab: coming back to this one notices it.
  useEffect(() => {
    if (!unverified) return;
    const check = () => {
      if (document.visibilityState !== 'visible') return;
      api.me().then(
        (fresh) => fresh.emailVerified && setUser(fresh),
        () => undefined,
      );
    };
    window.addEventListener('focus', check);
    document.addEventListener('visibilitychange', check);
    return () => {
      window.removeEventListener('focus', check);
      document.removeEventListener('visibilitychange', check);
    };
  }, [api, unverified, setUser]);

  if (!user || !unverified || dismissed) return null;

  const resend = () => {
    setSending(true);
    setNote(null);
    api
      .resendVerification()
      .then(
        () => setNote({ tone: 'info', text: `We sent a new link to ${user.email}.` }),
        async (error: unknown) => {
          // Verified meanwhile (elsewhere): nothing to resend, the banner goes.
          if (error instanceof ApiError && error.code === 'CONFLICT') {
            const fresh = await api.me().catch(() => null);
            if (fresh?.emailVerified) return setUser(fresh);
          }
          setNote({ tone: 'error', text: describeError(error) });
        },
      )
      .finally(() => setSending(false));
  };

  return (
    <Alert
      tone={note?.tone === 'error' ? 'error' : 'info'}
      title="Verify your email"
      className="verify-email-banner"
      action={
        <div className="verify-email-banner__actions">
          <Button size="sm" onClick={resend} disabled={sending}>
            {sending ? 'Sending…' : 'Resend'}
          </Button>
          <IconButton size="sm" label="Dismiss" icon={<CloseIcon />} onClick={() => setDismissed(true)} />
        </div>
      }
    >
      <span data-testid="verify-email-banner">
        Open the link we sent to <strong>{user.email}</strong>. Until then, interview invitations cannot reach your account.
      </span>
      {note && <p className="verify-email-banner__note">{note.text}</p>}
    </Alert>
  );
}
