import { ContentService } from '../../src/core/content';
import { flushRedis, resetDatabase, startTestApp, TestApp } from '../support/test-app';
import { createInterview, signUp } from '../rooms/support/room-clients';
import { gifDeclaring, jpegDeclaring, pngDeclaring, webpDeclaring } from './image-fixtures';

describe('board images: declared pixel size', () => {
  let api: TestApp;

  beforeAll(async () => {
    await resetDatabase();
    await flushRedis();
    api = await startTestApp({ BOARD_IMAGE_MAX_SIDE: '8192', BOARD_IMAGE_MAX_PIXELS: '40000000' });
    await api.app.get(ContentService).seedBuiltIns();
  });
  afterAll(() => api.close());

  async function setUp() {
    const ivan = await signUp(api, 'Ivan');
    const interviewId = await createInterview(api, ivan, []);
    const upload = (fileId: string, bytes: Buffer) =>
      api.http
        .post(`/api/interviews/${interviewId}/files`)
        .set('Authorization', `Bearer ${ivan.token}`)
        .field('fileId', fileId)
        .attach('file', bytes, { filename: 'image', contentType: 'image/png' });
    return { upload };
  }

  it('refuses a small PNG declaring 100,000 × 100,000 pixels with 413 and the figures', async () => {
    const { upload } = await setUp();
    const bomb = pngDeclaring(100_000, 100_000, 51 * 1024);
    const response = await upload('bomb', bomb);
    expect(response.status).toBe(413);
    expect(response.body.error).toEqual({
      code: 'PAYLOAD_TOO_LARGE',
      message: 'This image is 100000 × 100000 pixels; the board takes at most 8192 pixels per side and 40 megapixels in all.',
      details: { width: 100_000, height: 100_000, maxSide: 8192, maxPixels: 40_000_000 },
    });
  });

  it('reads the size of every accepted type and bounds each side and the total', async () => {
    const { upload } = await setUp();
    expect((await upload('wide-gif', gifDeclaring(9000, 10))).status).toBe(413);
    expect((await upload('wide-jpeg', jpegDeclaring(9000, 10))).status).toBe(413);
    expect((await upload('wide-webp', webpDeclaring(9000, 10))).status).toBe(413);
    expect((await upload('many-pixels', pngDeclaring(8000, 6000))).status).toBe(413);
    for (const [id, bytes] of [
      ['edge-png', pngDeclaring(8192, 4096)],
      ['gif', gifDeclaring(640, 480)],
      ['jpeg', jpegDeclaring(1920, 1080)],
      ['webp', webpDeclaring(4000, 3000)],
    ] as const) {
      expect({ id, status: (await upload(id, bytes)).status }).toEqual({ id, status: 201 });
    }
  });

  it('refuses an image whose header cannot be read with 400', async () => {
    const { upload } = await setUp();
    const broken = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(40, 7)]);
    const response = await upload('broken', broken);
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('VALIDATION_FAILED');
  });
});
