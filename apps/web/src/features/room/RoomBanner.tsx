import { Alert, Button, LinkButton, RefreshIcon } from '../../ui';
import type { StopReason, SyncState } from './connection-state';

interface Message {
  tone: 'error' | 'info';
  title: string;
  body: string;
  action: 'reconnect' | 'signIn' | 'dashboard' | null;
}

function messageFor(reason: StopReason, readOnly: boolean, ended: boolean): Message {
  switch (reason) {
    case 'signIn':
      return {
        tone: 'error',
        title: 'Your session has ended.',
        body: 'Sign in again to keep working on the board.',
        action: 'signIn',
      };
    case 'forbidden':
      if (ended) {
        return { tone: 'info', title: 'The interview has ended.', body: 'Its board is read-only; the replay keeps it as it was at the end.', action: null };
      }
      return readOnly
        ? {
            tone: 'info',
            title: 'You are observing this interview.',
            body: 'The board is read-only for observers.',
            action: 'reconnect',
          }
        : {
            tone: 'error',
            title: 'You are not a participant of this interview.',
            body: 'Ask an interviewer to add you, then open the room again.',
            action: 'dashboard',
          };
    case 'notFound':
      return { tone: 'error', title: 'This interview does not exist.', body: 'It may have been removed.', action: 'dashboard' };
    case 'tooLarge':
      return {
        tone: 'error',
        title: 'A change was too large to sync.',
        body: 'The connection was closed. Reconnect to continue; very large pastes may need to be split.',
        action: 'reconnect',
      };
    case 'rateLimited':
      return {
        tone: 'error',
        title: 'Too many changes at once.',
        body: 'The board paused this connection. Reconnect to continue.',
        action: 'reconnect',
      };
    case 'tooManyConnections':
      return {
        tone: 'error',
        title: 'This board is open in too many tabs.',
        body: 'Close the room in another tab or window, then reconnect.',
        action: 'reconnect',
      };
    case 'malformed':
    case 'refused':
      return {
        tone: 'error',
        title: 'The board closed the connection.',
        body: 'Something unexpected happened. Reconnect to continue.',
        action: 'reconnect',
      };
  }
}

interface RoomBannerProps {
  sync: SyncState;
  readOnly: boolean;
  /** A refusal after the end is the read-only board, not a problem to reconnect from. */
  ended?: boolean;
  onReconnect(): void;
  onSignIn(): void;
}

/** Why the board stopped syncing and what the person can do about it. */
export function RoomBanner({ sync, readOnly, ended = false, onReconnect, onSignIn }: RoomBannerProps) {
  if (sync.phase !== 'stopped' || !sync.stop) return null;
  const message = messageFor(sync.stop, readOnly, ended);
  const action =
    message.action === 'reconnect' ? (
      <Button size="sm" icon={<RefreshIcon />} onClick={onReconnect}>
        Reconnect
      </Button>
    ) : message.action === 'signIn' ? (
      <Button size="sm" variant="primary" onClick={onSignIn}>
        Sign in again
      </Button>
    ) : message.action === 'dashboard' ? (
      <LinkButton size="sm" to="/">
        Back to your dashboard
      </LinkButton>
    ) : null;
  return (
    <div className="room-banner">
      <Alert tone={message.tone} title={message.title} action={action}>
        {message.body}
      </Alert>
    </div>
  );
}
