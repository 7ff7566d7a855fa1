import * as Y from 'yjs';
import type { ExcalidrawElement } from './excalidraw-types';
import { cloneElement, elementsMap, isNewer, sameVersion } from './elements';
import { filesMap, isFileRecord, writeFiles, type BoardFileRecord } from './files';
import { inProgressElementIds, keepLocalReason, reconcileElements, type EditingState } from './reconcile';

/** What the binding needs from the editor; with Excalidraw each method is one call on its API. */
export interface SceneAdapter {
  /** Every element including deleted ones (`api.getSceneElementsIncludingDeleted()`). */
  getSceneElements(): readonly ExcalidrawElement[];
  /**
   * Replaces the scene's elements. Remote and undo results must stay out of the editor's own
   * history (`captureUpdate: CaptureUpdateAction.NEVER`).
   */
  updateScene(scene: { elements: readonly ExcalidrawElement[] }): void;
  getAppState(): EditingState;
  /** Files the editor already has, by id (`api.getFiles()`). */
  getFiles(): Readonly<Record<string, unknown>>;
  /** Records other clients published; the editor fetches each file's bytes and adds the image. */
  addFiles(records: readonly BoardFileRecord[]): void;
}

export interface BindingOptions {
  /** Changes closer together than this (ms) undo as one step. */
  captureTimeout?: number;
  /** Source of `versionNonce` for versions the binding creates itself (undo, redo). */
  randomNonce?: () => number;
}

export type HistoryListener = (state: { canUndo: boolean; canRedo: boolean }) => void;

const randomInteger = (): number => Math.floor(Math.random() * 2 ** 31);

function changedKeys(transaction: Y.Transaction, type: object): ReadonlySet<string | null> {
  for (const [changedType, keys] of transaction.changed) {
    if (changedType === type) return keys;
  }
  return new Set();
}

export class ExcalidrawYjsBinding {
  private readonly elements: Y.Map<ExcalidrawElement>;
  private readonly files: Y.Map<BoardFileRecord>;
  private readonly undoManager: Y.UndoManager;
  /** The document's value of every element as last seen, so a change is recognised by its version. */
  private readonly known = new Map<string, ExcalidrawElement>();
  /** Elements whose remote version waits until the user finishes changing them. */
  private readonly deferred = new Set<string>();
  private readonly surfacedFiles = new Set<string>();
  /**
   * Rewrites of the winning version after a concurrent write won inside Yjs; kept apart from the
   * user's origin so they are neither echoed nor undoable.
   */
  private readonly repairOrigin = { boardBindingRepair: true };
  private readonly randomNonce: () => number;
  private destroyed = false;

  constructor(
    private readonly doc: Y.Doc,
    private readonly scene: SceneAdapter,
    private readonly origin: object,
    options: BindingOptions = {},
  ) {
    this.elements = elementsMap(doc);
    this.files = filesMap(doc);
    this.randomNonce = options.randomNonce ?? randomInteger;
    this.undoManager = new Y.UndoManager(this.elements, {
      trackedOrigins: new Set([origin]),
      captureTimeout: options.captureTimeout ?? 500,
    });
    this.elements.observe(this.onElementsChanged);
    this.files.observe(this.onFilesChanged);
    // What the scene holds before the binding starts is not an undoable step.
    this.pullElements([...this.elements.keys()], this.repairOrigin);
    this.pushUnknownElements();
    this.surfaceFiles([...this.files.keys()]);
  }

  /** Call from Excalidraw's `onChange` with its elements (deleted ones included, as it passes them). */
  onChange(elements: readonly ExcalidrawElement[]): void {
    if (this.destroyed) return;
    const changed = elements.filter((element) => isNewer(element, this.known.get(element.id)));
    if (changed.length > 0) this.write(changed, this.origin);
    this.settleDeferred(elements);
  }

  undo(): boolean {
    return this.travel('undo');
  }

  redo(): boolean {
    return this.travel('redo');
  }

  canUndo(): boolean {
    return this.undoManager.canUndo();
  }

  canRedo(): boolean {
    return this.undoManager.canRedo();
  }

  /** Makes the next change a separate undo step, e.g. on pointer up. */
  stopCapturing(): void {
    this.undoManager.stopCapturing();
  }

  /** Called whenever undo or redo availability may have changed; returns the unsubscribe. */
  onHistoryChange(listener: HistoryListener): () => void {
    const notify = () => listener({ canUndo: this.canUndo(), canRedo: this.canRedo() });
    const events = ['stack-item-added', 'stack-item-popped', 'stack-cleared'] as const;
    for (const event of events) this.undoManager.on(event, notify);
    return () => {
      for (const event of events) this.undoManager.off(event, notify);
    };
  }

  /** Publishes records of images this client uploaded; ids already present are left alone. */
  publishFiles(records: readonly BoardFileRecord[]): void {
    if (this.destroyed) return;
    for (const record of records) this.surfacedFiles.add(record.id);
    writeFiles(this.doc, records, this.origin);
  }

  /**
   * Gives every image element showing one of `fileIds` a new version with `change`: `saved` once
   * its file is uploaded (the status Excalidraw's collaboration uses), `removed` when the upload was
   * refused for good, so nobody is left looking at a placeholder. Not an undoable step. Returns how
   * many elements changed.
   */
  reviseImages(fileIds: ReadonlySet<string>, change: 'saved' | 'removed'): number {
    if (this.destroyed || fileIds.size === 0) return 0;
    const updated = Date.now();
    const revised: ExcalidrawElement[] = [];
    const scene = this.scene.getSceneElements().map((element) => {
      if (element.type !== 'image' || element.isDeleted || element.fileId === null || !fileIds.has(element.fileId)) return element;
      if (change === 'saved' && element.status === 'saved') return element;
      const fields = change === 'saved' ? { status: 'saved' as const } : { isDeleted: true };
      const next = { ...this.newVersionOf(element, this.known.get(element.id), updated), ...fields } as ExcalidrawElement;
      revised.push(next);
      return next;
    });
    if (revised.length === 0) return 0;
    this.write(revised, this.repairOrigin);
    this.scene.updateScene({ elements: scene });
    return revised.length;
  }

  /** Ids of files the editor has but the document does not: the images still to upload. */
  unpublishedFileIds(): string[] {
    return Object.keys(this.scene.getFiles()).filter((id) => !this.files.has(id));
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.elements.unobserve(this.onElementsChanged);
    this.files.unobserve(this.onFilesChanged);
    this.undoManager.destroy();
  }

  private readonly onElementsChanged = (event: Y.YMapEvent<ExcalidrawElement>, transaction: Y.Transaction): void => {
    if (transaction.origin === this.origin || transaction.origin === this.repairOrigin) return;
    this.pullElements(event.keysChanged);
  };

  private readonly onFilesChanged = (event: Y.YMapEvent<BoardFileRecord>, transaction: Y.Transaction): void => {
    if (transaction.origin === this.origin) return;
    this.surfaceFiles(event.keysChanged);
  };

  /** Stores copies and records them as known first, so the scene's next onChange finds nothing new. */
  private write(elements: readonly ExcalidrawElement[], origin: unknown): void {
    this.doc.transact(() => {
      for (const element of elements) {
        const stored = cloneElement(element);
        this.known.set(stored.id, stored);
        this.elements.set(stored.id, stored);
      }
    }, origin);
  }

  private pullElements(ids: Iterable<string>, unsentOrigin: unknown = this.origin): void {
    const previous = new Map<string, ExcalidrawElement | undefined>();
    const incoming: ExcalidrawElement[] = [];
    const removed = new Set<string>();
    for (const id of ids) {
      previous.set(id, this.known.get(id));
      const value = this.elements.get(id);
      if (value === undefined) {
        // Only a writer other than this library deletes keys; the element leaves the scene.
        this.known.delete(id);
        this.deferred.delete(id);
        removed.add(id);
      } else {
        this.known.set(id, value);
        incoming.push(value);
      }
    }
    if (incoming.length === 0 && removed.size === 0) return;

    const scene = this.scene.getSceneElements();
    const appState = this.scene.getAppState();
    const inProgress = inProgressElementIds(appState);
    const sceneById = new Map(scene.map((element) => [element.id, element]));
    const unsent: ExcalidrawElement[] = [];
    const repairs: ExcalidrawElement[] = [];
    let sceneChanges = scene.some((element) => removed.has(element.id));
    for (const value of incoming) {
      const local = sceneById.get(value.id);
      const reason = keepLocalReason(local, value, inProgress);
      if (reason === 'in-progress' && !sameVersion(value, local)) this.deferred.add(value.id);
      else this.deferred.delete(value.id);
      if (reason !== null && local && isNewer(local, value)) {
        // A local change not written yet belongs to the user; an older write that lost inside Yjs is a repair.
        (isNewer(local, previous.get(value.id)) ? unsent : repairs).push(local);
      }
      if (reason === null && !sameVersion(value, local)) sceneChanges = true;
    }
    if (unsent.length > 0) this.write(unsent, unsentOrigin);
    if (repairs.length > 0) this.write(repairs, this.repairOrigin);
    if (sceneChanges) {
      const base = removed.size > 0 ? scene.filter((element) => !removed.has(element.id)) : scene;
      this.scene.updateScene({ elements: reconcileElements(base, incoming.map(cloneElement), appState) });
    }
  }

  /** Scene elements the document lacks: drawn before the binding started. */
  private pushUnknownElements(): void {
    const unknown = this.scene.getSceneElements().filter((element) => isNewer(element, this.known.get(element.id)));
    if (unknown.length > 0) this.write(unknown, this.repairOrigin);
  }

  /** Once the user lets go of an element, a newer document version held back meanwhile is shown. */
  private settleDeferred(elements: readonly ExcalidrawElement[]): void {
    if (this.deferred.size === 0) return;
    const appState = this.scene.getAppState();
    const inProgress = inProgressElementIds(appState);
    const sceneById = new Map(elements.map((element) => [element.id, element]));
    const waiting: ExcalidrawElement[] = [];
    for (const id of [...this.deferred]) {
      if (inProgress.has(id)) continue;
      this.deferred.delete(id);
      const value = this.known.get(id);
      if (value && isNewer(value, sceneById.get(id))) waiting.push(cloneElement(value));
    }
    if (waiting.length > 0) this.scene.updateScene({ elements: reconcileElements(elements, waiting, appState) });
  }

  /**
   * Yjs undo restores an element's older content, older `version` included, which every client's
   * reconcile would reject. Each restored element therefore gets a version above the one it replaces,
   * written inside the undo's own transaction so that redo covers it too; an element whose creation
   * is undone becomes a tombstone instead of a missing key.
   */
  private travel(direction: 'undo' | 'redo'): boolean {
    if (this.destroyed) return false;
    const manager = this.undoManager;
    let applied = false;
    try {
      this.doc.transact((transaction) => {
        applied = (direction === 'undo' ? manager.undo() : manager.redo()) !== null;
        if (!applied) return;
        this.bumpRestored(transaction);
        // The manager files a transaction on the opposite stack only while this flag is set, and it
        // clears the flag before this enclosing transaction ends.
        if (direction === 'undo') manager.undoing = true;
        else manager.redoing = true;
      }, manager);
    } finally {
      manager.undoing = false;
      manager.redoing = false;
    }
    return applied;
  }

  private bumpRestored(transaction: Y.Transaction): void {
    const updated = Date.now();
    const firstOwnClock = transaction.beforeState.get(this.doc.clientID) ?? 0;
    for (const key of changedKeys(transaction, this.elements)) {
      if (key === null) continue;
      const replaced = this.known.get(key);
      const restored = this.elements.get(key);
      if (restored === undefined) {
        if (replaced) this.elements.set(key, this.newVersionOf({ ...replaced, isDeleted: true }, replaced, updated));
        continue;
      }
      const bumped = this.newVersionOf(restored, replaced, updated);
      // The undo created this item in this very transaction. Its content is swapped rather than a new
      // value set, because Yjs finds the element again on a later undo by following that item
      // (`_map` and `content` are Yjs internals; the undo/redo tests pin this behaviour).
      const item = this.elements._map.get(key);
      if (item && item.id.client === this.doc.clientID && item.id.clock >= firstOwnClock && item.content instanceof Y.ContentAny) {
        item.content = new Y.ContentAny([bumped]);
      } else {
        this.elements.set(key, bumped);
      }
    }
  }

  private newVersionOf(
    element: ExcalidrawElement,
    replaced: ExcalidrawElement | undefined,
    updated: number,
  ): ExcalidrawElement {
    const version = Math.max(element.version, replaced?.version ?? 0) + 1;
    return { ...cloneElement(element), version, versionNonce: this.randomNonce(), updated };
  }

  private surfaceFiles(ids: Iterable<string>): void {
    const present = this.scene.getFiles();
    const records: BoardFileRecord[] = [];
    for (const id of ids) {
      const record = this.files.get(id);
      if (this.surfacedFiles.has(id) || id in present || !isFileRecord(record)) continue;
      this.surfacedFiles.add(id);
      records.push(record);
    }
    if (records.length > 0) this.scene.addFiles(records);
  }
}
