import type { FractionalIndex } from '@excalidraw/excalidraw/element/types' with { 'resolution-mode': 'import' };
import type { ExcalidrawImperativeAPI } from '@excalidraw/excalidraw/types' with { 'resolution-mode': 'import' };
import * as Y from 'yjs';
import { elementsMap, elementsToYjsUpdate, readElements, writeElements } from './elements';
import { excalidrawSceneAdapter } from './excalidraw-adapter';
import { readFiles, writeFiles } from './files';
import { makeElement } from './test-support/fake-scene';

const at = (index: string) => index as FractionalIndex;

describe('document helpers', () => {
  it('reads the board in z-order, with or without tombstones', () => {
    const doc = new Y.Doc();
    writeElements(doc, [
      makeElement({ id: 'top', index: at('a2') }),
      makeElement({ id: 'gone', index: at('a1'), isDeleted: true }),
      makeElement({ id: 'bottom', index: at('a0') }),
    ]);
    expect(readElements(doc).map((element) => element.id)).toEqual(['bottom', 'gone', 'top']);
    expect(readElements(doc, { includeDeleted: false }).map((element) => element.id)).toEqual(['bottom', 'top']);
  });

  it('writes only elements newer than the stored ones, in one transaction', () => {
    const doc = new Y.Doc();
    writeElements(doc, [makeElement({ id: 'x', version: 3, x: 1 })]);
    let transactions = 0;
    doc.on('afterTransaction', () => (transactions += 1));

    const written = writeElements(doc, [makeElement({ id: 'x', version: 2, x: 2 }), makeElement({ id: 'y' })], 'import');

    expect(written).toBe(1);
    expect(transactions).toBe(1);
    expect(elementsMap(doc).get('x')?.x).toBe(1);
  });

  it('encodes a whole board as one update', () => {
    const record = { id: 'f', mimeType: 'image/png' as const, size: 68, created: 1 };
    const update = elementsToYjsUpdate([makeElement({ id: 'x', index: at('a0') })], [record]);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, update);
    expect(readElements(doc).map((element) => element.id)).toEqual(['x']);
    expect(readFiles(doc)).toEqual([record]);
    expect(writeFiles(doc, [record])).toBe(0);
  });
});

describe('excalidrawSceneAdapter', () => {
  it('maps the adapter onto the imperative API and keeps remote scenes out of its history', () => {
    const elements = [makeElement({ id: 'x' })];
    const api = {
      getSceneElementsIncludingDeleted: jest.fn(() => elements),
      updateScene: jest.fn(),
      getAppState: jest.fn(() => ({ selectedElementIds: {} })),
      getFiles: jest.fn(() => ({})),
    };
    const onRemoteFiles = jest.fn();
    const adapter = excalidrawSceneAdapter(api as unknown as ExcalidrawImperativeAPI, onRemoteFiles);

    expect(adapter.getSceneElements()).toBe(elements);
    adapter.updateScene({ elements });
    expect(api.updateScene).toHaveBeenCalledWith({ elements, captureUpdate: 'NEVER' });
    adapter.addFiles([]);
    expect(onRemoteFiles).toHaveBeenCalledWith([]);
  });
});
