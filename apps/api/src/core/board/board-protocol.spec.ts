import {
  awarenessStatesMessage,
  inspectUpdate,
  MalformedMessage,
  parseAwarenessUpdate,
  parseClientMessage,
  storedMessage,
  syncStep1Message,
  updateMessage,
} from '@pairboard/board-protocol';
import fc from 'fast-check';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { captureUpdate, excalidrawElement } from '../../../test/board/support/board-fixtures';
import { awarenessStatePresent } from './board-awareness';

/** A board with a few elements and the updates another client made on top of it. */
function fixture() {
  const base = new Y.Doc();
  for (let i = 0; i < 20; i++) base.getMap('elements').set(`e${i}`, excalidrawElement(`e${i}`, 1, i));
  base.getArray('order').insert(0, [1, 2, 3, 4]);
  base.getText('notes').insert(0, 'abcdef');
  base.getMap('extras').set('nested', new Y.Map());
  const state = Y.encodeStateAsUpdate(base);
  const editor = new Y.Doc();
  Y.applyUpdate(editor, state);
  const updates = [
    captureUpdate(editor, () => editor.getMap('elements').set('e3', excalidrawElement('e3', 2, 3))),
    captureUpdate(editor, () => editor.getMap('elements').delete('e4')),
    captureUpdate(editor, () => editor.getArray('order').insert(1, [9, 9])),
    captureUpdate(editor, () => editor.getText('notes').delete(0, 3)),
    captureUpdate(editor, () => (editor.getMap('extras').get('nested') as Y.Map<unknown>).set('k', 'v')),
    Y.encodeStateAsUpdate(editor),
  ];
  return { state, updates };
}

describe('board protocol', () => {
  it('splits the client messages of the y-websocket protocol', () => {
    const doc = new Y.Doc();
    const update = captureUpdate(doc, () => doc.getMap('elements').set('a', { id: 'a' }));
    expect(parseClientMessage(syncStep1Message(doc))).toEqual({ kind: 'syncStep1' });
    expect(parseClientMessage(updateMessage(update))).toEqual({ kind: 'update', update, step2: false });
    expect(parseClientMessage(Uint8Array.of(3))).toEqual({ kind: 'queryAwareness' });
    expect(parseClientMessage(awarenessStatesMessage([{ clientId: 1, clock: 1, state: {} }])).kind).toBe('awareness');
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

  it('tells updates with content from empty ones, and the clock each client\'s items reach', () => {
    const { updates } = fixture();
    expect(inspectUpdate(Y.encodeStateAsUpdate(new Y.Doc()))).toEqual({ hasContent: false, endClocks: new Map() });
    for (const update of updates) expect(inspectUpdate(update)).toEqual({ hasContent: true, endClocks: Y.parseUpdateMeta(update).to });
    // A deletion alone carries no items; the whole state reaches the document's state vector.
    expect(inspectUpdate(updates[1]).endClocks.size).toBe(0);
    const whole = updates[updates.length - 1];
    const doc = new Y.Doc();
    Y.applyUpdate(doc, whole);
    expect(inspectUpdate(whole).endClocks).toEqual(Y.decodeStateVector(Y.encodeStateVector(doc)));
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

  describe('files entries', () => {
    const record = { id: 'f1', mimeType: 'image/png', size: 120, created: 1_700_000_000_000 };
    const refusal = (update: Uint8Array, doc: Y.Doc | null = null) => {
      try {
        inspectUpdate(update, doc);
        return null;
      } catch (error) {
        expect(error).toBeInstanceOf(MalformedMessage);
        return (error as Error).message;
      }
    };

    it('accepts image records under their own id, and their removal', () => {
      const doc = new Y.Doc();
      const add = captureUpdate(doc, () => doc.getMap('files').set('f1', record));
      expect(refusal(add)).toBeNull();
      const server = new Y.Doc();
      Y.applyUpdate(server, add);
      expect(refusal(captureUpdate(doc, () => doc.getMap('files').delete('f1')), server)).toBeNull();
      expect(refusal(Y.encodeStateAsUpdate(doc), server)).toBeNull();
    });

    it('refuses anything else under files: other shapes, foreign ids, big values, nested types, text', () => {
      const cases: [string, (files: Y.Map<unknown>) => void, RegExp][] = [
        ['data URL kept in the document', (files) => files.set('f1', { ...record, dataURL: 'data:image/png;base64,AAAA' }), /wrong shape/],
        ['SVG', (files) => files.set('f1', { ...record, mimeType: 'image/svg+xml' }), /wrong shape/],
        ['negative size', (files) => files.set('f1', { ...record, size: -1 }), /wrong shape/],
        ['not an object', (files) => files.set('f1', 'hello'), /wrong shape/],
        ['under another id', (files) => files.set('f2', record), /its own id/],
        ['too large', (files) => files.set('f1', { ...record, padding: 'x'.repeat(600) }), /too large/],
        ['nested map', (files) => files.set('f1', new Y.Map()), /one record/],
        ['content of a nested type', (files) => {
          const nested = new Y.Map();
          files.set('f1', nested);
          nested.set('id', 'f1');
        }, /one record|nested types/],
      ];
      for (const [name, change, reason] of cases) {
        const doc = new Y.Doc();
        const update = captureUpdate(doc, () => change(doc.getMap('files')));
        expect([name, refusal(update)]).toEqual([name, expect.stringMatching(reason)]);
      }
      const text = new Y.Doc();
      expect(refusal(captureUpdate(text, () => text.getText('files').insert(0, 'abc')))).toMatch(/map from file id/);
    });

    it('finds the place of an overwrite through the record it replaces, in the update or in the document', () => {
      const doc = new Y.Doc();
      const sameUpdate = captureUpdate(doc, () => {
        doc.getMap('files').set('f1', record);
        doc.getMap('files').set('f1', { ...record, mimeType: 'text/html' });
      });
      expect(refusal(sameUpdate)).toMatch(/wrong shape/);

      const server = new Y.Doc();
      const client = new Y.Doc();
      const add = captureUpdate(client, () => client.getMap('files').set('f1', record));
      Y.applyUpdate(server, add);
      const overwrite = captureUpdate(client, () => client.getMap('files').set('f1', { ...record, size: 'big' }));
      expect(refusal(overwrite, server)).toMatch(/wrong shape/);
      const honest = captureUpdate(client, () => client.getMap('files').set('f1', { ...record, created: 2 }));
      expect(refusal(honest, server)).toBeNull();
      // Elements are not files: overwriting one with anything is the clients' business.
      Y.applyUpdate(server, captureUpdate(client, () => client.getMap('elements').set('e1', { id: 'e1' })));
      expect(refusal(captureUpdate(client, () => client.getMap('elements').set('e1', 'whatever')), server)).toBeNull();
    });
  });
});
