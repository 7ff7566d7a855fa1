import type { BoardFileRecord, EditorFile, FileFailure, FileTransport } from '@pairboard/board-binding';
import { BOARD_FILE_UPLOAD_PART, boardFilePath, boardFileRecordSchema } from '@pairboard/contracts';
import { ApiError, type ApiClient } from '../../api';

/** Failures that a second try cannot fix: the image is refused as it is. */
const PERMANENT = new Set(['PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE', 'FORBIDDEN', 'VALIDATION_FAILED', 'CONFLICT', 'NOT_FOUND']);

/** Words for a failed image transfer, and whether retrying can help. */
export function describeFileFailure(error: unknown): FileFailure {
  if (!(error instanceof ApiError)) return { message: 'Something went wrong with this image.', permanent: false };
  switch (error.code) {
    case 'PAYLOAD_TOO_LARGE':
      // The board's quota is full (the server says how full), or this one image is too large.
      if (isQuotaDetails(error.details)) return { message: error.message, permanent: true };
      return { message: 'This image is larger than the server accepts. Try a smaller or compressed one.', permanent: true };
    case 'UNSUPPORTED_MEDIA_TYPE':
      return { message: 'Only PNG, JPEG, GIF and WebP images can go on the board.', permanent: true };
    case 'NETWORK_ERROR':
      return { message: 'Pairboard could not be reached.', permanent: false };
    default:
      return { message: error.message, permanent: PERMANENT.has(error.code) };
  }
}

function isQuotaDetails(details: unknown): boolean {
  return typeof details === 'object' && details !== null && 'maxFiles' in details;
}

/** The bytes of a data URL, without a network round trip (a `data:` fetch would be blocked by the CSP). */
export function dataUrlToBlob(dataURL: string, mimeType: string): Blob {
  const comma = dataURL.indexOf(',');
  const header = dataURL.slice(0, comma);
  const payload = dataURL.slice(comma + 1);
  if (!header.endsWith(';base64')) return new Blob([decodeURIComponent(payload)], { type: mimeType });
  const binary = atob(payload);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new Blob([bytes], { type: mimeType });
}

export function blobToDataUrl(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as string);
    reader.onerror = () => reject(reader.error ?? new Error('The image could not be read.'));
    reader.readAsDataURL(blob);
  });
}

/**
 * Images over the REST API with the session's bearer token. The browser cannot attach that token
 * to an <img> request, so the bytes are fetched here and handed to Excalidraw as a data URL.
 */
export function boardFileTransport(client: ApiClient, interviewId: string): FileTransport {
  return {
    async upload(file: EditorFile): Promise<BoardFileRecord> {
      const form = new FormData();
      form.append('fileId', file.id);
      form.append(BOARD_FILE_UPLOAD_PART, dataUrlToBlob(file.dataURL, file.mimeType), file.id);
      return client.request(`/api/interviews/${encodeURIComponent(interviewId)}/files`, {
        method: 'POST',
        body: form,
        schema: boardFileRecordSchema,
      });
    },
    async download(record: BoardFileRecord): Promise<string> {
      return blobToDataUrl(await client.requestBlob(boardFilePath(interviewId, record.id)));
    },
  };
}
