import type { ClockCommand, RoomState } from '@pairboard/contracts';
import { useState } from 'react';
import { Button, cx } from '../../../ui';
import { clockDisplay, phaseChipText } from './clock-display';

interface InterviewClockProps {
  room: RoomState;
  serverNow: number;
  onCommand(command: ClockCommand): void;
  busy: boolean;
}

/** Phase chip, clock and (for interviewers) the clock controls, in the room header. */
export function InterviewClock({ room, serverNow, onCommand, busy }: InterviewClockProps) {
  const phases = room.script?.phases ?? [];
  const { clock } = room;
  const display = clockDisplay(phases, clock, serverNow);
  const isInterviewer = room.me.role === 'interviewer';
  const [confirmEnd, setConfirmEnd] = useState(false);
  const send = (command: ClockCommand) => onCommand({ ...command, clockVersion: clock.version });
  const live = clock.status === 'live';
  const paused = clock.pausedAt !== null;
  return (
    <div className="interview-clock" data-testid="interview-clock">
      <span className="interview-clock__phase" data-testid="phase-chip" title={phases[clock.phaseIndex]?.goal}>
        {phaseChipText(phases, clock)}
      </span>
      <span
        className={cx('interview-clock__time', `interview-clock__time--${display.tone}`)}
        data-testid="clock"
        data-tone={display.tone}
        role="timer"
        aria-live="off"
      >
        <span className="interview-clock__digits">{display.text}</span>
        {display.label && <span className="interview-clock__label">{display.label}</span>}
      </span>
      {isInterviewer && (
        <div className="interview-clock__controls" role="group" aria-label="Clock controls">
          {clock.status === 'scheduled' && (
            <Button size="sm" variant="primary" disabled={busy} onClick={() => send({ action: 'start' })}>
              Start
            </Button>
          )}
          {live && (
            <>
              <Button size="sm" variant="ghost" disabled={busy || clock.phaseIndex === 0} onClick={() => send({ action: 'previous' })}>
                Previous
              </Button>
              <Button
                size="sm"
                variant="secondary"
                disabled={busy || clock.phaseIndex >= phases.length - 1}
                onClick={() => send({ action: 'next' })}
              >
                Next
              </Button>
              <Button size="sm" variant="ghost" disabled={busy} onClick={() => send({ action: paused ? 'resume' : 'pause' })}>
                {paused ? 'Resume' : 'Pause'}
              </Button>
              <Button size="sm" variant="ghost" disabled={busy} onClick={() => send({ action: 'extend', minutes: 2 })}>
                +2 min
              </Button>
              <Button size="sm" variant="ghost" disabled={busy} onClick={() => send({ action: 'extend', minutes: 5 })}>
                +5 min
              </Button>
              {confirmEnd ? (
                <span className="interview-clock__confirm">
                  <Button
                    size="sm"
                    variant="danger"
                    disabled={busy}
                    onClick={() => {
                      setConfirmEnd(false);
                      send({ action: 'end' });
                    }}
                  >
                    End interview?
                  </Button>
                  <Button size="sm" variant="ghost" onClick={() => setConfirmEnd(false)}>
                    Cancel
                  </Button>
                </span>
              ) : (
                <Button size="sm" variant="ghost" disabled={busy} onClick={() => setConfirmEnd(true)}>
                  End
                </Button>
              )}
            </>
          )}
        </div>
      )}
    </div>
  );
}
