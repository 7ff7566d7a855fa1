import { z } from 'zod';

/**
 * Board sync over the y-websocket protocol (yjs 13). Message types 0-3 are the protocol's own;
 * 4 is Pairboard's stored acknowledgement `[4, n]`. 5-7 keep the connection's session alive:
 * the server sends `[5, secondsLeft]` shortly before the access token expires; the client answers
 * `[6, token]` (a varString) with a fresh access token of the same person; the server confirms
 * with `[7, secondsLeft]` for the new token. An unrenewed, refused or revoked session ends with
 * close code 4401.
 */
export const BOARD_MESSAGE = {
  sync: 0,
  awareness: 1,
  auth: 2,
  queryAwareness: 3,
  stored: 4,
  authExpiring: 5,
  authRefresh: 6,
  authRenewed: 7,
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

/**
 * The reason sent with 4403 when a document update reaches the board of an interview that has
 * ended: the board is then read-only for everyone, as the recording shows it.
 */
export const BOARD_ENDED_REASON = 'the interview has ended; the board is read-only';

/** Top-level shared types of a board document. */
export const BOARD_DOC = {
  /** element id → the whole Excalidraw element as plain JSON (replaced on every change) */
  elements: 'elements',
  /** file id → a `BoardFileRecord` (below) for an image uploaded over REST; never the image itself */
  files: 'files',
} as const;

export function boardPath(interviewId: string): string {
  return `/yjs/${interviewId}`;
}

/** Image types the board accepts, recognised by their leading bytes rather than by name or header. */
export const BOARD_FILE_MIME_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'] as const;
export type BoardFileMimeType = (typeof BOARD_FILE_MIME_TYPES)[number];

/** Excalidraw names a file by a hash of its data (40 hex digits); any short URL-safe id is accepted. */
export const boardFileIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,128}$/, 'A file id is 1 to 128 letters, digits, "-" or "_"');

/**
 * What `doc.getMap('files')` holds under a file id. Deliberately small: the bytes stay in
 * PostgreSQL behind `boardFilePath`, so the document, and the recording made of its updates, stay
 * small however many images are pasted. The server refuses any other value under `files`.
 */
export const boardFileRecordSchema = z.strictObject({
  id: boardFileIdSchema,
  mimeType: z.enum(BOARD_FILE_MIME_TYPES),
  /** bytes */
  size: z.number().int().positive().max(2 ** 31),
  /** epoch milliseconds of the first upload */
  created: z.number().int().nonnegative(),
});
export type BoardFileRecord = z.infer<typeof boardFileRecordSchema>;

/** A record's JSON is far below this; the board server refuses larger values under `files`. */
export const BOARD_FILE_RECORD_MAX_JSON_BYTES = 512;

/**
 * `POST /api/interviews/:id/files` is multipart/form-data with these text fields and the image in
 * the part named `file`; the answer is the `BoardFileRecord` to put into the document.
 */
export const boardFileUploadFieldsSchema = z.strictObject({ fileId: boardFileIdSchema });
export type BoardFileUploadFields = z.infer<typeof boardFileUploadFieldsSchema>;
export const BOARD_FILE_UPLOAD_PART = 'file';

export function boardFilePath(interviewId: string, fileId: string): string {
  return `/api/interviews/${encodeURIComponent(interviewId)}/files/${encodeURIComponent(fileId)}`;
}
