import {
  interviewScheduleSchema,
  invitationListSchema,
  invitationSchema,
  type CancelRequest,
  type CreateInvitationRequest,
  type DeclineRequest,
  type ProposeTimeRequest,
  type RescheduleRequest,
} from '@pairboard/contracts';
import type { ApiClient } from '../../api';

export const invitationsQueryKey = ['invitations'] as const;
/** Under the interview's key, so anything that refreshes an interview refreshes its schedule too. */
export const scheduleQueryKey = (interviewId: string) => ['interviews', interviewId, 'schedule'] as const;

const path = (id: string) => encodeURIComponent(id);

export const fetchInvitations = async (client: ApiClient, signal?: AbortSignal) =>
  (await client.request('/api/invitations', { schema: invitationListSchema, signal })).items;

export const createInvitation = (client: ApiClient, request: CreateInvitationRequest) =>
  client.request('/api/invitations', { method: 'POST', body: request, schema: invitationSchema });

export const acceptInvitation = (client: ApiClient, id: string) =>
  client.request(`/api/invitations/${path(id)}/accept`, { method: 'POST', schema: invitationSchema });

export const declineInvitation = (client: ApiClient, id: string, request: DeclineRequest) =>
  client.request(`/api/invitations/${path(id)}/decline`, { method: 'POST', body: request, schema: invitationSchema });

export const proposeTime = (client: ApiClient, id: string, request: ProposeTimeRequest) =>
  client.request(`/api/invitations/${path(id)}/propose`, { method: 'POST', body: request, schema: invitationSchema });

export const fetchSchedule = (client: ApiClient, interviewId: string, signal?: AbortSignal) =>
  client.request(`/api/interviews/${path(interviewId)}/schedule`, { schema: interviewScheduleSchema, signal });

export const reschedule = (client: ApiClient, interviewId: string, request: RescheduleRequest) =>
  client.request(`/api/interviews/${path(interviewId)}/reschedule`, { method: 'POST', body: request, schema: interviewScheduleSchema });

export const cancelInterview = (client: ApiClient, interviewId: string, request: CancelRequest) =>
  client.request(`/api/interviews/${path(interviewId)}/cancel`, { method: 'POST', body: request, schema: interviewScheduleSchema });
