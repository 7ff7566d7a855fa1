import type { RoomState } from '@pairboard/contracts';
import { viewClock } from '@pairboard/interview-domain';
import { cx } from '../../../ui';

/**
 * The script's phases along the bottom: done, current (with progress), to come. Each segment is as
 * wide as its name and shares the rest of the bar by its minutes, so names are not cut where the bar
 * has room for them; on a phone the phases other than the current one show their number only. The
 * full name and length are in every segment's tooltip and read out to screen readers.
 */
export function PhaseTimeline({ room, serverNow }: { room: RoomState; serverNow: number }) {
  const phases = room.script?.phases ?? [];
  if (phases.length === 0) return null;
  const { clock } = room;
  const started = clock.status !== 'scheduled' && clock.phaseStartedAt !== null;
  const view = started ? viewClock(phases, clock, serverNow) : null;
  const total = phases.reduce((sum, phase) => sum + phase.minutes, 0) || 1;
  return (
    <ol className="phase-timeline" aria-label="Phases" data-testid="phase-timeline">
      {phases.map((phase, index) => {
        const current = started && index === clock.phaseIndex && clock.status === 'live';
        const done = started && (index < clock.phaseIndex || clock.status === 'ended');
        const duration = phase.minutes * 60_000 + (current ? clock.extensionMs : 0);
        const progress = current && view ? Math.min(1, view.elapsedMs / Math.max(1, duration)) : done ? 1 : 0;
        const overtime = current && view !== null && view.overtimeMs > 0;
        const state = current ? (overtime ? 'overtime' : 'current') : done ? 'done' : 'upcoming';
        return (
          <li
            key={phase.key}
            className={cx('phase-timeline__segment', `phase-timeline__segment--${state}`)}
            style={{ flexGrow: phase.minutes || 1 }}
            title={`${index + 1}. ${phase.name} · ${phase.minutes} min${overtime ? ' · overtime' : ''}`}
            aria-current={current ? 'step' : undefined}
            data-state={state}
          >
            <span className="phase-timeline__fill" style={{ width: `${Math.round(progress * 100)}%` }} />
            <span className="phase-timeline__number" aria-hidden="true">
              {index + 1}
            </span>
            <span className="phase-timeline__name">
              {phase.name}
              <span className="pb-visually-hidden">
                {' '}
                ({phase.minutes} of {total} minutes{current ? ', current' : ''}
                {overtime ? ', overtime' : ''})
              </span>
            </span>
          </li>
        );
      })}
    </ol>
  );
}
