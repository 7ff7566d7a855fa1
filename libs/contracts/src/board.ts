/**
 * Board sync over the y-websocket protocol (yjs 13). Message types 0-3 are the protocol's own;
 * 4 is Pairboard's stored acknowledgement `[4, n]`.
 */
export const BOARD_MESSAGE = {
  sync: 0,
  awareness: 1,
  auth: 2,
  queryAwareness: 3,
  stored: 4,
} as const;

/** WebSocket close codes the board server uses; a browser can read them after the upgrade. */
export const BOARD_CLOSE = {
  malformed: 4400,
  unauthorized: 4401,
  forbidden: 4403,
  notFound: 4404,
  tooLarge: 4413,
  rateLimited: 4429,
  tooManyConnections: 4409,
} as const;

/** Top-level shared types of a board document. */
export const BOARD_DOC = {
  /** element id → the whole Excalidraw element as plain JSON (replaced on every change) */
  elements: 'elements',
  /** file id → `{ id, mimeType, url, created }` for images uploaded over REST */
  files: 'files',
} as const;

export function boardPath(interviewId: string): string {
  return `/yjs/${interviewId}`;
}
