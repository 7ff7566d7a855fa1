import type { CSSProperties } from 'react';
import { cx } from './cx';
import './Skeleton.css';

/** A placeholder block with the rough shape of content that is still loading. */
export function Skeleton({ width, height = 12, className }: { width?: CSSProperties['width']; height?: CSSProperties['height']; className?: string }) {
  return <span className={cx('pb-skeleton', className)} style={{ width, height }} aria-hidden="true" />;
}
