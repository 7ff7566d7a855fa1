import type { ExcalidrawImperativeAPI } from '@excalidraw/excalidraw/types';
import { ReplayCursor, type BoardFileRecord, type ExcalidrawElement } from '@pairboard/board-binding';
import type { Timeline, TimelineEvent } from '@pairboard/contracts';
import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { describeError } from '../../api';
import { Alert, Button, EmptyState, LoadErrorAlert, LoadingBlock, BoardIcon } from '../../ui';
import { ReplayBoard } from './ReplayBoard';
import { TimelineBar } from './TimelineBar';
import { downloadBlob, exportBoard, exportFilename, type ExportFormat } from './exports';
import { activityTimes, describeEvent, formatSessionTime, IDLE_MS, nextActivity, previousActivity, SPEEDS, type Speed } from './playback';
import type { ReplaySource } from './review-api';
import './ReplayView.css';

interface ReplayViewProps {
  source: ReplaySource;
  title: string;
}

/** The replay: board at the playhead, timeline, playback controls, events and exports. */
export function ReplayView({ source, title }: ReplayViewProps) {
  const timeline = useQuery({ queryKey: [...source.key, 'timeline'], queryFn: ({ signal }) => source.timeline(signal) });
  const updates = useQuery({ queryKey: [...source.key, 'updates'], queryFn: ({ signal }) => source.updates(signal), staleTime: Infinity });

  if (timeline.isPending || updates.isPending) return <LoadingBlock label="Loading the recording" />;
  if (timeline.isError) return <LoadErrorAlert title="The timeline could not be loaded." query={timeline} />;
  if (updates.isError) return <LoadErrorAlert title="The board recording could not be loaded." query={updates} />;
  const durationMs = Math.max(timeline.data.durationMs, updates.data.at(-1)?.atMs ?? 0);
  if (durationMs === 0 && updates.data.length === 0) {
    return (
      <EmptyState
        icon={<BoardIcon size={22} />}
        title="Nothing recorded yet"
        description="The replay fills in once the interview has started: board strokes, phases, hints and chat all land on the timeline."
      />
    );
  }
  return <Player timeline={timeline.data} updates={updates.data} durationMs={durationMs} title={title} loadFile={source.file} />;
}

interface PlayerProps {
  timeline: Timeline;
  updates: ConstructorParameters<typeof ReplayCursor>[0];
  durationMs: number;
  title: string;
  loadFile(fileId: string): Promise<Blob>;
}

function Player({ timeline, updates, durationMs, title, loadFile }: PlayerProps) {
  const cursor = useMemo(() => new ReplayCursor(updates), [updates]);
  const activity = useMemo(() => activityTimes(updates.map((update) => update.atMs), timeline.events), [updates, timeline.events]);
  const boardChanges = useMemo(() => updates.map((update) => update.atMs), [updates]);
  // The view frames the final board, so the picture does not jump as the session fills it in.
  const frame = useMemo(() => {
    const last = new ReplayCursor(updates);
    last.moveTo(updates.length);
    const visible = last.scene().elements.filter((element) => !element.isDeleted);
    last.destroy();
    return visible;
  }, [updates]);

  const [positionMs, setPositionMs] = useState(0);
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeed] = useState<Speed>(4);
  const [skipIdleOn, setSkipIdleOn] = useState(true);
  const [elements, setElements] = useState<readonly ExcalidrawElement[]>([]);
  const [files, setFiles] = useState<Readonly<Record<string, BoardFileRecord>>>({});
  const boardApi = useRef<ExcalidrawImperativeAPI | null>(null);
  const keepApi = useCallback((api: ExcalidrawImperativeAPI | null) => {
    boardApi.current = api;
  }, []);
  const [exportError, setExportError] = useState<string | null>(null);
  const [exporting, setExporting] = useState<ExportFormat | null>(null);

  // The board follows the playhead; the cursor applies only the updates in between.
  useEffect(() => {
    if (cursor.seek(positionMs) || positionMs === 0) {
      const scene = cursor.scene();
      setElements(scene.elements);
      // Records only accumulate (an image keeps its record when deleted): the object changes when one is added.
      setFiles((known) => (Object.keys(scene.files).length === Object.keys(known).length ? known : scene.files));
    }
  }, [cursor, positionMs]);

  const position = useRef(positionMs);
  position.current = positionMs;
  useEffect(() => {
    if (!playing) return;
    let frame = 0;
    let last = performance.now();
    const tick = (now: number) => {
      let next = position.current + (now - last) * speed;
      last = now;
      if (skipIdleOn) {
        const upcoming = nextActivity(activity, next);
        if (upcoming !== null && upcoming - next > IDLE_MS) next = upcoming - 1000;
      }
      if (next >= durationMs) {
        setPositionMs(durationMs);
        setPlaying(false);
        return;
      }
      setPositionMs(next);
      frame = requestAnimationFrame(tick);
    };
    frame = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(frame);
  }, [playing, speed, skipIdleOn, activity, durationMs]);

  const seek = useCallback((atMs: number) => setPositionMs(Math.min(durationMs, Math.max(0, atMs))), [durationMs]);
  const togglePlay = useCallback(() => {
    if (!playing && position.current >= durationMs) setPositionMs(0);
    setPlaying(!playing);
  }, [playing, durationMs]);
  const stepNext = useCallback(() => {
    const next = nextActivity(boardChanges, position.current);
    if (next !== null) seek(next);
  }, [boardChanges, seek]);
  const stepPrevious = useCallback(() => {
    const previous = previousActivity(boardChanges, position.current);
    seek(previous ?? 0);
  }, [boardChanges, seek]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (target && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT', 'BUTTON'].includes(target.tagName))) return;
      if (event.key === ' ') togglePlay();
      else if (event.key === ']') stepNext();
      else if (event.key === '[') stepPrevious();
      else if (event.key === 'ArrowRight' && target?.getAttribute('role') !== 'slider') seek(position.current + 5000);
      else if (event.key === 'ArrowLeft' && target?.getAttribute('role') !== 'slider') seek(position.current - 5000);
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [togglePlay, stepNext, stepPrevious, seek]);

  const download = async (format: ExportFormat) => {
    setExporting(format);
    setExportError(null);
    try {
      downloadBlob(await exportBoard(elements, format, boardApi.current?.getFiles() ?? {}), exportFilename(title, position.current, format));
    } catch (error) {
      setExportError(describeError(error));
    } finally {
      setExporting(null);
    }
  };

  const currentPhase = timeline.phases.filter((phase) => phase.startMs <= positionMs).at(-1);
  return (
    <div className="replay" data-position-ms={Math.round(positionMs)} data-playing={playing}>
      <div className="replay__main">
        <div className="replay__stage">
          <ReplayBoard elements={elements} files={files} loadFile={loadFile} frame={frame} title={title} onApi={keepApi} />
          <div className="replay__overlay" aria-live="off">
            <span className="replay__clock">{formatSessionTime(positionMs)}</span>
            {currentPhase && <span className="replay__phase">{currentPhase.name}</span>}
          </div>
        </div>
        <aside className="replay__side">
          <EventList events={timeline.events} positionMs={positionMs} onSeek={seek} />
        </aside>
      </div>

      <TimelineBar timeline={timeline} durationMs={durationMs} positionMs={positionMs} onSeek={seek} />

      <div className="replay__controls" role="toolbar" aria-label="Playback">
        <Button variant="ghost" size="sm" onClick={stepPrevious} aria-label="Previous board change" title="Previous board change ([)" icon={<StepIcon direction="back" />} />
        <Button variant="primary" size="sm" onClick={togglePlay} aria-label={playing ? 'Pause' : 'Play'} title="Play or pause (space)">
          {playing ? '❚❚ Pause' : '▶ Play'}
        </Button>
        <Button variant="ghost" size="sm" onClick={stepNext} aria-label="Next board change" title="Next board change (])" icon={<StepIcon direction="forward" />} />
        <span className="replay__time" aria-label="Playhead">
          {formatSessionTime(positionMs)} / {formatSessionTime(durationMs)}
        </span>
        <div className="replay__speeds" role="radiogroup" aria-label="Speed">
          {SPEEDS.map((value) => (
            <button key={value} type="button" role="radio" aria-checked={speed === value} className="replay__speed" onClick={() => setSpeed(value)}>
              {value}×
            </button>
          ))}
        </div>
        <label className="replay__toggle">
          <input type="checkbox" checked={skipIdleOn} onChange={(event) => setSkipIdleOn(event.target.checked)} /> Skip idle stretches
        </label>
        <div className="replay__exports" role="group" aria-label="Export the board at the playhead">
          {(['png', 'svg', 'excalidraw'] as const).map((format) => (
            <Button key={format} size="sm" variant="secondary" loading={exporting === format} onClick={() => void download(format)}>
              {format === 'excalidraw' ? '.excalidraw' : format.toUpperCase()}
            </Button>
          ))}
        </div>
      </div>
      {exportError && (
        <Alert tone="error" title="The export failed.">
          {exportError}
        </Alert>
      )}
    </div>
  );
}

function StepIcon({ direction }: { direction: 'back' | 'forward' }) {
  return (
    <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" style={direction === 'back' ? { transform: 'scaleX(-1)' } : undefined}>
      <path d="M3 3l7 5-7 5z" fill="currentColor" />
      <rect x="11" y="3" width="2" height="10" fill="currentColor" />
    </svg>
  );
}

const TABS = [
  { key: 'all', label: 'Everything' },
  { key: 'chat', label: 'Chat' },
  { key: 'note', label: 'Notes' },
] as const;

/** The session's events beside the board; the one at or before the playhead is highlighted. */
function EventList({ events, positionMs, onSeek }: { events: readonly TimelineEvent[]; positionMs: number; onSeek(atMs: number): void }) {
  const hasNotes = events.some((event) => event.kind === 'note');
  const [tab, setTab] = useState<(typeof TABS)[number]['key']>('all');
  const shown = events.filter((event) => tab === 'all' || event.kind === tab);
  const current = shown.filter((event) => event.atMs <= positionMs).at(-1);
  return (
    <div className="replay-events">
      <div className="replay-events__tabs" role="tablist" aria-label="Events">
        {TABS.filter((item) => item.key !== 'note' || hasNotes).map((item) => (
          <button key={item.key} type="button" role="tab" aria-selected={tab === item.key} className="replay-events__tab" onClick={() => setTab(item.key)}>
            {item.label}
          </button>
        ))}
      </div>
      {shown.length === 0 ? (
        <p className="replay-events__empty">{tab === 'chat' ? 'No chat in this session.' : 'Nothing here yet.'}</p>
      ) : (
        <ol className="replay-events__list">
          {shown.map((event, index) => (
            <li key={`${event.kind}-${index}`}>
              <button type="button" className={`replay-events__item${event === current ? ' replay-events__item--current' : ''}`} onClick={() => onSeek(event.atMs)}>
                <span className="replay-events__time">{formatSessionTime(event.atMs)}</span>
                <span className={`replay-events__dot timeline-bar__marker--${event.kind}`} aria-hidden="true" />
                <span className="replay-events__text">{describeEvent(event)}</span>
              </button>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
