import { ApiClient } from './client';
import { Session } from './session';

export { ApiClient, type RequestOptions } from './client';
export { ApiError, describeError, fieldIssuesOf, formatRetryAfter, parseRetryAfter } from './errors';
export { ApiClientProvider, useApiClient } from './context';
export { Session } from './session';

/** The page's one session and client; components get the client from ApiClientProvider. */
export const session = new Session();
export const apiClient = new ApiClient(session);
