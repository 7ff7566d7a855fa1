import {
  scriptDetailSchema,
  scriptVersionListSchema,
  type CopyScriptRequest,
  type CreateScriptRequest,
  type ScriptDetail,
  type UpdateScriptRequest,
} from '@pairboard/contracts';
import type { ApiClient } from '../../api';

export { fetchScripts, scriptsQueryKey } from '../questions/questions-api';

const path = (slug: string) => `/api/scripts/${encodeURIComponent(slug)}`;

export const scriptQueryKey = (slug: string, version?: number) => ['scripts', 'detail', slug, version ?? 'latest'] as const;
export const scriptVersionsQueryKey = (slug: string) => ['scripts', 'versions', slug] as const;

export const fetchScript = (client: ApiClient, slug: string, version?: number, signal?: AbortSignal): Promise<ScriptDetail> =>
  client.request(version === undefined ? path(slug) : `${path(slug)}/versions/${version}`, { schema: scriptDetailSchema, signal });

export const fetchScriptVersions = async (client: ApiClient, slug: string, signal?: AbortSignal) =>
  (await client.request(`${path(slug)}/versions`, { schema: scriptVersionListSchema, signal })).items;

export const createScript = (client: ApiClient, body: CreateScriptRequest) =>
  client.request('/api/scripts', { method: 'POST', body, schema: scriptDetailSchema });

export const copyScript = (client: ApiClient, slug: string, body: CopyScriptRequest = {}) =>
  client.request(`${path(slug)}/copy`, { method: 'POST', body, schema: scriptDetailSchema });

export const updateScript = (client: ApiClient, slug: string, body: UpdateScriptRequest) =>
  client.request(path(slug), { method: 'PUT', body, schema: scriptDetailSchema });

export const deleteScript = (client: ApiClient, slug: string) => client.request(path(slug), { method: 'DELETE' });
