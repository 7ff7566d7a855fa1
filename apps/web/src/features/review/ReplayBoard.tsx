import '@excalidraw/excalidraw/index.css';
import { Excalidraw } from '@excalidraw/excalidraw';
import type { ExcalidrawImperativeAPI } from '@excalidraw/excalidraw/types';
import type { BoardFileRecord, ExcalidrawElement } from '@pairboard/board-binding';
import { useEffect, useRef, useState } from 'react';
import { blobToDataUrl } from '../room/board-files';
import { usePrefersDark } from '../room/usePrefersDark';

interface ReplayBoardProps {
  elements: readonly ExcalidrawElement[];
  /** image records at the playhead; their bytes are fetched once each */
  files: Readonly<Record<string, BoardFileRecord>>;
  loadFile(fileId: string): Promise<Blob>;
  /** what the view is fitted to once (the final board) */
  frame: readonly ExcalidrawElement[];
  title: string;
  onApi?(api: ExcalidrawImperativeAPI | null): void;
}

/** The board at the playhead, read-only: Excalidraw in view mode, fed whole scenes. */
export function ReplayBoard({ elements, files, loadFile, frame, title, onApi }: ReplayBoardProps) {
  const dark = usePrefersDark();
  const [api, setApi] = useState<ExcalidrawImperativeAPI | null>(null);
  const fitted = useRef(false);
  const requested = useRef(new Set<string>());

  useEffect(() => {
    onApi?.(api);
    return () => onApi?.(null);
  }, [api, onApi]);

  useEffect(() => {
    if (!api) return;
    // Playback is not editing: nothing of it enters Excalidraw's undo history.
    api.updateScene({ elements: elements as never, captureUpdate: 'NEVER' });
  }, [api, elements]);

  // An image that cannot be fetched stays a placeholder; the rest of the board plays on.
  useEffect(() => {
    if (!api) return;
    for (const record of Object.values(files)) {
      if (requested.current.has(record.id)) continue;
      requested.current.add(record.id);
      loadFile(record.id)
        .then(blobToDataUrl)
        .then((dataURL) => api.addFiles([{ id: record.id as never, mimeType: record.mimeType, dataURL: dataURL as never, created: record.created }]))
        .catch(() => requested.current.delete(record.id));
    }
  }, [api, files, loadFile]);

  useEffect(() => {
    if (!api || fitted.current || frame.length === 0) return;
    const fit = () => {
      fitted.current = true;
      api.scrollToContent(frame as never, { fitToViewport: true, viewportZoomFactor: 0.8, animate: false });
    };
    // Excalidraw resets the view when it finishes loading; fit after that.
    if (!api.getAppState().isLoading) return fit();
    const unsubscribe = api.onChange((_elements, appState) => {
      if (appState.isLoading || fitted.current) return;
      unsubscribe();
      fit();
    });
    return unsubscribe;
  }, [api, frame]);

  const visibleCount = elements.reduce((count, element) => count + (element.isDeleted ? 0 : 1), 0);
  return (
    <div className="replay-board" data-testid="replay-board" data-element-count={visibleCount} data-element-ids={elements.filter((element) => !element.isDeleted).map((element) => element.id).join(',')}>
      <Excalidraw
        excalidrawAPI={setApi}
        viewModeEnabled
        theme={dark ? 'dark' : 'light'}
        name={title}
        UIOptions={{ canvasActions: { loadScene: false, saveToActiveFile: false, toggleTheme: false, export: false, saveAsImage: false, clearCanvas: false, changeViewBackgroundColor: false } }}
      />
    </div>
  );
}
