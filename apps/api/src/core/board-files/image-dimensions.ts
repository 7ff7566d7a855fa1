import { imageSize } from 'image-size';

export interface ImageBounds {
  maxSide: number;
  maxPixels: number;
}

export type DimensionsVerdict =
  | { ok: true; width: number; height: number }
  | { ok: false; reason: 'unreadable' }
  | { ok: false; reason: 'too-large'; width: number; height: number };

/**
 * The pixel size an image's header declares (PNG, JPEG, GIF, WebP, read by `image-size` without
 * decoding), checked against the bounds: a small file can declare a huge picture, and every
 * participant's browser would try to decode it. For an animated GIF or WebP the canvas counts.
 */
export function checkImageDimensions(data: Uint8Array, bounds: ImageBounds): DimensionsVerdict {
  let width: number;
  let height: number;
  try {
    ({ width, height } = imageSize(data));
  } catch {
    return { ok: false, reason: 'unreadable' };
  }
  if (!(width > 0 && height > 0)) return { ok: false, reason: 'unreadable' };
  if (width > bounds.maxSide || height > bounds.maxSide || width * height > bounds.maxPixels) return { ok: false, reason: 'too-large', width, height };
  return { ok: true, width, height };
}
