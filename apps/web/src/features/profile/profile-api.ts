import { userSchema, type UpdateProfileRequest } from '@pairboard/contracts';
import type { ApiClient } from '../../api';

export const meQueryKey = ['auth', 'me'] as const;

export const fetchMe = (client: ApiClient, signal?: AbortSignal) =>
  client.request('/api/auth/me', { schema: userSchema, signal });

export const updateProfile = (client: ApiClient, request: UpdateProfileRequest) =>
  client.request('/api/auth/me', { method: 'PATCH', body: request, schema: userSchema });
