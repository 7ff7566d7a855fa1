import * as Y from 'yjs';
import { MalformedMessage, ownBuffer } from './bytes';
import { documentRuleViolation } from './document-rules';

/** The update that changes nothing, as Yjs encodes it. */
export const EMPTY_UPDATE = Uint8Array.of(0, 0);

export function isEmptyUpdate(update: Uint8Array): boolean {
  return update.length === 2 && update[0] === 0 && update[1] === 0;
}

/**
 * Checks that a Yjs update decodes completely and will integrate without throwing, and tells
 * whether it carries any item or deletion, and which clock per client its items reach (stored with
 * it, so a loading room knows its state vector without decoding). Decoding alone is not enough: a few hand-crafted updates
 * decode but make `applyUpdate` throw halfway through a transaction (zero-length deletions, items
 * whose origin or parent lies at or after their own clock); those are refused here, so nothing
 * stored can break a replay. With the room's document, the update must also keep the board's
 * layout rules (`document-rules.ts`). Costs about 30 µs for a typical 500-byte element update.
 */
export function inspectUpdate(update: Uint8Array, doc: Y.Doc | null = null): { hasContent: boolean; endClocks: Map<number, number> } {
  const endClocks = new Map<number, number>();
  if (isEmptyUpdate(update)) return { hasContent: false, endClocks };
  let decoded: ReturnType<typeof Y.decodeUpdate>;
  try {
    decoded = Y.decodeUpdate(ownBuffer(update));
  } catch {
    throw new MalformedMessage('the document update does not decode');
  }
  let hasContent = false;
  for (const struct of decoded.structs) {
    if (!(struct.length > 0)) throw new MalformedMessage('empty struct in the document update');
    if (struct instanceof Y.Skip) continue;
    hasContent = true;
    const end = struct.id.clock + struct.length;
    if (end > (endClocks.get(struct.id.client) ?? 0)) endClocks.set(struct.id.client, end);
    if (struct instanceof Y.Item) {
      const { client, clock } = struct.id;
      if (struct.origin && struct.origin.client === client && struct.origin.clock >= clock) throw selfReference();
      if (struct.rightOrigin && struct.rightOrigin.client === client && struct.rightOrigin.clock >= clock) throw selfReference();
      const parent = struct.parent;
      if (parent instanceof Y.ID && parent.client === client && parent.clock >= clock) throw selfReference();
    }
  }
  for (const ranges of decoded.ds.clients.values()) {
    for (const range of ranges) {
      if (!(range.len > 0)) throw new MalformedMessage('empty deletion range in the document update');
      hasContent = true;
    }
  }
  const violation = documentRuleViolation(decoded.structs, doc);
  if (violation) throw new MalformedMessage(violation);
  return { hasContent, endClocks };
}

function selfReference(): MalformedMessage {
  return new MalformedMessage('an item refers to a later item of its own client');
}

/**
 * Whether an update carries anything, by the server's rule: at least one item or one deletion.
 * For a client's own updates, which need no validation (`inspectUpdate` checks what others send).
 */
export function updateHasContent(update: Uint8Array): boolean {
  if (isEmptyUpdate(update)) return false;
  const { structs, ds } = Y.decodeUpdate(update);
  if (structs.some((struct) => !(struct instanceof Y.Skip))) return true;
  for (const ranges of ds.clients.values()) if (ranges.length > 0) return true;
  return false;
}
