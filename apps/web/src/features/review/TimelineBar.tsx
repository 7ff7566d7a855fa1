import type { Timeline, TimelineEvent } from '@pairboard/contracts';
import { useRef, type KeyboardEvent, type PointerEvent } from 'react';
import { describeEvent, formatSessionTime } from './playback';

interface TimelineBarProps {
  timeline: Timeline;
  durationMs: number;
  positionMs: number;
  onSeek(atMs: number): void;
}

const MARKER_LABEL: Record<TimelineEvent['kind'], string> = { phase: 'Phase change', note: 'Note', hint: 'Hint', chat: 'Chat message', join: 'Joined', leave: 'Left' };

/**
 * The whole session as one bar: phase chapters as coloured segments, a marker per event (hover for
 * its text, click to seek), and the playhead. Clicking or dragging on the bar seeks too.
 */
export function TimelineBar({ timeline, durationMs, positionMs, onSeek }: TimelineBarProps) {
  const track = useRef<HTMLDivElement>(null);
  const span = Math.max(1, durationMs);
  const percent = (ms: number) => `${Math.min(100, Math.max(0, (ms / span) * 100))}%`;

  const seekFromPointer = (event: PointerEvent<HTMLDivElement>) => {
    const box = track.current?.getBoundingClientRect();
    if (!box || box.width === 0) return;
    onSeek(Math.round(((event.clientX - box.left) / box.width) * span));
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const step = event.shiftKey ? 30_000 : 5_000;
    if (event.key === 'ArrowLeft') onSeek(Math.max(0, positionMs - step));
    else if (event.key === 'ArrowRight') onSeek(Math.min(span, positionMs + step));
    else if (event.key === 'Home') onSeek(0);
    else if (event.key === 'End') onSeek(span);
    else return;
    event.preventDefault();
  };

  return (
    <div className="timeline-bar">
      <div
        ref={track}
        className="timeline-bar__track"
        role="slider"
        tabIndex={0}
        aria-label="Session time"
        aria-valuemin={0}
        aria-valuemax={span}
        aria-valuenow={Math.round(positionMs)}
        aria-valuetext={`${formatSessionTime(positionMs)} of ${formatSessionTime(span)}`}
        onPointerDown={(event) => {
          event.currentTarget.setPointerCapture(event.pointerId);
          seekFromPointer(event);
        }}
        onPointerMove={(event) => {
          if (event.buttons === 1) seekFromPointer(event);
        }}
        onKeyDown={onKeyDown}
      >
        {timeline.phases.map((phase, index) => (
          <div
            key={`${phase.phaseIndex}-${phase.startMs}`}
            className={`timeline-bar__chapter timeline-bar__chapter--${index % 6}`}
            style={{ left: percent(phase.startMs), width: `calc(${percent(phase.endMs - phase.startMs)} - 2px)` }}
            title={`${phase.name} · ${formatSessionTime(phase.startMs)}–${formatSessionTime(phase.endMs)}`}
          >
            <span className="timeline-bar__chapter-name">{phase.name}</span>
          </div>
        ))}
        <div className="timeline-bar__played" style={{ width: percent(positionMs) }} />
        <div className="timeline-bar__playhead" style={{ left: percent(positionMs) }} />
      </div>
      <div className="timeline-bar__markers">
        {timeline.events.map((event, index) => (
          <button
            key={`${event.kind}-${index}`}
            type="button"
            className={`timeline-bar__marker timeline-bar__marker--${event.kind}`}
            style={{ left: percent(event.atMs) }}
            data-kind={event.kind}
            data-at-ms={event.atMs}
            aria-label={`${MARKER_LABEL[event.kind]} at ${formatSessionTime(event.atMs)}: ${describeEvent(event)}`}
            onClick={() => onSeek(event.atMs)}
          >
            <span className="timeline-bar__tooltip" role="tooltip">
              <strong>{formatSessionTime(event.atMs)}</strong> {describeEvent(event)}
            </span>
          </button>
        ))}
      </div>
      <div className="timeline-bar__legend" aria-hidden="true">
        {(['phase', 'note', 'hint', 'chat', 'join', 'leave'] as const)
          .filter((kind) => timeline.events.some((event) => event.kind === kind))
          .map((kind) => (
            <span key={kind} className="timeline-bar__legend-item">
              <span className={`timeline-bar__swatch timeline-bar__marker--${kind}`} />
              {MARKER_LABEL[kind]}
            </span>
          ))}
      </div>
    </div>
  );
}
