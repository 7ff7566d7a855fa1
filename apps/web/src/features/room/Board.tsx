import '@excalidraw/excalidraw/index.css';
import { CaptureUpdateAction, Excalidraw, MainMenu, WelcomeScreen } from '@excalidraw/excalidraw';
import type { AppState, BinaryFileData, ExcalidrawImperativeAPI, ExcalidrawProps } from '@excalidraw/excalidraw/types';
import {
  BoardFileSync,
  cloneElement,
  elementsMap,
  excalidrawSceneAdapter,
  filesMap,
  ExcalidrawYjsBinding,
  localAwarenessState,
  readElements,
  readFiles,
  remoteCollaborators,
  type BoardPointer,
  type BoardUser,
  type EditorFile,
  type ExcalidrawElement,
  type FilePublisher,
  type FileTransport,
} from '@pairboard/board-binding';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { describeFileFailure } from './board-files';
import { FileTransfers } from './FileTransfers';
import { usePrefersDark } from './usePrefersDark';

/** Local edits, pointer and selection reach the network at most this often (ms). */
const SEND_EVERY_MS = 50;

type PointerPayload = Parameters<NonNullable<ExcalidrawProps['onPointerUpdate']>>[0];

interface Handlers {
  onChange(elements: readonly ExcalidrawElement[], appState: AppState): void;
  onPointer(payload: PointerPayload): void;
}

/** Calls `run` at most once per `interval` ms, at the end of the interval, with the latest state. */
function throttled(run: () => void, interval: number) {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let last = 0;
  const fire = () => {
    timer = null;
    last = Date.now();
    run();
  };
  return {
    schedule() {
      if (timer === null) timer = setTimeout(fire, Math.max(0, last + interval - Date.now()));
    },
    /** Runs now if something is waiting (e.g. before the board closes). */
    flush() {
      if (timer === null) return;
      clearTimeout(timer);
      fire();
    },
    cancel() {
      if (timer !== null) clearTimeout(timer);
      timer = null;
    },
  };
}

const visibleCount = (elements: readonly ExcalidrawElement[]) => elements.reduce((count, element) => count + (element.isDeleted ? 0 : 1), 0);

/** Image elements whose file has been uploaded (Excalidraw's `saved` status). */
const savedImageCount = (elements: readonly ExcalidrawElement[]) =>
  elements.reduce((count, element) => count + (element.type === 'image' && !element.isDeleted && element.status === 'saved' ? 1 : 0), 0);

const selectionKey = (ids: Readonly<Record<string, boolean>>) =>
  Object.keys(ids)
    .filter((id) => ids[id])
    .sort()
    .join(',');

/** Runs `run` once Excalidraw has loaded its initial scene; returns a cancel function. */
function whenInitialised(api: ExcalidrawImperativeAPI, run: () => void): () => void {
  if (!api.getAppState().isLoading) {
    run();
    return () => undefined;
  }
  let done = false;
  const unsubscribe = api.onChange((_elements, appState) => {
    if (done || appState.isLoading) return;
    done = true;
    unsubscribe();
    run();
  });
  return () => {
    done = true;
    unsubscribe();
  };
}

interface ConnectOptions {
  api: ExcalidrawImperativeAPI;
  doc: Y.Doc;
  awareness: Awareness;
  me: BoardUser;
  readOnly: boolean;
  container: HTMLDivElement | null;
  handlers: { current: Handlers | null };
  files: FileTransport;
  onFileSync(sync: BoardFileSync | null): void;
}

/** Wires an initialised Excalidraw to the document and to awareness; returns the teardown. */
function connectBoard({ api, doc, awareness, me, readOnly, container, handlers, files, onFileSync }: ConnectOptions): () => void {
  // Counts for people who test the room (and for screen readers' sake, nothing visual depends on them).
  const showCount = (elements: readonly ExcalidrawElement[]) => {
    container?.setAttribute('data-element-count', String(visibleCount(elements)));
    container?.setAttribute('data-saved-image-count', String(savedImageCount(elements)));
    container?.setAttribute('data-file-count', String(Object.keys(api.getFiles()).length));
  };

  // Other people's cursors and selections.
  const showCollaborators = () => api.updateScene({ collaborators: remoteCollaborators(awareness.getStates(), awareness.clientID) });
  awareness.on('change', showCollaborators);
  showCollaborators();

  // This person's pointer and selection, for everyone else.
  let pointer: BoardPointer | null = null;
  let selected: Readonly<Record<string, boolean>> = {};
  let selectedKey = '';
  const presence = throttled(() => awareness.setLocalState(localAwarenessState(me, pointer, selected)), SEND_EVERY_MS);

  let binding: ExcalidrawYjsBinding | null = null;
  // Images: uploaded once, published in the document after that; published ones fetched once.
  const publisher: FilePublisher | null = readOnly
    ? null
    : {
        unpublishedFileIds: () => binding?.unpublishedFileIds() ?? [],
        publishFiles: (records) => binding?.publishFiles(records),
        reviseImages: (ids, change) => binding?.reviseImages(ids, change) ?? 0,
      };
  const editor = {
    getFiles: () => api.getFiles() as Readonly<Record<string, EditorFile>>,
    addFiles: (added: EditorFile[]) => {
      api.addFiles(added as BinaryFileData[]);
      showCount(api.getSceneElementsIncludingDeleted());
    },
  };
  const fileSync = new BoardFileSync(editor, files, publisher, { describeFailure: describeFileFailure });
  onFileSync(fileSync);

  let stopReading = () => undefined as void;
  if (readOnly) {
    // Observers only read: copies of the document's elements, never written back.
    const elements = elementsMap(doc);
    const records = filesMap(doc);
    const show = () => {
      const scene = readElements(doc).map(cloneElement);
      api.updateScene({ elements: scene, captureUpdate: CaptureUpdateAction.NEVER });
      showCount(scene);
    };
    const showFiles = () => fileSync.show(readFiles(doc));
    elements.observe(show);
    records.observe(showFiles);
    show();
    showFiles();
    stopReading = () => {
      elements.unobserve(show);
      records.unobserve(showFiles);
    };
  } else {
    binding = new ExcalidrawYjsBinding(doc, excalidrawSceneAdapter(api, (records) => fileSync.show(records)), { board: 'local' });
  }
  const write = throttled(() => {
    binding?.onChange(api.getSceneElementsIncludingDeleted());
    fileSync.uploadNew();
  }, SEND_EVERY_MS);

  handlers.current = {
    onChange(elements, appState) {
      showCount(elements);
      if (binding) write.schedule();
      const key = selectionKey(appState.selectedElementIds);
      if (key !== selectedKey) {
        selectedKey = key;
        selected = appState.selectedElementIds;
        presence.schedule();
      }
    },
    onPointer(payload) {
      pointer = { x: payload.pointer.x, y: payload.pointer.y, tool: payload.pointer.tool, button: payload.button };
      presence.schedule();
    },
  };
  showCount(api.getSceneElementsIncludingDeleted());

  return () => {
    handlers.current = null;
    write.flush();
    presence.cancel();
    awareness.off('change', showCollaborators);
    stopReading();
    binding?.destroy();
    fileSync.destroy();
    onFileSync(null);
  };
}

/** Where this person looks on the board, in Excalidraw's terms, plus the visible size in CSS pixels. */
export interface BoardViewport {
  scrollX: number;
  scrollY: number;
  zoom: number;
  width: number;
  height: number;
}

interface BoardProps {
  doc: Y.Doc;
  awareness: Awareness;
  me: BoardUser;
  readOnly: boolean;
  title: string;
  /** Every scroll or zoom, by the person or by follow mode. */
  onViewportChange?(viewport: BoardViewport): void;
  /** The Excalidraw API once it is ready (null when the board goes away). */
  onApi?(api: ExcalidrawImperativeAPI | null): void;
  /** Uploads and downloads of the board's images. */
  files: FileTransport;
}

/**
 * Excalidraw bound to the interview's Yjs document. Editors go through the board binding (local
 * changes into the document, remote ones into the scene); observers only ever read the document,
 * so nothing they do can reach the server. Pointer and selection travel through awareness.
 */
export function Board({ doc, awareness, me, readOnly, title, onViewportChange, onApi, files }: BoardProps) {
  const dark = usePrefersDark();
  const [api, setApi] = useState<ExcalidrawImperativeAPI | null>(null);
  const [fileSync, setFileSync] = useState<BoardFileSync | null>(null);
  const container = useRef<HTMLDivElement>(null);
  const handlers = useRef<Handlers | null>(null);

  useEffect(() => {
    if (!api) return;
    let stop: (() => void) | null = null;
    // Excalidraw replaces its scene once it has initialised; binding earlier would lose the board.
    const cancelWait = whenInitialised(api, () => {
      stop = connectBoard({ api, doc, awareness, me, readOnly, container: container.current, handlers, files, onFileSync: setFileSync });
    });
    return () => {
      cancelWait();
      stop?.();
    };
  }, [api, awareness, doc, me, readOnly, files]);

  const onChange = useCallback(
    (elements: readonly ExcalidrawElement[], appState: AppState) => handlers.current?.onChange(elements, appState),
    [],
  );
  const onPointerUpdate = useCallback((payload: PointerPayload) => handlers.current?.onPointer(payload), []);

  const viewportListener = useRef(onViewportChange);
  useEffect(() => {
    viewportListener.current = onViewportChange;
  }, [onViewportChange]);
  useEffect(() => {
    onApi?.(api);
    return () => onApi?.(null);
  }, [api, onApi]);
  const onScrollChange = useCallback(
    (scrollX: number, scrollY: number, zoom: { value: number }) => {
      const element = container.current;
      element?.setAttribute('data-scroll-x', String(Math.round(scrollX)));
      element?.setAttribute('data-scroll-y', String(Math.round(scrollY)));
      element?.setAttribute('data-zoom', zoom.value.toFixed(2));
      const state = api?.getAppState();
      viewportListener.current?.({
        scrollX,
        scrollY,
        zoom: zoom.value,
        width: state?.width ?? element?.clientWidth ?? 0,
        height: state?.height ?? element?.clientHeight ?? 0,
      });
    },
    [api],
  );

  return (
    <div
      ref={container}
      className="room-board"
      data-testid="board"
      data-element-count="0"
      data-saved-image-count="0"
      data-file-count="0"
      data-readonly={readOnly ? 'true' : 'false'}
      data-scroll-x="0"
      data-scroll-y="0"
    >
      <Excalidraw
        excalidrawAPI={setApi}
        onChange={onChange}
        onPointerUpdate={onPointerUpdate}
        onScrollChange={onScrollChange}
        isCollaborating
        viewModeEnabled={readOnly}
        theme={dark ? 'dark' : 'light'}
        name={title}
        autoFocus
        UIOptions={{
          canvasActions: {
            loadScene: false,
            saveToActiveFile: false,
            toggleTheme: false,
            clearCanvas: !readOnly,
            export: false,
            saveAsImage: true,
          },
          // Observers cannot change the board, images included.
          tools: { image: !readOnly },
        }}
      >
        <MainMenu>
          <MainMenu.DefaultItems.SaveAsImage />
          {!readOnly && <MainMenu.DefaultItems.ClearCanvas />}
          <MainMenu.DefaultItems.ChangeCanvasBackground />
          <MainMenu.DefaultItems.Help />
        </MainMenu>
        <WelcomeScreen>
          <WelcomeScreen.Hints.MenuHint />
          <WelcomeScreen.Hints.ToolbarHint />
          <WelcomeScreen.Hints.HelpHint />
          <WelcomeScreen.Center>
            <WelcomeScreen.Center.Heading>
              {readOnly
                ? 'The board is empty. It fills in as the interviewer and candidate draw.'
                : 'Sketch your design here. Everyone in the room sees it as you draw.'}
            </WelcomeScreen.Center.Heading>
          </WelcomeScreen.Center>
        </WelcomeScreen>
      </Excalidraw>
      <FileTransfers sync={fileSync} />
    </div>
  );
}
