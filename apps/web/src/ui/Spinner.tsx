import { cx } from './cx';
import { LogoMark } from './icons';
import './Spinner.css';

interface SpinnerProps {
  size?: 'sm' | 'md' | 'lg';
  /** Announced to assistive technology; pass null when the spinner sits inside a labelled control. */
  label?: string | null;
  className?: string;
}

export function Spinner({ size = 'md', label = 'Loading', className }: SpinnerProps) {
  const spinner = <span className={cx('pb-spinner', `pb-spinner--${size}`, className)} aria-hidden="true" />;
  if (label === null) return spinner;
  return (
    <span role="status" className="pb-spinner-wrap">
      {spinner}
      <span className="pb-visually-hidden">{label}</span>
    </span>
  );
}

/** Fills the viewport while the app decides who is signed in. */
export function FullPageLoading({ label = 'Loading Pairboard' }: { label?: string }) {
  return (
    <div className="pb-full-page-loading" role="status" aria-live="polite">
      <LogoMark size={36} />
      <span className="pb-spinner pb-spinner--md" aria-hidden="true" />
      <span className="pb-visually-hidden">{label}</span>
    </div>
  );
}

/** A centred spinner for a region of the page (a lazy page, a card body). */
export function LoadingBlock({ label = 'Loading' }: { label?: string }) {
  return (
    <div className="pb-loading-block">
      <Spinner label={label} />
    </div>
  );
}
