import {
  pairingRequestCreatedSchema,
  pairingRequestListSchema,
  pairingRequestSchema,
  type CreatePairingRequest,
  type PairingRequestView,
  type UpdatePairingRequest,
} from '@pairboard/contracts';
import type { ApiClient } from '../../api';

export const pairingRequestsQueryKey = ['pairing-requests'] as const;

export const fetchPairingRequests = async (client: ApiClient, signal?: AbortSignal): Promise<PairingRequestView[]> =>
  (await client.request('/api/pairing/requests', { schema: pairingRequestListSchema, signal })).items;

export const createPairingRequest = (client: ApiClient, request: CreatePairingRequest) =>
  client.request('/api/pairing/requests', { method: 'POST', body: request, schema: pairingRequestCreatedSchema });

export const updatePairingRequest = (client: ApiClient, id: string, request: UpdatePairingRequest) =>
  client.request(`/api/pairing/requests/${encodeURIComponent(id)}`, { method: 'PATCH', body: request, schema: pairingRequestSchema });

export const cancelPairingRequest = (client: ApiClient, id: string) =>
  client.request<void>(`/api/pairing/requests/${encodeURIComponent(id)}`, { method: 'DELETE' });
