import {
  noteListSchema,
  peerFeedbackListSchema,
  peerFeedbackSchema,
  progressSchema,
  rubricResponseSchema,
  scorecardSchema,
  type SavePeerFeedbackRequest,
  type SaveScorecardRequest,
} from '@pairboard/contracts';
import { ApiError, type ApiClient } from '../../api';

const base = (interviewId: string) => `/api/interviews/${encodeURIComponent(interviewId)}`;

export const scorecardQueryKey = (interviewId: string) => ['interviews', interviewId, 'scorecard'] as const;
export const feedbackQueryKey = (interviewId: string) => ['interviews', interviewId, 'feedback'] as const;
export const notesQueryKey = (interviewId: string) => ['interviews', interviewId, 'notes'] as const;
export const rubricQueryKey = ['rubrics', 'default'] as const;
export const progressQueryKey = ['me', 'progress'] as const;

export const fetchRubric = (client: ApiClient, signal?: AbortSignal) =>
  client.request('/api/rubrics/default', { schema: rubricResponseSchema, signal });

export const fetchScorecard = (client: ApiClient, interviewId: string, signal?: AbortSignal) =>
  client.request(`${base(interviewId)}/scorecard`, { schema: scorecardSchema, signal });

export const saveScorecard = (client: ApiClient, interviewId: string, request: SaveScorecardRequest) =>
  client.request(`${base(interviewId)}/scorecard`, { method: 'PUT', body: request, schema: scorecardSchema });

export const submitScorecard = (client: ApiClient, interviewId: string) =>
  client.request(`${base(interviewId)}/scorecard/submit`, { method: 'POST', schema: scorecardSchema });

export const reopenScorecard = (client: ApiClient, interviewId: string) =>
  client.request(`${base(interviewId)}/scorecard/reopen`, { method: 'POST', schema: scorecardSchema });

export const fetchNotes = async (client: ApiClient, interviewId: string, signal?: AbortSignal) =>
  (await client.request(`${base(interviewId)}/notes`, { schema: noteListSchema, signal })).items;

export const fetchFeedback = (client: ApiClient, interviewId: string, signal?: AbortSignal) =>
  client.request(`${base(interviewId)}/feedback`, { schema: peerFeedbackListSchema, signal });

export const saveFeedback = (client: ApiClient, interviewId: string, request: SavePeerFeedbackRequest) =>
  client.request(`${base(interviewId)}/feedback`, { method: 'PUT', body: request, schema: peerFeedbackSchema });

export const fetchProgress = (client: ApiClient, signal?: AbortSignal) => client.request('/api/me/progress', { schema: progressSchema, signal });

/** Worth retrying: the network, the server's own trouble, or being asked to slow down. */
export function isRetryableError(error: unknown): boolean {
  if (!(error instanceof ApiError)) return true;
  return error.code === 'NETWORK_ERROR' || error.status >= 500 || error.status === 429;
}
