import { BOARD_DOC, BOARD_FILE_RECORD_MAX_JSON_BYTES, boardFileRecordSchema } from '@pairboard/contracts';
import * as Y from 'yjs';

/** Where an item of an update lives: a top-level type and, for a map, the key. */
interface Placement {
  root: string;
  key: string | null;
  /** true when the item sits inside a type nested in `root` rather than directly in it */
  nested: boolean;
}

type Struct = Y.Item | Y.GC | Y.Skip;

/** Follows origins further than any honest update needs; longer chains are not resolved. */
const MAX_ORIGIN_HOPS = 10_000;

const utf8 = new TextEncoder();

/**
 * The document's layout rules that the server enforces before an update is stored, beyond "it
 * decodes and applies": today, that `files` only maps a file id to a small `BoardFileRecord` under
 * the same id. Everything else a board holds is left to the clients.
 *
 * An item's place is written in the update only when it has no neighbours; otherwise it is the
 * place of its origin, looked up in the same update or in the room's document. An origin found in
 * neither (its update is still being stored, or was garbage-collected) cannot be placed; such an
 * item is let through, and clients validate every record they read anyway.
 */
export function documentRuleViolation(structs: readonly Struct[], doc: Y.Doc | null): string | null {
  const byClient = new Map<number, Struct[]>();
  for (const struct of structs) {
    const list = byClient.get(struct.id.client);
    if (list) list.push(struct);
    else byClient.set(struct.id.client, [struct]);
  }
  const files = doc?.share.get(BOARD_DOC.files) ?? null;
  const placed = new Map<Y.Item, Placement | null>();

  const findInUpdate = (id: Y.ID): Struct | null => {
    const list = byClient.get(id.client);
    if (!list) return null;
    try {
      return list[Y.findIndexSS(list as (Y.Item | Y.GC)[], id.clock)] ?? null;
    } catch {
      return null;
    }
  };

  const placeInDocument = (id: Y.ID): Placement | null => {
    if (!doc || id.clock >= Y.getState(doc.store, id.client)) return null;
    const item = Y.getItem(doc.store, id) as Struct;
    if (!(item instanceof Y.Item)) return null;
    let type = item.parent as Y.AbstractType<unknown> | null;
    let key = item.parentSub;
    let nested = false;
    while (type && type._item) {
      key = type._item.parentSub;
      type = type._item.parent as Y.AbstractType<unknown> | null;
      nested = true;
    }
    if (!type) return null;
    if (files && type === files) return { root: BOARD_DOC.files, key, nested };
    return { root: '', key, nested };
  };

  const place = (start: Y.Item): Placement | null => {
    const chain: Y.Item[] = [];
    let item: Y.Item = start;
    let result: Placement | null = null;
    for (let hop = 0; hop < MAX_ORIGIN_HOPS; hop++) {
      if (placed.has(item)) {
        result = placed.get(item) ?? null;
        break;
      }
      chain.push(item);
      if (typeof item.parent === 'string') {
        result = { root: item.parent, key: item.parentSub, nested: false };
        break;
      }
      const reference = item.parent instanceof Y.ID ? item.parent : (item.origin ?? item.rightOrigin);
      if (!reference) break;
      const inUpdate = findInUpdate(reference);
      if (inUpdate instanceof Y.Item && inUpdate !== item) {
        if (item.parent instanceof Y.ID) {
          // A type created in this update: its children are nested in the type's own place.
          const parentPlace = place(inUpdate);
          result = parentPlace && { root: parentPlace.root, key: parentPlace.key, nested: true };
          break;
        }
        item = inUpdate;
        continue;
      }
      const fromDocument = placeInDocument(reference);
      result = fromDocument && (item.parent instanceof Y.ID ? { ...fromDocument, nested: true } : fromDocument);
      break;
    }
    for (const visited of chain) placed.set(visited, result);
    return result;
  };

  for (const struct of structs) {
    if (!(struct instanceof Y.Item)) continue;
    const placement = place(struct);
    if (!placement || placement.root !== BOARD_DOC.files) continue;
    const problem = fileEntryProblem(struct, placement);
    if (problem) return problem;
  }
  return null;
}

function fileEntryProblem(item: Y.Item, placement: Placement): string | null {
  if (item.content instanceof Y.ContentDeleted) return null;
  if (placement.nested) return 'files holds records, not nested types';
  if (placement.key === null) return 'files is a map from file id to record';
  if (!(item.content instanceof Y.ContentAny) || item.content.arr.length !== 1) return 'a files entry must be one record';
  const value: unknown = item.content.arr[0];
  const json = JSON.stringify(value) ?? '';
  if (utf8.encode(json).length > BOARD_FILE_RECORD_MAX_JSON_BYTES) return 'a files record is too large';
  const record = boardFileRecordSchema.safeParse(value);
  if (!record.success) return 'a files record has the wrong shape';
  if (record.data.id !== placement.key) return 'a files record must be stored under its own id';
  return null;
}
