import type { ExcalidrawElement } from './excalidraw-types';
import { isNewer, orderByIndex } from './elements';

/**
 * The part of Excalidraw's `AppState` that says which elements the user is in the middle of
 * changing; Excalidraw's own `AppState` fits it, so pass `api.getAppState()`.
 */
export interface EditingState {
  editingTextElement?: { readonly id: string } | null;
  newElement?: { readonly id: string } | null;
  resizingElement?: { readonly id: string } | null;
  multiElement?: { readonly id: string } | null;
  editingLinearElement?: { readonly elementId: string; readonly isDragging: boolean } | null;
  selectedElementIds?: Readonly<Record<string, boolean>>;
  selectedElementsAreBeingDragged?: boolean;
  isResizing?: boolean;
  isRotating?: boolean;
}

/**
 * Ids whose local version must not be replaced right now. A selection alone does not protect an
 * element (a remote change to it still shows, and the selection stays); selected elements count
 * only while they are being dragged, resized or rotated.
 */
export function inProgressElementIds(appState: EditingState): Set<string> {
  const ids = new Set<string>();
  const single = [appState.editingTextElement, appState.newElement, appState.resizingElement, appState.multiElement];
  for (const element of single) {
    if (element) ids.add(element.id);
  }
  if (appState.editingLinearElement?.isDragging) ids.add(appState.editingLinearElement.elementId);
  if (appState.selectedElementsAreBeingDragged || appState.isResizing || appState.isRotating) {
    for (const [id, selected] of Object.entries(appState.selectedElementIds ?? {})) {
      if (selected) ids.add(id);
    }
  }
  return ids;
}

export type KeepLocalReason = 'in-progress' | 'newer';

/** Why the local version of an element should win over the remote one, or null if it should not. */
export function keepLocalReason(
  local: ExcalidrawElement | undefined,
  remote: ExcalidrawElement,
  inProgress: ReadonlySet<string>,
): KeepLocalReason | null {
  if (!local) return null;
  if (inProgress.has(local.id)) return 'in-progress';
  return isNewer(local, remote) ? 'newer' : null;
}

/**
 * The scene after remote elements arrive: per element the local version if the user is changing it
 * or it is newer, otherwise the remote one; local elements the remote side does not mention stay;
 * the result is in z-order. Pure and deterministic.
 */
export function reconcileElements(
  local: readonly ExcalidrawElement[],
  remote: readonly ExcalidrawElement[],
  appState: EditingState,
): ExcalidrawElement[] {
  const inProgress = inProgressElementIds(appState);
  const localById = new Map(local.map((element) => [element.id, element]));
  const chosen = new Map<string, ExcalidrawElement>();
  for (const remoteElement of remote) {
    const localElement = localById.get(remoteElement.id);
    const keepLocal = keepLocalReason(localElement, remoteElement, inProgress) !== null;
    chosen.set(remoteElement.id, keepLocal && localElement ? localElement : remoteElement);
  }
  const merged = local.map((element) => chosen.get(element.id) ?? element);
  const localIds = new Set(localById.keys());
  for (const [id, element] of chosen) {
    if (!localIds.has(id)) merged.push(element);
  }
  return orderByIndex(merged);
}
