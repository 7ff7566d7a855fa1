import {
  pairingRequestCreatedSchema,
  pairingRequestListSchema,
  pairingRequestSchema,
  showUpRecordSchema,
  type CreatePairingRequest,
  type PairingRequestView,
  type ShowUpRecord,
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

export const showUpRecordQueryKey = ['pairing-record'] as const;

export const fetchShowUpRecord = (client: ApiClient, signal?: AbortSignal): Promise<ShowUpRecord> =>
  client.request('/api/pairing/record', { schema: showUpRecordSchema, signal });
