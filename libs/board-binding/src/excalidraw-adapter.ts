import type { ExcalidrawImperativeAPI } from '@excalidraw/excalidraw/types' with { 'resolution-mode': 'import' };
import type { SceneAdapter } from './binding';
import type { BoardFileRecord } from './files';

/**
 * The scene adapter over Excalidraw's imperative API. Images other clients publish are handed to
 * `onRemoteFiles`: fetch each file's bytes (`boardFilePath`) and call `api.addFiles` with a data URL.
 */
export function excalidrawSceneAdapter(
  api: ExcalidrawImperativeAPI,
  onRemoteFiles: (records: readonly BoardFileRecord[]) => void,
): SceneAdapter {
  return {
    getSceneElements: () => api.getSceneElementsIncludingDeleted(),
    // Remote and undo results must not enter Excalidraw's own undo history.
    updateScene: ({ elements }) => api.updateScene({ elements, captureUpdate: 'NEVER' }),
    getAppState: () => api.getAppState(),
    getFiles: () => api.getFiles(),
    addFiles: onRemoteFiles,
  };
}
