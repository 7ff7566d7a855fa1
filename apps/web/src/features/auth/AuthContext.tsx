import type { LoginRequest, RegisterRequest, User } from '@pairboard/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { describeError, useApiClient } from '../../api';
import { createAuthApi } from './auth-api';
import { browserTimeZone } from './time-zone';

export type AuthState =
  | { status: 'restoring' }
  | { status: 'signedOut' }
  | { status: 'signedIn'; user: User }
  /** The session could not be checked (network or server failure), which is not the same as signed out. */
  | { status: 'unavailable'; message: string };

interface AuthContextValue {
  state: AuthState;
  user: User | null;
  signIn(request: LoginRequest): Promise<void>;
  signUp(request: RegisterRequest): Promise<void>;
  signOut(): Promise<void>;
  /** Replaces the signed-in user after a profile change. */
  setUser(user: User): void;
  retryRestore(): void;
}

const AuthContext = createContext<AuthContextValue | null>(null);
const CHANNEL_NAME = 'pairboard-auth';
type ChannelMessage = { type: 'signed-in' } | { type: 'signed-out' };

export function AuthProvider({ children }: { children: ReactNode }) {
  const client = useApiClient();
  const queryClient = useQueryClient();
  const api = useMemo(() => createAuthApi(client), [client]);
  const [state, setState] = useState<AuthState>({ status: 'restoring' });
  const [restoreAttempt, setRestoreAttempt] = useState(0);
  const channel = useRef<BroadcastChannel | null>(null);

  useEffect(() => {
    let active = true;
    api
      .restore()
      .then((user) => active && setState(user ? { status: 'signedIn', user } : { status: 'signedOut' }))
      .catch((error: unknown) => active && setState({ status: 'unavailable', message: describeError(error) }));
    return () => {
      active = false;
    };
  }, [api, restoreAttempt]);

  // A session that ends underneath us (refresh refused, sign-out in another tab) signs this tab out.
  useEffect(
    () =>
      client.session.subscribe((token) => {
        if (token) return;
        queryClient.removeQueries();
        setState((current) => (current.status === 'signedIn' ? { status: 'signedOut' } : current));
      }),
    [client, queryClient],
  );

  useEffect(() => client.session.watchVisibility(), [client]);

  // Notifications and emails give times in the profile's zone: until the person has one, it is this browser's.
  const zoneMissingFor = state.status === 'signedIn' && state.user.timeZone === null ? state.user.id : null;
  useEffect(() => {
    const zone = browserTimeZone();
    if (!zoneMissingFor || !zone) return;
    api.setTimeZone(zone).then(
      (user) => setState((current) => (current.status === 'signedIn' && current.user.id === user.id ? { status: 'signedIn', user } : current)),
      // Not saved now: the next page load tries again.
      () => undefined,
    );
  }, [api, zoneMissingFor]);

  // Other tabs of this browser share the refresh cookie: follow their sign-in and sign-out.
  useEffect(() => {
    if (typeof BroadcastChannel === 'undefined') return;
    const opened = new BroadcastChannel(CHANNEL_NAME);
    opened.onmessage = (event: MessageEvent<ChannelMessage>) => {
      if (event.data?.type === 'signed-out') client.session.end();
      if (event.data?.type === 'signed-in' && !client.session.accessToken) {
        api
          .restore()
          .then((user) => user && setState({ status: 'signedIn', user }))
          .catch(() => undefined);
      }
    };
    channel.current = opened;
    return () => {
      channel.current = null;
      opened.close();
    };
  }, [api, client]);

  const signIn = useCallback(
    async (request: LoginRequest) => {
      const user = await api.signIn(request);
      setState({ status: 'signedIn', user });
      channel.current?.postMessage({ type: 'signed-in' } satisfies ChannelMessage);
    },
    [api],
  );

  const signUp = useCallback(
    async (request: RegisterRequest) => {
      const user = await api.signUp(request);
      setState({ status: 'signedIn', user });
      channel.current?.postMessage({ type: 'signed-in' } satisfies ChannelMessage);
    },
    [api],
  );

  const signOut = useCallback(async () => {
    await api.signOut();
    setState({ status: 'signedOut' });
    channel.current?.postMessage({ type: 'signed-out' } satisfies ChannelMessage);
  }, [api]);

  const setUser = useCallback((user: User) => {
    setState((current) => (current.status === 'signedIn' ? { status: 'signedIn', user } : current));
  }, []);

  const retryRestore = useCallback(() => {
    setState({ status: 'restoring' });
    setRestoreAttempt((attempt) => attempt + 1);
  }, []);

  const value = useMemo<AuthContextValue>(
    () => ({
      state,
      user: state.status === 'signedIn' ? state.user : null,
      signIn,
      signUp,
      signOut,
      setUser,
      retryRestore,
    }),
    [state, signIn, signUp, signOut, setUser, retryRestore],
  );

  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthContextValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth must be used inside AuthProvider');
  return value;
}

/** For pages that only render behind RequireAuth. */
export function useSignedInUser(): User {
  const { user } = useAuth();
  if (!user) throw new Error('useSignedInUser needs a signed-in user');
  return user;
}
