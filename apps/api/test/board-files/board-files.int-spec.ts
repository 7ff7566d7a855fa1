import { createHash } from 'node:crypto';
import { acceptInvitations, markEmailVerified } from '../support/accounts';
import { resetDatabase, startTestApp, TestApp, uniqueEmail } from '../support/test-app';

const PASSWORD = 'correct horse battery staple';
/** Small enough that the tests can cross it cheaply. */
const LIMIT = 64 * 1024;
/** Per interview: three images at the limit, or five images, whichever comes first. */
const QUOTA_BYTES = 3 * LIMIT;
const QUOTA_FILES = 5;
/** A real 1×1 PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
const GIF = Buffer.concat([Buffer.from('GIF89a'), Buffer.alloc(20, 1)]);

/** An image of exactly `size` bytes that starts like a PNG (signature and header: 1 × 1 pixels). */
function pngOfSize(size: number): Buffer {
  const bytes = Buffer.alloc(size, 7);
  PNG.copy(bytes, 0, 0, 33);
  return bytes;
}

describe('images on the board over REST', () => {
  let api: TestApp;

  beforeAll(async () => {
    api = await startTestApp({
      BOARD_FILE_MAX_BYTES: String(LIMIT),
      BOARD_FILES_MAX_BYTES_PER_INTERVIEW: String(QUOTA_BYTES),
      BOARD_FILES_MAX_PER_INTERVIEW: String(QUOTA_FILES),
    });
  });
  afterAll(() => api.close());
  beforeEach(() => resetDatabase());

  async function signUp(name: string) {
    const email = uniqueEmail(name.toLowerCase());
    const response = await api.http.post('/api/auth/register').send({ email, password: PASSWORD, name }).expect(201);
    await markEmailVerified(response.body.user.id);
    return { email, auth: `Bearer ${response.body.accessToken as string}` };
  }

  /** An interview with an interviewer, a candidate, an observer, and someone who is not invited. */
  async function interview() {
    const [ivan, cara, olga, eve] = await Promise.all([signUp('Ivan'), signUp('Cara'), signUp('Olga'), signUp('Eve')]);
    const created = await api.http
      .post('/api/interviews')
      .set('Authorization', ivan.auth)
      .send({ invite: [{ email: cara.email, role: 'candidate' }, { email: olga.email, role: 'observer' }] })
      .expect(201);
    await acceptInvitations(api.http, created.body.id, [cara.auth, olga.auth]);
    return { id: created.body.id as string, ivan, cara, olga, eve };
  }

  const upload = (interviewId: string, auth: string | null, fileId: string, bytes: Buffer, filename = 'image.png') => {
    const call = api.http.post(`/api/interviews/${interviewId}/files`);
    if (auth) call.set('Authorization', auth);
    return call.field('fileId', fileId).attach('file', bytes, { filename, contentType: 'image/png' });
  };

  /** Binary response bodies as a Buffer (supertest leaves image bodies unparsed otherwise). */
  const download = (interviewId: string, auth: string | null, fileId: string) => {
    const call = api.http.get(`/api/interviews/${interviewId}/files/${fileId}`);
    if (auth) call.set('Authorization', auth);
    return call.buffer(true).parse((response, done) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => done(null, Buffer.concat(chunks)));
    });
  };

  it('stores an image from the candidate and serves the same bytes to every participant', async () => {
    const { id, ivan, cara, olga } = await interview();
    const before = Date.now();
    const stored = await upload(id, cara.auth, 'f'.repeat(40), PNG).expect(201);
    expect(stored.body).toEqual({ id: 'f'.repeat(40), mimeType: 'image/png', size: PNG.length, created: expect.any(Number) });
    expect(stored.body.created).toBeGreaterThanOrEqual(before - 1000);

    for (const reader of [ivan, cara, olga]) {
      const response = await download(id, reader.auth, 'f'.repeat(40)).expect(200);
      expect(response.headers['content-type']).toBe('image/png');
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['cache-control']).toBe('private, max-age=31536000, immutable');
      expect(response.headers['etag']).toBe(`"${createHash('sha256').update(PNG).digest('hex')}"`);
      expect(Buffer.compare(response.body as Buffer, PNG)).toBe(0);
    }
  });

  it('takes the type from the bytes, not from the name or the declared type', async () => {
    const { id, ivan } = await interview();
    const stored = await upload(id, ivan.auth, 'gif-named-png', GIF, 'photo.png').expect(201);
    expect(stored.body.mimeType).toBe('image/gif');
    const response = await download(id, ivan.auth, 'gif-named-png').expect(200);
    expect(response.headers['content-type']).toBe('image/gif');
  });

  it('answers a repeated upload with the record already stored, and refuses other bytes under a taken id', async () => {
    const { id, ivan, cara } = await interview();
    const first = await upload(id, ivan.auth, 'same', PNG).expect(201);
    const again = await upload(id, cara.auth, 'same', PNG).expect(200);
    expect(again.body).toEqual(first.body);
    const conflict = await upload(id, cara.auth, 'same', GIF).expect(409);
    expect(conflict.body.error.code).toBe('CONFLICT');
    const served = await download(id, ivan.auth, 'same').expect(200);
    expect(Buffer.compare(served.body as Buffer, PNG)).toBe(0);
  });

  it('accepts an image of exactly the limit and refuses one byte more with 413', async () => {
    const { id, ivan } = await interview();
    await upload(id, ivan.auth, 'at-limit', pngOfSize(LIMIT)).expect(201);
    const over = await upload(id, ivan.auth, 'over-limit', pngOfSize(LIMIT + 1)).expect(413);
    expect(over.body).toEqual({ error: { code: 'PAYLOAD_TOO_LARGE', message: expect.any(String) } });
    await download(id, ivan.auth, 'over-limit').expect(404);
  });

  it('holds each interview to its quota of image bytes, still answering a repeat of a stored image', async () => {
    const [full, other] = [await interview(), await interview()];
    for (const name of ['one', 'two', 'three']) await upload(full.id, full.ivan.auth, name, pngOfSize(LIMIT)).expect(201);
    const over = await upload(full.id, full.cara.auth, 'four', PNG).expect(413);
    expect(over.body.error).toEqual({
      code: 'PAYLOAD_TOO_LARGE',
      message: expect.stringContaining("past 0.2 MiB; it already holds 0.2 MiB"),
      details: { maxBytes: QUOTA_BYTES, usedBytes: QUOTA_BYTES, maxFiles: QUOTA_FILES, files: 3 },
    });
    await download(full.id, full.ivan.auth, 'four').expect(404);
    // Someone re-sending an image the board already has is not refused, and other interviews are untouched.
    await upload(full.id, full.cara.auth, 'one', pngOfSize(LIMIT)).expect(200);
    await upload(other.id, other.ivan.auth, 'four', PNG).expect(201);
  });

  it('holds each interview to its number of images', async () => {
    const { id, ivan } = await interview();
    for (let i = 0; i < QUOTA_FILES; i++) await upload(id, ivan.auth, `small-${i}`, PNG).expect(201);
    const over = await upload(id, ivan.auth, 'one-too-many', PNG).expect(413);
    expect(over.body.error).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', message: `This board already holds ${QUOTA_FILES} images, the most one interview may have.` });
  });

  it('lets no two uploads at once squeeze past the quota together', async () => {
    const { id, ivan } = await interview();
    const statuses = await Promise.all(Array.from({ length: 6 }, (_, i) => upload(id, ivan.auth, `racing-${i}`, pngOfSize(LIMIT)).then((response) => response.status)));
    expect(statuses.filter((status) => status === 201)).toHaveLength(3);
    expect(statuses.filter((status) => status === 413)).toHaveLength(3);
  });

  it('refuses SVG and anything that is not one of the four image types, whatever its name', async () => {
    const { id, ivan } = await interview();
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    const text = Buffer.from('plain text pretending to be a picture');
    for (const [bytes, name] of [[svg, 'drawing.svg'], [text, 'holiday.png']] as const) {
      const response = await upload(id, ivan.auth, 'not-an-image', bytes, name).expect(415);
      expect(response.body.error).toEqual({
        code: 'UNSUPPORTED_MEDIA_TYPE',
        message: expect.stringContaining('PNG, JPEG, GIF and WebP'),
        details: { accepted: ['image/png', 'image/jpeg', 'image/gif', 'image/webp'] },
      });
    }
    await download(id, ivan.auth, 'not-an-image').expect(404);
  });

  it('validates the upload itself: file id, missing or empty file', async () => {
    const { id, ivan } = await interview();
    const badId = await upload(id, ivan.auth, '../../etc/passwd', PNG).expect(400);
    expect(badId.body.error).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ path: 'fileId', message: expect.any(String) }] });
    const noFile = await api.http.post(`/api/interviews/${id}/files`).set('Authorization', ivan.auth).field('fileId', 'abc').expect(400);
    expect(noFile.body.error).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ path: 'file', message: 'Required' }] });
    const empty = await upload(id, ivan.auth, 'abc', Buffer.alloc(0)).expect(400);
    expect(empty.body.error.code).toBe('VALIDATION_FAILED');
    const json = await api.http.post(`/api/interviews/${id}/files`).set('Authorization', ivan.auth).send({ fileId: 'abc' }).expect(400);
    expect(json.body.error.code).toBe('VALIDATION_FAILED');
  });

  it('lets observers read but not upload, and hides the board from everyone else', async () => {
    const { id, ivan, olga, eve } = await interview();
    await upload(id, ivan.auth, 'pic', PNG).expect(201);

    const observer = await upload(id, olga.auth, 'mine', PNG).expect(403);
    expect(observer.body.error.code).toBe('FORBIDDEN');
    await download(id, olga.auth, 'mine').expect(404);
    await download(id, olga.auth, 'pic').expect(200);

    const outsider = await upload(id, eve.auth, 'theirs', PNG).expect(404);
    expect(outsider.body.error.code).toBe('NOT_FOUND');
    const peek = await download(id, eve.auth, 'pic').expect(404);
    expect(peek.headers['content-type']).toMatch(/^application\/json/);
    await upload('not-a-uuid', ivan.auth, 'pic', PNG).expect(404);
    await download('7d0c4a52-6a55-4a53-9b8e-4c1f1f7f0d11', ivan.auth, 'pic').expect(404);
  });

  it('requires a signed-in user for both', async () => {
    const { id, ivan } = await interview();
    await upload(id, ivan.auth, 'pic', PNG).expect(201);
    const anonymousUpload = await upload(id, null, 'pic', PNG).expect(401);
    expect(anonymousUpload.body.error.code).toBe('UNAUTHORIZED');
    await download(id, null, 'pic').expect(401);
    await download(id, 'Bearer not-a-token', 'pic').expect(401);
  });
});
