import {
  sessionResponseSchema,
  userSchema,
  type LoginRequest,
  type RegisterRequest,
  type User,
} from '@pairboard/contracts';
import { ApiError, type ApiClient } from '../../api';
import { browserTimeZone } from './time-zone';

export function createAuthApi(client: ApiClient) {
  const startSession = async (path: string, body: LoginRequest | RegisterRequest): Promise<User> => {
    const { accessToken, user } = await client.request(path, {
      method: 'POST',
      body,
      schema: sessionResponseSchema,
      authenticated: false,
    });
    client.session.use(accessToken);
    return user;
  };

  const me = (signal?: AbortSignal) => client.request('/api/auth/me', { schema: userSchema, signal });

  return {
    signIn: (request: LoginRequest) => startSession('/api/auth/login', request),
    /** Sends the browser's zone with the sign-up, so the first emails give times in it. */
    signUp: (request: RegisterRequest) => startSession('/api/auth/register', { ...request, timeZone: request.timeZone ?? browserTimeZone() ?? undefined }),
    /** Sets the zone notifications and emails give times in. */
    setTimeZone: (timeZone: string) => client.request('/api/auth/me', { method: 'PATCH', body: { timeZone }, schema: userSchema }),
    signOut: () => client.session.signOut(),
    me,
    /** Opens the link from the verification email; works signed in or not (the token is the proof). */
    verifyEmail: (token: string) => client.request('/api/auth/verify-email', { method: 'POST', body: { token }, schema: userSchema, authenticated: false }),
    resendVerification: () => client.request('/api/auth/verify-email/resend', { method: 'POST' }),
    /**
     * Renews the session from the refresh cookie; null when there is no session to restore. A
     * browser without the session marker has no refresh cookie either, so it is not asked.
     */
    async restore(): Promise<User | null> {
      if (!client.session.mayExist) return null;
      const token = await client.session.refresh();
      if (!token) return null;
      try {
        return await me();
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return null;
        throw error;
      }
    },
  };
}

export type AuthApi = ReturnType<typeof createAuthApi>;
