import type { ReactNode } from 'react';
import { cx } from './cx';
import { AlertCircleIcon, CheckCircleIcon, InfoIcon } from './icons';
import './Alert.css';

type Tone = 'error' | 'success' | 'info';

interface AlertProps {
  tone?: Tone;
  title?: ReactNode;
  children?: ReactNode;
  action?: ReactNode;
  className?: string;
}

const ICONS: Record<Tone, ReactNode> = {
  error: <AlertCircleIcon />,
  success: <CheckCircleIcon />,
  info: <InfoIcon />,
};

/** A banner. Errors interrupt screen readers; success and info are announced politely. */
export function Alert({ tone = 'info', title, children, action, className }: AlertProps) {
  return (
    <div className={cx('pb-alert', `pb-alert--${tone}`, className)} role={tone === 'error' ? 'alert' : 'status'}>
      <span className="pb-alert__icon">{ICONS[tone]}</span>
      <div className="pb-alert__content">
        {title && <p className="pb-alert__title">{title}</p>}
        {children && <div className="pb-alert__body">{children}</div>}
      </div>
      {action && <div className="pb-alert__action">{action}</div>}
    </div>
  );
}
