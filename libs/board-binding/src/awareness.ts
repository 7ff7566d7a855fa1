import type { Collaborator, SocketId } from './excalidraw-types';

export interface BoardUser {
  id: string;
  name: string;
  /** a CSS colour */
  color: string;
}

/** Pointer in scene coordinates, as Excalidraw's `onPointerUpdate` reports it. */
export interface BoardPointer {
  x: number;
  y: number;
  tool: 'pointer' | 'laser';
  button?: 'up' | 'down';
}

/** What each client puts in its awareness state (`awareness.setLocalState`). */
export interface BoardAwarenessState {
  user: BoardUser;
  pointer?: BoardPointer;
  selectedElementIds?: Record<string, true>;
}

export function localAwarenessState(
  user: BoardUser,
  pointer?: BoardPointer | null,
  selectedElementIds?: Readonly<Record<string, boolean>>,
): BoardAwarenessState {
  const state: BoardAwarenessState = { user: { id: user.id, name: user.name, color: user.color } };
  if (pointer) {
    state.pointer = { x: pointer.x, y: pointer.y, tool: pointer.tool };
    if (pointer.button) state.pointer.button = pointer.button;
  }
  if (selectedElementIds) state.selectedElementIds = onlySelected(selectedElementIds);
  return state;
}

/**
 * Other clients' awareness states (`awareness.getStates()`) as Excalidraw's `collaborators` map,
 * keyed by awareness client id. States come from other browsers, so malformed ones are skipped.
 */
export function remoteCollaborators(
  states: ReadonlyMap<number, unknown>,
  ownClientId: number,
): Map<SocketId, Collaborator> {
  const collaborators = new Map<SocketId, Collaborator>();
  for (const [clientId, state] of states) {
    if (clientId === ownClientId) continue;
    const parsed = parseState(state);
    if (!parsed) continue;
    const socketId = String(clientId) as SocketId;
    const { user, pointer, selectedElementIds } = parsed;
    collaborators.set(socketId, {
      id: user.id,
      socketId,
      username: user.name,
      color: { background: user.color, stroke: user.color },
      ...(pointer && { pointer: { x: pointer.x, y: pointer.y, tool: pointer.tool } }),
      ...(pointer?.button && { button: pointer.button }),
      ...(selectedElementIds && { selectedElementIds }),
    });
  }
  return collaborators;
}

function onlySelected(ids: Readonly<Record<string, unknown>>): Record<string, true> {
  const selected: Record<string, true> = {};
  for (const [id, value] of Object.entries(ids)) {
    if (value === true) selected[id] = true;
  }
  return selected;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseState(state: unknown): BoardAwarenessState | null {
  if (!isRecord(state) || !isRecord(state['user'])) return null;
  const { id, name, color } = state['user'];
  if (typeof id !== 'string' || typeof name !== 'string' || typeof color !== 'string') return null;
  const parsed: BoardAwarenessState = { user: { id, name, color } };
  const pointer = state['pointer'];
  if (isRecord(pointer) && Number.isFinite(pointer['x']) && Number.isFinite(pointer['y'])) {
    parsed.pointer = {
      x: pointer['x'] as number,
      y: pointer['y'] as number,
      tool: pointer['tool'] === 'laser' ? 'laser' : 'pointer',
    };
    if (pointer['button'] === 'up' || pointer['button'] === 'down') parsed.pointer.button = pointer['button'];
  }
  if (isRecord(state['selectedElementIds'])) parsed.selectedElementIds = onlySelected(state['selectedElementIds']);
  return parsed;
}
