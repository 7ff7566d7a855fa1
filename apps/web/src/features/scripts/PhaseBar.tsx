import { cx } from '../../ui';
import './PhaseBar.css';

interface PhaseBarProps {
  phases: readonly { key: string; name: string; minutes: number }[];
  /** Larger, with names inside the segments where they fit. */
  size?: 'sm' | 'lg';
  className?: string;
}

/**
 * A script at a glance: one segment per phase, as wide as its share of the minutes. Colours follow the
 * phase's position and only support the names and minutes, which are always in the text.
 */
export function PhaseBar({ phases, size = 'sm', className }: PhaseBarProps) {
  const total = phases.reduce((sum, phase) => sum + Math.max(0, phase.minutes || 0), 0);
  const label = phases.map((phase) => `${phase.name} ${phase.minutes || 0} min`).join(', ');
  return (
    <div className={cx('phase-bar', `phase-bar--${size}`, className)} role="img" aria-label={`Phases: ${label}`} data-testid="phase-bar">
      {phases.map((phase, index) => (
        <span
          key={`${index}-${phase.key}`}
          className="phase-bar__segment"
          data-tone={index % 6}
          style={{ flexGrow: total > 0 ? Math.max(0, phase.minutes || 0) : 1 }}
          title={`${phase.name} · ${phase.minutes || 0} min`}
        >
          {size === 'lg' && (
            <span className="phase-bar__label" aria-hidden="true">
              {phase.name} <span className="phase-bar__minutes">{phase.minutes || 0}′</span>
            </span>
          )}
        </span>
      ))}
    </div>
  );
}
