import type { FractionalIndex } from '@excalidraw/excalidraw/element/types' with { 'resolution-mode': 'import' };
import type { AppState } from '@excalidraw/excalidraw/types' with { 'resolution-mode': 'import' };
import fc from 'fast-check';
import type { ExcalidrawElement } from './excalidraw-types';
import { orderByIndex } from './elements';
import { inProgressElementIds, reconcileElements } from './reconcile';
import { makeElement } from './test-support/fake-scene';

const at = (index: string) => index as FractionalIndex;
const el = (id: string, version: number, versionNonce: number, index: string | null = 'a0') =>
  makeElement({ id, version, versionNonce, index: index === null ? null : at(index) });

describe('reconcileElements', () => {
  it('takes the higher version from either side', () => {
    const result = reconcileElements([el('x', 3, 1), el('y', 1, 1, 'a1')], [el('x', 2, 1), el('y', 2, 1, 'a1')], {});
    expect(result.map(({ id, version }) => ({ id, version }))).toEqual([
      { id: 'x', version: 3 },
      { id: 'y', version: 2 },
    ]);
  });

  it('breaks a version tie with the lower nonce, whichever side it is on', () => {
    const low = el('x', 4, 10);
    const high = el('x', 4, 20);
    expect(reconcileElements([low], [high], {})[0]).toBe(low);
    expect(reconcileElements([high], [low], {})[0]).toBe(low);
  });

  it('picks the same winner whichever side is local (property)', () => {
    const versions = fc.record({ version: fc.integer({ min: 1, max: 5 }), nonce: fc.integer({ min: 0, max: 5 }) });
    fc.assert(
      fc.property(versions, versions, (a, b) => {
        fc.pre(a.version !== b.version || a.nonce !== b.nonce);
        const one = el('x', a.version, a.nonce);
        const other = el('x', b.version, b.nonce);
        expect(reconcileElements([one], [other], {})[0]).toBe(reconcileElements([other], [one], {})[0]);
      }),
    );
  });

  it('keeps the local version of elements being edited, created, resized or dragged', () => {
    const local = [el('text', 1, 1, 'a0'), el('new', 1, 1, 'a1'), el('sized', 1, 1, 'a2'), el('moved', 1, 1, 'a3')];
    const remote = local.map((element) => ({ ...element, version: 9 }));
    const result = reconcileElements(local, remote, {
      editingTextElement: { id: 'text' },
      newElement: { id: 'new' },
      resizingElement: { id: 'sized' },
      selectedElementIds: { moved: true },
      selectedElementsAreBeingDragged: true,
    });
    expect(result.map((element) => element.version)).toEqual([1, 1, 1, 1]);
  });

  it('does not protect an element only because it is selected', () => {
    const result = reconcileElements([el('x', 1, 1)], [el('x', 2, 1)], { selectedElementIds: { x: true } });
    expect(result[0].version).toBe(2);
  });

  it('keeps local elements the remote side does not mention and adds new remote ones', () => {
    const result = reconcileElements([el('a', 1, 1, 'a1')], [el('b', 1, 1, 'a0')], {});
    expect(result.map((element) => element.id)).toEqual(['b', 'a']);
  });

  it('orders by index with ties by id and unindexed elements last in their order', () => {
    const elements = [el('u1', 1, 1, null), el('b', 1, 1, 'a1'), el('u2', 1, 1, null), el('a', 1, 1, 'a1'), el('c', 1, 1, 'Zz')];
    expect(orderByIndex(elements).map((element) => element.id)).toEqual(['c', 'a', 'b', 'u1', 'u2']);
  });

  it('returns the same scene for the same inputs in any remote order', () => {
    const local = [el('a', 2, 5, 'a0'), el('b', 1, 5, 'a1')];
    const remote = [el('b', 2, 1, 'a1'), el('c', 1, 1, 'a1'), el('a', 2, 4, 'a2')];
    const forward = reconcileElements(local, remote, {});
    const backward = reconcileElements(local, [...remote].reverse(), {});
    expect(backward).toEqual(forward);
    expect(forward.map(({ id, version, versionNonce }) => `${id}${version}/${versionNonce}`)).toEqual([
      'b2/1',
      'c1/1',
      'a2/4',
    ]);
  });
});

describe('inProgressElementIds', () => {
  it('accepts Excalidraw AppState', () => {
    const appState = {
      editingTextElement: makeElement({ id: 'text' }),
      newElement: null,
      resizingElement: null,
      multiElement: null,
      editingLinearElement: { elementId: 'arrow', isDragging: true },
      selectedElementIds: { text: true, other: true },
      selectedElementsAreBeingDragged: false,
      isResizing: false,
      isRotating: false,
    } as unknown as AppState;
    expect([...inProgressElementIds(appState)].sort()).toEqual(['arrow', 'text']);
  });

  it('counts selected elements only while they are transformed', () => {
    const selection = { selectedElementIds: { a: true, b: true } };
    expect(inProgressElementIds(selection).size).toBe(0);
    expect([...inProgressElementIds({ ...selection, isRotating: true })]).toEqual(['a', 'b']);
  });

  it('ignores an arrow whose points editor is open but idle', () => {
    const element: ExcalidrawElement = el('arrow', 1, 1);
    expect(inProgressElementIds({ editingLinearElement: { elementId: element.id, isDragging: false } }).size).toBe(0);
  });
});
