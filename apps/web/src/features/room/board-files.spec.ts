import { ApiClient, ApiError, Session } from '../../api';
import type { Fetch } from '../../api/http';
import { fakeAccessToken, fakeResponse } from '../../test-support/fake-server';
import { boardFileTransport, dataUrlToBlob, describeFileFailure } from './board-files';

const INTERVIEW = '6f1c1d2e-0000-4000-8000-000000000001';
const PNG_URL = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';
const RECORD = { id: 'f1', mimeType: 'image/png', size: 70, created: 1_000 };

const bytesOf = (blob: Blob) =>
  new Promise<Uint8Array>((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.readAsArrayBuffer(blob);
  });

function clientWith(fetch: Fetch) {
  const session = new Session({ fetch, locks: null });
  session.use(fakeAccessToken());
  return { client: new ApiClient(session, fetch), session };
}

describe('board image transport', () => {
  it('uploads the bytes of the data URL as multipart with the bearer token', async () => {
    const seen: RequestInit[] = [];
    const { client, session } = clientWith(async (_path, init = {}) => {
      seen.push(init);
      return fakeResponse({ status: 201, body: RECORD });
    });
    const record = await boardFileTransport(client, INTERVIEW).upload({ id: 'f1', mimeType: 'image/png', dataURL: PNG_URL });
    expect(record).toEqual(RECORD);
    const init = seen[0];
    const headers = init.headers as Record<string, string>;
    expect(headers.Authorization).toMatch(/^Bearer /);
    // The browser writes the multipart Content-Type with its boundary; setting one would break it.
    expect(headers['Content-Type']).toBeUndefined();
    const form = init.body as FormData;
    expect(form.get('fileId')).toBe('f1');
    const file = form.get('file') as Blob;
    expect(file.type).toBe('image/png');
    expect((await bytesOf(file)).slice(0, 4)).toEqual(Uint8Array.of(0x89, 0x50, 0x4e, 0x47));
    session.end();
  });

  it('downloads with the token and hands back a data URL; a refusal is an ApiError', async () => {
    const paths: string[] = [];
    const { client, session } = clientWith(async (path) => {
      paths.push(path);
      if (path.endsWith('/missing')) return fakeResponse({ status: 404, body: { error: { code: 'NOT_FOUND', message: 'No such file.' } } });
      const blob = dataUrlToBlob(PNG_URL, 'image/png');
      return { ...fakeResponse({ status: 200 }), blob: async () => blob } as unknown as Response;
    });
    const transport = boardFileTransport(client, INTERVIEW);
    await expect(transport.download(RECORD as never)).resolves.toBe(PNG_URL);
    expect(paths[0]).toBe(`/api/interviews/${INTERVIEW}/files/f1`);
    await expect(transport.download({ ...RECORD, id: 'missing' } as never)).rejects.toMatchObject({ code: 'NOT_FOUND', status: 404 });
    session.end();
  });

  it('tells which failures a retry cannot fix', () => {
    expect(describeFileFailure(new ApiError(413, 'PAYLOAD_TOO_LARGE', 'too large'))).toMatchObject({ permanent: true, message: expect.stringContaining('larger') });
    // A full board: the server's own words say how full.
    const full = new ApiError(413, 'PAYLOAD_TOO_LARGE', 'This board already holds 100 images, the most one interview may have.', {
      maxBytes: 64 * 1024 * 1024,
      usedBytes: 1000,
      maxFiles: 100,
      files: 100,
    });
    expect(describeFileFailure(full)).toEqual({ permanent: true, message: 'This board already holds 100 images, the most one interview may have.' });
    expect(describeFileFailure(new ApiError(415, 'UNSUPPORTED_MEDIA_TYPE', 'no'))).toEqual({
      permanent: true,
      message: 'Only PNG, JPEG, GIF and WebP images can go on the board.',
    });
    expect(describeFileFailure(new ApiError(403, 'FORBIDDEN', 'Observers cannot change the board.'))).toEqual({
      permanent: true,
      message: 'Observers cannot change the board.',
    });
    expect(describeFileFailure(new ApiError(0, 'NETWORK_ERROR', 'offline')).permanent).toBe(false);
    expect(describeFileFailure(new ApiError(503, 'SERVICE_UNAVAILABLE', 'down')).permanent).toBe(false);
    expect(describeFileFailure(new Error('boom')).permanent).toBe(false);
  });
});
