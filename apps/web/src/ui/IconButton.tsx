import type { ComponentPropsWithRef, ReactNode } from 'react';
import { cx } from './cx';
import './Button.css';

export interface IconButtonProps extends Omit<ComponentPropsWithRef<'button'>, 'aria-label'> {
  /** Icon buttons have no visible text, so the label is required; it is also the tooltip. */
  label: string;
  icon: ReactNode;
  size?: 'sm' | 'md';
}

export function IconButton({ label, icon, size = 'md', className, type = 'button', title, ...rest }: IconButtonProps) {
  return (
    <button
      type={type}
      aria-label={label}
      title={title ?? label}
      className={cx('pb-icon-button', `pb-icon-button--${size}`, className)}
      {...rest}
    >
      {icon}
    </button>
  );
}
