import type { BoardFileRecord } from './files';

/** A file as Excalidraw holds it (`BinaryFileData`): the bytes as a data URL. */
export interface EditorFile {
  id: string;
  mimeType: string;
  dataURL: string;
  created?: number;
}

/** The two REST calls, done by the app with its session (the library knows no HTTP). */
export interface FileTransport {
  /** Stores the file and returns the record to publish; rejects with whatever the app's client throws. */
  upload(file: EditorFile): Promise<BoardFileRecord>;
  /** The stored bytes of a published file as a data URL. */
  download(record: BoardFileRecord): Promise<string>;
}

/** What the file sync needs from the editor. */
export interface FileEditor {
  getFiles(): Readonly<Record<string, EditorFile>>;
  addFiles(files: EditorFile[]): void;
}

/** What the file sync needs from the binding to publish what it uploaded (absent for observers). */
export interface FilePublisher {
  unpublishedFileIds(): string[];
  publishFiles(records: readonly BoardFileRecord[]): void;
  reviseImages(fileIds: ReadonlySet<string>, change: 'saved' | 'removed'): number;
}

export interface FileFailure {
  message: string;
  /** Trying again cannot help (refused type, too large, not allowed): the image is taken off the board. */
  permanent: boolean;
}

export interface FileTransfer {
  id: string;
  direction: 'upload' | 'download';
  status: 'active' | 'failed';
  /** bytes, as far as known before the transfer ends */
  size: number;
  failure: FileFailure | null;
}

export interface FileSyncOptions {
  /** Turns a transport's rejection into words for people and whether a retry can help. */
  describeFailure(error: unknown): FileFailure;
}

/** The decoded size of a base64 data URL, without decoding it. */
export function dataUrlSize(dataURL: string): number {
  const comma = dataURL.indexOf(',');
  const payload = comma < 0 ? dataURL : dataURL.slice(comma + 1);
  if (!dataURL.slice(0, comma).endsWith(';base64')) return payload.length;
  const padding = payload.endsWith('==') ? 2 : payload.endsWith('=') ? 1 : 0;
  return Math.max(0, Math.floor((payload.length * 3) / 4) - padding);
}

/**
 * Moves images between the editor and the REST API around the board document. A new local image is
 * uploaded once, and only after the upload succeeded is its record written into `files`, so other
 * clients never find a record whose bytes do not exist. A record that appears (from someone else,
 * or from an earlier visit) is downloaded once and handed to the editor. Transfers in flight or
 * failed are listed for the room's UI; failed ones wait for `retry` or `dismiss`.
 */
export class BoardFileSync {
  private readonly transfers = new Map<string, FileTransfer>();
  /** Ids whose bytes the editor has or is getting; never downloaded again. */
  private readonly shown = new Set<string>();
  /** Records whose download failed, kept for a retry. */
  private readonly failedRecords = new Map<string, BoardFileRecord>();
  /** Failed uploads the person let go of; not tried again in this session. */
  private readonly dismissed = new Set<string>();
  private readonly listeners = new Set<() => void>();
  private snapshot: readonly FileTransfer[] = [];
  private destroyed = false;

  constructor(
    private readonly editor: FileEditor,
    private readonly transport: FileTransport,
    private readonly publisher: FilePublisher | null,
    private readonly options: FileSyncOptions,
  ) {}

  /** Call after the editor's files may have changed (its onChange): uploads images not yet published. */
  uploadNew(): void {
    if (this.destroyed || !this.publisher) return;
    const files = this.editor.getFiles();
    for (const id of this.publisher.unpublishedFileIds()) {
      const file = files[id];
      if (!file || this.transfers.has(id) || this.dismissed.has(id)) continue;
      this.shown.add(id);
      void this.upload(file);
    }
  }

  /** Records found in the document: fetches the bytes of those the editor does not have. */
  show(records: readonly BoardFileRecord[]): void {
    if (this.destroyed) return;
    const files = this.editor.getFiles();
    for (const record of records) {
      if (this.shown.has(record.id) || files[record.id]) continue;
      this.shown.add(record.id);
      void this.download(record);
    }
  }

  /** Tries a failed transfer again, unless retrying cannot help. */
  retry(id: string): void {
    const transfer = this.transfers.get(id);
    if (!transfer || transfer.status !== 'failed' || transfer.failure?.permanent) return;
    this.transfers.delete(id);
    this.shown.delete(id);
    this.changed();
    if (transfer.direction === 'upload') {
      this.uploadNew();
    } else {
      const record = this.failedRecords.get(id);
      this.failedRecords.delete(id);
      if (record) this.show([record]);
    }
  }

  /** Lets go of a failed transfer; a failed upload's image then stays on this screen only. */
  dismiss(id: string): void {
    const transfer = this.transfers.get(id);
    if (!transfer || transfer.status !== 'failed') return;
    if (transfer.direction === 'upload') this.dismissed.add(id);
    this.transfers.delete(id);
    this.changed();
  }

  getTransfers = (): readonly FileTransfer[] => this.snapshot;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  destroy(): void {
    this.destroyed = true;
    this.listeners.clear();
  }

  private async upload(file: EditorFile): Promise<void> {
    const size = dataUrlSize(file.dataURL);
    this.set({ id: file.id, direction: 'upload', status: 'active', size, failure: null });
    try {
      const record = await this.transport.upload(file);
      if (this.destroyed) return;
      this.publisher?.publishFiles([record]);
      this.publisher?.reviseImages(new Set([file.id]), 'saved');
      this.transfers.delete(file.id);
      this.changed();
    } catch (error) {
      if (this.destroyed) return;
      const failure = this.options.describeFailure(error);
      if (failure.permanent) this.publisher?.reviseImages(new Set([file.id]), 'removed');
      this.set({ id: file.id, direction: 'upload', status: 'failed', size, failure });
    }
  }

  private async download(record: BoardFileRecord): Promise<void> {
    this.set({ id: record.id, direction: 'download', status: 'active', size: record.size, failure: null });
    try {
      const dataURL = await this.transport.download(record);
      if (this.destroyed) return;
      this.editor.addFiles([{ id: record.id, mimeType: record.mimeType, dataURL, created: record.created }]);
      this.transfers.delete(record.id);
      this.changed();
    } catch (error) {
      if (this.destroyed) return;
      this.failedRecords.set(record.id, record);
      this.set({ id: record.id, direction: 'download', status: 'failed', size: record.size, failure: this.options.describeFailure(error) });
    }
  }

  private set(transfer: FileTransfer): void {
    this.transfers.set(transfer.id, transfer);
    this.changed();
  }

  private changed(): void {
    this.snapshot = [...this.transfers.values()];
    for (const listener of this.listeners) listener();
  }
}
