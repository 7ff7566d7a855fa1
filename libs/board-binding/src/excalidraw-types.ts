// Types only: the library must not load Excalidraw's browser runtime. The `resolution-mode`
// attribute lets CommonJS consumers (the API resolves modules the node10 way) find these
// subpaths, which Excalidraw publishes only through package `exports`.
export type { ExcalidrawElement } from '@excalidraw/excalidraw/element/types' with { 'resolution-mode': 'import' };
export type { AppState, BinaryFileData, Collaborator, SocketId } from '@excalidraw/excalidraw/types' with { 'resolution-mode': 'import' };
