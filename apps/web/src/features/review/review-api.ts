import {
  boardSceneSchema,
  boardUpdatesPageSchema,
  createdShareLinkSchema,
  sharedReplaySchema,
  shareLinkListSchema,
  timelineSchema,
  type BoardScene,
  type BoardUpdatesPage,
  type CreateShareLinkRequest,
  type SharedReplay,
  type Timeline,
} from '@pairboard/contracts';
import { bytesFromBase64, type ReplayUpdate } from '@pairboard/board-binding';
import type { ApiClient } from '../../api';

/** Where a replay's recording comes from: a participant's interview, or a share link. */
export interface ReplaySource {
  /** a stable key for the query cache */
  key: readonly string[];
  timeline(signal?: AbortSignal): Promise<Timeline>;
  board(atMs: number, signal?: AbortSignal): Promise<BoardScene>;
  /** The whole update log, fetched page by page once: playback then runs in the browser. */
  updates(signal?: AbortSignal): Promise<ReplayUpdate[]>;
  /** The bytes of an image on the board. */
  file(fileId: string, signal?: AbortSignal): Promise<Blob>;
}

function sourceAt(client: ApiClient, base: string, authenticated: boolean, key: readonly string[]): ReplaySource {
  return {
    key,
    timeline: (signal) => client.request(`${base}/timeline`, { schema: timelineSchema, signal, authenticated }),
    board: (atMs, signal) => client.request(`${base}/board?at=${Math.max(0, Math.floor(atMs))}`, { schema: boardSceneSchema, signal, authenticated }),
    file: (fileId, signal) => client.requestBlob(`${base}/files/${encodeURIComponent(fileId)}`, { signal, authenticated }),
    async updates(signal) {
      const updates: ReplayUpdate[] = [];
      let after: string | null = '0';
      while (after !== null) {
        const page: BoardUpdatesPage = await client.request(`${base}/board/updates?after=${after}`, { schema: boardUpdatesPageSchema, signal, authenticated });
        for (const update of page.updates) updates.push({ atMs: update.atMs, data: bytesFromBase64(update.data) });
        after = page.nextAfter;
      }
      return updates;
    },
  };
}

export const interviewReplaySource = (client: ApiClient, interviewId: string) =>
  sourceAt(client, `/api/interviews/${encodeURIComponent(interviewId)}`, true, ['replay', 'interview', interviewId]);

export const sharedReplaySource = (client: ApiClient, token: string) =>
  sourceAt(client, `/api/shared/${encodeURIComponent(token)}`, false, ['replay', 'shared', token]);

export const fetchSharedReplay = (client: ApiClient, token: string, signal?: AbortSignal): Promise<SharedReplay> =>
  client.request(`/api/shared/${encodeURIComponent(token)}`, { schema: sharedReplaySchema, signal, authenticated: false });

export const shareLinksQueryKey = (interviewId: string) => ['share-links', interviewId] as const;

export const fetchShareLinks = async (client: ApiClient, interviewId: string, signal?: AbortSignal) =>
  (await client.request(`/api/interviews/${encodeURIComponent(interviewId)}/share-links`, { schema: shareLinkListSchema, signal })).items;

export const createShareLink = (client: ApiClient, interviewId: string, request: CreateShareLinkRequest) =>
  client.request(`/api/interviews/${encodeURIComponent(interviewId)}/share-links`, { method: 'POST', body: request, schema: createdShareLinkSchema });

export const revokeShareLink = (client: ApiClient, interviewId: string, linkId: string) =>
  client.request(`/api/interviews/${encodeURIComponent(interviewId)}/share-links/${encodeURIComponent(linkId)}`, { method: 'DELETE' });
