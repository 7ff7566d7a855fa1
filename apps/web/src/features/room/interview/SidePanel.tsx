import type { RoomState } from '@pairboard/contracts';
import { useId, useState, type KeyboardEvent } from 'react';
import { cx } from '../../../ui';
import { CandidateTab } from './CandidateTab';
import { useUnreadChat } from './chat-reading';
import { ChatTab } from './ChatTab';
import { InterviewerTab } from './InterviewerTab';
import type { RoomsSocket } from './rooms-socket';

type Tab = 'interviewer' | 'candidate' | 'chat';

interface SidePanelProps {
  room: RoomState;
  freshHints: number[];
  socket: RoomsSocket;
  onError(message: string): void;
}

/** The collapsible panel beside the board: the interviewer's guide, the candidate's brief, chat. */
export function SidePanel({ room, freshHints, socket, onError }: SidePanelProps) {
  const isInterviewer = room.me.role === 'interviewer' && room.interviewer !== undefined;
  const tabs: { id: Tab; label: string }[] = [
    ...(isInterviewer ? [{ id: 'interviewer' as const, label: 'Interviewer' }] : []),
    { id: 'candidate', label: isInterviewer ? 'Candidate' : 'Brief' },
    { id: 'chat', label: 'Chat' },
  ];
  const [open, setOpen] = useState(true);
  const [tab, setTab] = useState<Tab>(isInterviewer ? 'interviewer' : 'candidate');
  const baseId = useId();
  const unread = useUnreadChat(room.interview.id, room.me.userId, room.chat, open && tab === 'chat');
  const run = (action: Promise<unknown>) => action.catch((error: unknown) => onError(error instanceof Error ? error.message : String(error)));

  const onTabKey = (event: KeyboardEvent, index: number) => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    event.preventDefault();
    const next = tabs[(index + step + tabs.length) % tabs.length];
    if (!next) return;
    setTab(next.id);
    document.getElementById(`${baseId}-${next.id}`)?.focus();
  };

  return (
    <aside className={cx('side-panel', !open && 'side-panel--closed')} data-testid="side-panel" aria-label="Interview panel">
      <button
        type="button"
        className="side-panel__toggle"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
        title={open ? 'Hide the panel' : 'Show the panel'}
      >
        {open ? '›' : '‹'}
        <span className="pb-visually-hidden">{open ? 'Hide the panel' : 'Show the panel'}</span>
        {!open && <UnreadMarker count={unread} />}
      </button>
      {open && (
        <>
          <div className="side-panel__tabs" role="tablist" aria-label="Panel sections">
            {tabs.map((entry, index) => (
              <button
                key={entry.id}
                id={`${baseId}-${entry.id}`}
                type="button"
                role="tab"
                aria-selected={tab === entry.id}
                aria-controls={`${baseId}-${entry.id}-panel`}
                tabIndex={tab === entry.id ? 0 : -1}
                className="side-panel__tab"
                onClick={() => setTab(entry.id)}
                onKeyDown={(event) => onTabKey(event, index)}
              >
                {entry.label}
                {entry.id === 'chat' && <UnreadMarker count={unread} />}
              </button>
            ))}
          </div>
          <div className="side-panel__body" role="tabpanel" id={`${baseId}-${tab}-panel`} aria-labelledby={`${baseId}-${tab}`}>
            {tab === 'interviewer' && isInterviewer && <InterviewerTab room={room} socket={socket} run={run} />}
            {tab === 'candidate' && <CandidateTab room={room} freshHints={freshHints} socket={socket} run={run} />}
            {tab === 'chat' && <ChatTab messages={room.chat} myId={room.me.userId} socket={socket} run={run} />}
          </div>
        </>
      )}
    </aside>
  );
}

function UnreadMarker({ count }: { count: number }) {
  if (count === 0) return null;
  return (
    <>
      <span className="side-panel__unread" aria-hidden="true" data-testid="chat-unread">
        {count > 99 ? '99+' : count}
      </span>
      <span className="pb-visually-hidden"> ({count} unread)</span>
    </>
  );
}
