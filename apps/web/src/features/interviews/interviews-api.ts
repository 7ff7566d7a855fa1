import {
  interviewListSchema,
  interviewSchema,
  type AddParticipantRequest,
  type CreateInterviewRequest,
  type Interview,
} from '@pairboard/contracts';
import type { ApiClient } from '../../api';

export const interviewsQueryKey = ['interviews'] as const;
export const interviewQueryKey = (id: string) => ['interviews', id] as const;

export const fetchInterviews = async (client: ApiClient, signal?: AbortSignal): Promise<Interview[]> =>
  (await client.request('/api/interviews', { schema: interviewListSchema, signal })).items;

export const fetchInterview = (client: ApiClient, id: string, signal?: AbortSignal) =>
  client.request(`/api/interviews/${encodeURIComponent(id)}`, { schema: interviewSchema, signal });

export const createInterview = (client: ApiClient, request: CreateInterviewRequest) =>
  client.request('/api/interviews', { method: 'POST', body: request, schema: interviewSchema });

export const addParticipant = (client: ApiClient, id: string, request: AddParticipantRequest) =>
  client.request(`/api/interviews/${encodeURIComponent(id)}/participants`, {
    method: 'POST',
    body: request,
    schema: interviewSchema,
  });

/** The invitee's answer: accepting returns the interview as a participant sees it. */
export const acceptInterview = (client: ApiClient, id: string) =>
  client.request(`/api/interviews/${encodeURIComponent(id)}/accept`, { method: 'POST', schema: interviewSchema });

export const declineInterview = (client: ApiClient, id: string) =>
  client.request(`/api/interviews/${encodeURIComponent(id)}/decline`, { method: 'POST' });
