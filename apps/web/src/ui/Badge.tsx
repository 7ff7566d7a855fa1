import type { ReactNode } from 'react';
import { cx } from './cx';
import './Badge.css';

export type BadgeTone = 'neutral' | 'accent' | 'success' | 'warning' | 'danger' | 'info';

/** A short label (a role, a status). Its text carries the meaning; the colour only supports it. */
export function Badge({ tone = 'neutral', children, className }: { tone?: BadgeTone; children: ReactNode; className?: string }) {
  return <span className={cx('pb-badge', `pb-badge--${tone}`, className)}>{children}</span>;
}
