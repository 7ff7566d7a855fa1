import fc from 'fast-check';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { awarenessMessage, captureUpdate, excalidrawElement, step1Message, updateMessage } from '../../../test/board/support/board-messages';
import { awarenessStatePresent, inspectUpdate, MalformedMessage, parseAwarenessUpdate, parseClientMessage, storedMessage } from './board-protocol';

/** A board with a few elements and the updates another client made on top of it. */
function fixture() {
  const base = new Y.Doc();
  for (let i = 0; i < 20; i++) base.getMap('elements').set(`e${i}`, excalidrawElement(`e${i}`, 1, i));
  base.getArray('order').insert(0, [1, 2, 3, 4]);
  base.getText('notes').insert(0, 'abcdef');
  base.getMap('files').set('nested', new Y.Map());
  const state = Y.encodeStateAsUpdate(base);
  const editor = new Y.Doc();
  Y.applyUpdate(editor, state);
  const updates = [
    captureUpdate(editor, () => editor.getMap('elements').set('e3', excalidrawElement('e3', 2, 3))),
    captureUpdate(editor, () => editor.getMap('elements').delete('e4')),
    captureUpdate(editor, () => editor.getArray('order').insert(1, [9, 9])),
    captureUpdate(editor, () => editor.getText('notes').delete(0, 3)),
    captureUpdate(editor, () => (editor.getMap('files').get('nested') as Y.Map<unknown>).set('k', 'v')),
    Y.encodeStateAsUpdate(editor),
  ];
  return { state, updates };
}

describe('board protocol', () => {
  it('splits the client messages of the y-websocket protocol', () => {
    const doc = new Y.Doc();
    const update = captureUpdate(doc, () => doc.getMap('elements').set('a', { id: 'a' }));
    expect(parseClientMessage(step1Message(doc))).toEqual({ kind: 'syncStep1' });
    expect(parseClientMessage(updateMessage(update))).toEqual({ kind: 'update', update, step2: false });
    expect(parseClientMessage(Uint8Array.of(3))).toEqual({ kind: 'queryAwareness' });
    expect(parseClientMessage(awarenessMessage([{ clientId: 1, clock: 1, state: {} }])).kind).toBe('awareness');
    for (const bad of [[], [9], [0, 7, 0], [0, 2, 5, 1], [0, 0, 1, 1, 1, 1], [3, 0], [1, 3, 1, 2]]) {
      expect(() => parseClientMessage(Uint8Array.from(bad))).toThrow(MalformedMessage);
    }
    expect([...storedMessage(300)]).toEqual([4, 0xac, 0x02]);
  });

  it('accepts awareness states that are objects or null, nothing else', () => {
    const parse = (json: string) => {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, 1);
      encoding.writeVarUint(encoder, 5);
      encoding.writeVarUint(encoder, 1);
      encoding.writeVarString(encoder, json);
      return parseAwarenessUpdate(encoding.toUint8Array(encoder))[0];
    };
    expect(awarenessStatePresent(parse('{"cursor":{"x":1}}'))).toBe(true);
    expect(awarenessStatePresent(parse('null'))).toBe(false);
    expect(() => awarenessStatePresent(parse('[1]'))).toThrow(MalformedMessage);
    expect(() => awarenessStatePresent(parse('{"x":'))).toThrow(MalformedMessage);
  });

  it('tells updates with content from empty ones', () => {
    const { updates } = fixture();
    expect(inspectUpdate(Y.encodeStateAsUpdate(new Y.Doc()))).toEqual({ hasContent: false });
    for (const update of updates) expect(inspectUpdate(update)).toEqual({ hasContent: true });
  });

  it('never passes a corrupted update that would then throw while being applied', () => {
    const { state, updates } = fixture();
    const corruption = fc.record({
      which: fc.nat(updates.length - 1),
      edits: fc.array(fc.record({ at: fc.nat(), kind: fc.constantFrom('set', 'flip', 'drop', 'insert'), value: fc.nat(255), bit: fc.nat(7) }), {
        minLength: 1,
        maxLength: 3,
      }),
    });
    fc.assert(
      fc.property(corruption, ({ which, edits }) => {
        const bytes = [...updates[which]];
        for (const edit of edits) {
          const at = edit.at % bytes.length;
          if (edit.kind === 'set') bytes[at] = edit.value;
          else if (edit.kind === 'flip') bytes[at] ^= 1 << edit.bit;
          else if (edit.kind === 'drop') bytes.splice(at, 1);
          else bytes.splice(at, 0, edit.value);
        }
        const update = Uint8Array.from(bytes);
        try {
          inspectUpdate(update);
        } catch (error) {
          expect(error).toBeInstanceOf(MalformedMessage);
          return;
        }
        const doc = new Y.Doc();
        Y.applyUpdate(doc, state);
        Y.applyUpdate(doc, update);
        Y.encodeStateAsUpdate(doc);
      }),
      { numRuns: 3_000 },
    );
  });
});
