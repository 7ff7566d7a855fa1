import type { SceneAdapter } from '../binding';
import { orderByIndex } from '../elements';
import type { ExcalidrawElement } from '../excalidraw-types';
import type { BoardFileRecord } from '../files';
import type { EditingState } from '../reconcile';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Small deterministic generator (mulberry32) so property test failures replay exactly. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function nonceSource(random: () => number): () => number {
  return () => Math.floor(random() * 2 ** 31);
}

export function makeElement(fields: Partial<Mutable<ExcalidrawElement>> & { id: string }): ExcalidrawElement {
  return {
    type: 'rectangle',
    x: 0,
    y: 0,
    strokeColor: '#1e1e1e',
    backgroundColor: 'transparent',
    fillStyle: 'solid',
    strokeWidth: 2,
    strokeStyle: 'solid',
    roundness: null,
    roughness: 1,
    opacity: 100,
    width: 100,
    height: 50,
    angle: 0,
    seed: 1,
    version: 1,
    versionNonce: 1,
    index: null,
    isDeleted: false,
    groupIds: [],
    frameId: null,
    boundElements: null,
    updated: 1,
    link: null,
    locked: false,
    ...fields,
  } as ExcalidrawElement;
}

/**
 * Stands in for Excalidraw: holds the elements in z-order, changes them in place the way
 * `mutateElement` does (version + 1, fresh nonce) and reports every change through `onChange`,
 * including after `updateScene`, as the editor's onChange would.
 */
export class FakeScene implements SceneAdapter {
  elements: ExcalidrawElement[] = [];
  appState: EditingState = {};
  files: Record<string, BoardFileRecord> = {};
  readonly sceneUpdates: Array<{ elements: readonly ExcalidrawElement[] }> = [];
  readonly addedFiles: BoardFileRecord[] = [];
  onChange: ((elements: readonly ExcalidrawElement[]) => void) | null = null;
  private nextId = 0;

  constructor(
    private readonly name = 'scene',
    private readonly nonce: () => number = nonceSource(Math.random),
  ) {}

  getSceneElements(): readonly ExcalidrawElement[] {
    return this.elements;
  }

  updateScene(scene: { elements: readonly ExcalidrawElement[] }): void {
    this.sceneUpdates.push(scene);
    this.elements = [...scene.elements];
    this.emit();
  }

  getAppState(): EditingState {
    return this.appState;
  }

  getFiles(): Readonly<Record<string, unknown>> {
    return this.files;
  }

  addFiles(records: readonly BoardFileRecord[]): void {
    this.addedFiles.push(...records);
    for (const record of records) this.files[record.id] = record;
  }

  find(id: string): ExcalidrawElement | undefined {
    return this.elements.find((element) => element.id === id);
  }

  add(fields: Partial<Mutable<ExcalidrawElement>> = {}): ExcalidrawElement {
    this.nextId += 1;
    const element = makeElement({ id: `${this.name}-${this.nextId}`, versionNonce: this.nonce(), ...fields });
    this.elements = orderByIndex([...this.elements, element]);
    this.emit();
    return element;
  }

  mutate(id: string, changes: Partial<Mutable<ExcalidrawElement>>): void {
    const element = this.find(id) as Mutable<ExcalidrawElement> | undefined;
    if (!element) throw new Error(`no element ${id}`);
    Object.assign(element, changes, {
      version: element.version + 1,
      versionNonce: this.nonce(),
      updated: element.updated + 1,
    });
    if ('index' in changes) this.elements = orderByIndex(this.elements);
    this.emit();
  }

  setAppState(appState: EditingState): void {
    this.appState = appState;
    this.emit();
  }

  emit(): void {
    this.onChange?.(this.elements);
  }
}
