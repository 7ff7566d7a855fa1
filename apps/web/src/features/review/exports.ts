import { exportToBlob, exportToSvg, serializeAsJSON } from '@excalidraw/excalidraw';
import type { BinaryFiles } from '@excalidraw/excalidraw/types';
import type { ExcalidrawElement } from '@pairboard/board-binding';

/** The board at the playhead as a file: PNG, SVG or Excalidraw's own JSON, made in the browser. */
export type ExportFormat = 'png' | 'svg' | 'excalidraw';

const appState = { exportBackground: true, viewBackgroundColor: '#ffffff', exportWithDarkMode: false };

/** `files`: the images the board shows, as Excalidraw holds them (with their data URLs). */
export async function exportBoard(elements: readonly ExcalidrawElement[], format: ExportFormat, files: BinaryFiles = {}): Promise<Blob> {
  // Tombstones stay in the replay, never in a picture of it.
  const visible = elements.filter((element) => !element.isDeleted) as never[];
  if (format === 'png') return exportToBlob({ elements: visible, appState, files, mimeType: 'image/png' });
  if (format === 'svg') {
    const svg = await exportToSvg({ elements: visible, appState, files });
    return new Blob([new XMLSerializer().serializeToString(svg)], { type: 'image/svg+xml' });
  }
  return new Blob([serializeAsJSON(visible, appState as never, files, 'local')], { type: 'application/json' });
}

export function downloadBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** `board-<title>-<m>m<ss>s.<ext>` with the title made safe for file names. */
export function exportFilename(title: string, atMs: number, format: ExportFormat): string {
  const slug = title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40) || 'board';
  const seconds = Math.floor(atMs / 1000);
  return `${slug}-${Math.floor(seconds / 60)}m${String(seconds % 60).padStart(2, '0')}s.${format}`;
}
