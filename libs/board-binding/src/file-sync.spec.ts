import type { BoardFileRecord } from '@pairboard/contracts';
import { filesMap, readFiles } from './files';
import { BoardFileSync, dataUrlSize, type EditorFile, type FileEditor, type FileFailure } from './file-sync';
import { createPeer, link, type Peer } from './test-support/peers';

const PNG_URL = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';
const FILE: EditorFile = { id: 'f1', mimeType: 'image/png', dataURL: PNG_URL, created: 5 };
const RECORD: BoardFileRecord = { id: 'f1', mimeType: 'image/png', size: 70, created: 1_000 };

class Refused extends Error {
  constructor(readonly permanent: boolean) {
    super(permanent ? 'Only PNG, JPEG, GIF and WebP images can be put on the board.' : 'Pairboard could not be reached.');
  }
}
const describeFailure = (error: unknown): FileFailure =>
  error instanceof Refused ? { message: error.message, permanent: error.permanent } : { message: String(error), permanent: false };

/** A promise settled from outside, to hold a transfer in flight. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((ok, fail) => {
    resolve = ok;
    reject = fail;
  });
  return { promise, resolve, reject };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

function editorOf(peer: Peer): FileEditor & { added: EditorFile[] } {
  const added: EditorFile[] = [];
  return {
    added,
    getFiles: () => peer.scene.files as unknown as Record<string, EditorFile>,
    addFiles: (files) => {
      added.push(...files);
      for (const file of files) (peer.scene.files as Record<string, unknown>)[file.id] = file;
    },
  };
}

/** Two linked peers with a file sync each, their transports answered by hand. */
function setup() {
  const a = createPeer('a');
  const b = createPeer('b');
  link(a, b);
  const uploads: { file: EditorFile; answer: ReturnType<typeof deferred<BoardFileRecord>> }[] = [];
  const downloads: { record: BoardFileRecord; answer: ReturnType<typeof deferred<string>> }[] = [];
  const transport = {
    upload: (file: EditorFile) => {
      const answer = deferred<BoardFileRecord>();
      uploads.push({ file, answer });
      return answer.promise;
    },
    download: (record: BoardFileRecord) => {
      const answer = deferred<string>();
      downloads.push({ record, answer });
      return answer.promise;
    },
  };
  const editorA = editorOf(a);
  const editorB = editorOf(b);
  const syncA = new BoardFileSync(editorA, transport, a.binding, { describeFailure });
  const syncB = new BoardFileSync(editorB, transport, b.binding, { describeFailure });
  // The room wires remote records to `show` through the scene adapter's addFiles.
  b.scene.addFiles = (records) => syncB.show(records);
  a.scene.addFiles = (records) => syncA.show(records);
  return { a, b, syncA, syncB, editorA, editorB, uploads, downloads };
}

/** The person puts an image on a's board: Excalidraw adds the file and a pending image element. */
function insertImage(peer: Peer) {
  (peer.scene.files as Record<string, unknown>)[FILE.id] = FILE;
  return peer.scene.add({ type: 'image', fileId: FILE.id, status: 'pending', index: 'a0' } as never);
}

const imageOn = (peer: Peer, id: string) => peer.scene.find(id) as unknown as { status: string; isDeleted: boolean; version: number };

describe('BoardFileSync', () => {
  it('uploads a new image once, publishes its record only after the upload, and the other side loads it', async () => {
    const { a, b, syncA, editorB, uploads, downloads } = setup();
    const image = insertImage(a);
    syncA.uploadNew();
    syncA.uploadNew();
    expect(uploads.map((upload) => upload.file.id)).toEqual(['f1']);
    expect(syncA.getTransfers()).toEqual([{ id: 'f1', direction: 'upload', status: 'active', size: 70, failure: null }]);
    // The element travels at once; the record does not, so nobody fetches bytes that are not stored yet.
    expect(b.scene.find(image.id)).toBeDefined();
    expect(filesMap(b.doc).size).toBe(0);
    expect(downloads).toHaveLength(0);

    uploads[0].answer.resolve(RECORD);
    await flush();
    expect(readFiles(b.doc)).toEqual([RECORD]);
    expect(syncA.getTransfers()).toEqual([]);
    expect(imageOn(a, image.id).status).toBe('saved');
    expect(imageOn(b, image.id).status).toBe('saved');
    expect(imageOn(b, image.id).version).toBe(imageOn(a, image.id).version);

    expect(downloads.map((download) => download.record)).toEqual([RECORD]);
    downloads[0].answer.resolve(PNG_URL);
    await flush();
    expect(editorB.added).toEqual([{ id: 'f1', mimeType: 'image/png', dataURL: PNG_URL, created: 1_000 }]);
    syncA.uploadNew();
    expect(uploads).toHaveLength(1);
  });

  it('keeps an image whose upload failed for a moment unpublished until a retry succeeds', async () => {
    const { a, b, syncA, uploads } = setup();
    const image = insertImage(a);
    syncA.uploadNew();
    uploads[0].answer.reject(new Refused(false));
    await flush();
    expect(syncA.getTransfers()).toEqual([
      { id: 'f1', direction: 'upload', status: 'failed', size: 70, failure: { message: 'Pairboard could not be reached.', permanent: false } },
    ]);
    expect(filesMap(b.doc).size).toBe(0);
    expect(imageOn(b, image.id).isDeleted).toBe(false);
    syncA.uploadNew();
    expect(uploads).toHaveLength(1);

    syncA.retry('f1');
    expect(uploads).toHaveLength(2);
    uploads[1].answer.resolve(RECORD);
    await flush();
    expect(readFiles(b.doc)).toEqual([RECORD]);
    expect(syncA.getTransfers()).toEqual([]);
  });

  it('takes an image the server refuses off every board and does not try it again', async () => {
    const { a, b, syncA, uploads } = setup();
    const image = insertImage(a);
    syncA.uploadNew();
    uploads[0].answer.reject(new Refused(true));
    await flush();
    expect(imageOn(a, image.id).isDeleted).toBe(true);
    expect(imageOn(b, image.id).isDeleted).toBe(true);
    expect(filesMap(b.doc).size).toBe(0);
    expect(syncA.getTransfers()[0]).toMatchObject({ status: 'failed', failure: { permanent: true } });

    syncA.retry('f1');
    expect(uploads).toHaveLength(1);
    syncA.dismiss('f1');
    expect(syncA.getTransfers()).toEqual([]);
    syncA.uploadNew();
    expect(uploads).toHaveLength(1);
  });

  it('loads records already in the document once, and retries a failed download on request', async () => {
    const { b, syncB, editorB, downloads } = setup();
    const changes = jest.fn();
    syncB.subscribe(changes);
    syncB.show([RECORD]);
    syncB.show([RECORD]);
    expect(downloads).toHaveLength(1);
    downloads[0].answer.reject(new Refused(false));
    await flush();
    expect(syncB.getTransfers()).toEqual([
      { id: 'f1', direction: 'download', status: 'failed', size: 70, failure: { message: 'Pairboard could not be reached.', permanent: false } },
    ]);
    syncB.retry('f1');
    expect(downloads).toHaveLength(2);
    downloads[1].answer.resolve(PNG_URL);
    await flush();
    expect(editorB.added.map((file) => file.id)).toEqual(['f1']);
    expect(b.scene.files['f1']).toBeDefined();
    expect(syncB.getTransfers()).toEqual([]);
    expect(changes).toHaveBeenCalled();
  });

  it('never uploads for a reader without a publisher', () => {
    const { a, uploads } = setup();
    const reader = new BoardFileSync(editorOf(a), { upload: jest.fn(), download: jest.fn() }, null, { describeFailure });
    insertImage(a);
    reader.uploadNew();
    expect(uploads).toHaveLength(0);
  });
});

describe('dataUrlSize', () => {
  it('tells the decoded size of base64 data URLs', () => {
    expect(dataUrlSize(PNG_URL)).toBe(70);
    expect(dataUrlSize('data:image/png;base64,QUJD')).toBe(3);
    expect(dataUrlSize('data:image/png;base64,QUI=')).toBe(2);
    expect(dataUrlSize('data:image/png;base64,QQ==')).toBe(1);
  });
});
