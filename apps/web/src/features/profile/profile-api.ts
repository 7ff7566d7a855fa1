import { refreshResponseSchema, userSchema, type ChangePasswordRequest, type UpdateProfileRequest } from '@pairboard/contracts';
import type { ApiClient } from '../../api';

export const meQueryKey = ['auth', 'me'] as const;

export const fetchMe = (client: ApiClient, signal?: AbortSignal) =>
  client.request('/api/auth/me', { schema: userSchema, signal });

export const updateProfile = (client: ApiClient, request: UpdateProfileRequest) =>
  client.request('/api/auth/me', { method: 'PATCH', body: request, schema: userSchema });

/**
 * Changes the password. The server ends every session of the account, this one included, and answers
 * with a fresh one for this tab: its token replaces the old one, so open sockets reconnect with it.
 */
export async function changePassword(client: ApiClient, request: ChangePasswordRequest): Promise<void> {
  const { accessToken } = await client.requestReplacingRefreshCookie('/api/auth/password', { method: 'POST', body: request, schema: refreshResponseSchema });
  client.session.use(accessToken);
}
