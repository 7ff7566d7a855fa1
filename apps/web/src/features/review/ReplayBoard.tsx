import '@excalidraw/excalidraw/index.css';
import { Excalidraw } from '@excalidraw/excalidraw';
import type { ExcalidrawImperativeAPI } from '@excalidraw/excalidraw/types';
import type { ExcalidrawElement } from '@pairboard/board-binding';
import { useEffect, useRef, useState } from 'react';
import { usePrefersDark } from '../room/usePrefersDark';

interface ReplayBoardProps {
  elements: readonly ExcalidrawElement[];
  title: string;
  onApi?(api: ExcalidrawImperativeAPI | null): void;
}

/** The board at the playhead, read-only: Excalidraw in view mode, fed whole scenes. */
export function ReplayBoard({ elements, title, onApi }: ReplayBoardProps) {
  const dark = usePrefersDark();
  const [api, setApi] = useState<ExcalidrawImperativeAPI | null>(null);
  const fitted = useRef(false);

  useEffect(() => {
    onApi?.(api);
    return () => onApi?.(null);
  }, [api, onApi]);

  useEffect(() => {
    if (!api) return;
    // Playback is not editing: nothing of it enters Excalidraw's undo history.
    api.updateScene({ elements: elements as never, captureUpdate: 'NEVER' });
    const visible = elements.filter((element) => !element.isDeleted);
    if (!fitted.current && visible.length > 0) {
      fitted.current = true;
      api.scrollToContent(visible as never, { fitToViewport: true, viewportZoomFactor: 0.8 });
    }
  }, [api, elements]);

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
