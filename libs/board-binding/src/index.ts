export { ExcalidrawYjsBinding } from './binding';
export type { BindingOptions, HistoryListener, SceneAdapter } from './binding';
export {
  cloneElement,
  elementsMap,
  elementsToYjsUpdate,
  isNewer,
  orderByIndex,
  readElements,
  sameVersion,
  writeElements,
} from './elements';
export type { ReadElementsOptions, VersionStamp } from './elements';
export { filesMap, isFileRecord, readFiles, writeFiles } from './files';
export type { BoardFileRecord } from './files';
export { BoardFileSync, dataUrlSize } from './file-sync';
export type { EditorFile, FileEditor, FileFailure, FilePublisher, FileSyncOptions, FileTransfer, FileTransport } from './file-sync';
export { inProgressElementIds, keepLocalReason, reconcileElements } from './reconcile';
export type { EditingState, KeepLocalReason } from './reconcile';
export { localAwarenessState, remoteCollaborators } from './awareness';
export type { BoardAwarenessState, BoardPointer, BoardUser } from './awareness';
export type { ExcalidrawElement } from './excalidraw-types';
export { excalidrawSceneAdapter } from './excalidraw-adapter';
export { applyStoredUpdate, boardScene, bytesFromBase64, ReplayCursor, skipIdle } from './replay';
export type { BoardSceneValue, ReplayUpdate } from './replay';
export { BoardTimeline } from './board-timeline';
