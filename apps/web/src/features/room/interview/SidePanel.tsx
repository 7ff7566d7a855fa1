import {
  CHAT_MESSAGE_MAX_LENGTH,
  NOTE_MAX_LENGTH,
  REQUIREMENT_MAX_LENGTH,
  type ChatMessage,
  type Note,
  type RequirementItem,
  type RequirementKind,
  type RoomState,
} from '@pairboard/contracts';
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { Button, cx } from '../../../ui';
import { formatElapsed } from './clock-display';
import type { RoomsSocket } from './rooms-socket';

type Tab = 'interviewer' | 'candidate' | 'chat';

interface SidePanelProps {
  room: RoomState;
  freshHints: number[];
  socket: RoomsSocket;
  onError(message: string): void;
}

const isSubmitKey = (event: KeyboardEvent) => event.key === 'Enter' && (event.ctrlKey || event.metaKey);

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

type Run = (action: Promise<unknown>) => Promise<unknown>;

function Section({ title, children, testId }: { title: string; children: React.ReactNode; testId?: string }) {
  return (
    <section className="side-panel__section" data-testid={testId}>
      <h2 className="side-panel__heading">{title}</h2>
      {children}
    </section>
  );
}

function List({ items }: { items: string[] }) {
  if (items.length === 0) return <p className="side-panel__muted">Nothing listed.</p>;
  return (
    <ul className="side-panel__list">
      {items.map((item, index) => (
        <li key={index}>{item}</li>
      ))}
    </ul>
  );
}

function InterviewerTab({ room, socket, run }: { room: RoomState; socket: RoomsSocket; run: Run }) {
  const guide = room.interviewer;
  if (!guide) return null;
  const phases = room.script?.phases ?? [];
  const phase = phases[room.clock.phaseIndex];
  const phaseGuide = guide.phaseGuides[room.clock.phaseIndex];
  const question = guide.question;
  const hints = question?.hints.filter((hint) => !phase || hint.phase === phase.key) ?? [];
  return (
    <div data-testid="interviewer-tab">
      {room.question && (
        <Section title={room.question.title}>
          <p className="side-panel__text">{room.question.prompt}</p>
        </Section>
      )}
      {phase && (
        <Section title={`Phase: ${phase.name}`}>
          <p className="side-panel__text">{phase.goal}</p>
          {phaseGuide && (
            <>
              <h3 className="side-panel__subheading">Listen for</h3>
              <List items={phaseGuide.interviewerListensFor} />
              <h3 className="side-panel__subheading">Common mistakes</h3>
              <List items={phaseGuide.commonMistakes} />
            </>
          )}
        </Section>
      )}
      {question && (
        <Section title="Hints for this phase" testId="interviewer-hints">
          {hints.length === 0 ? (
            <p className="side-panel__muted">No hints for this phase.</p>
          ) : (
            <ul className="side-panel__hints">
              {hints.map((hint) => (
                <li key={hint.index} className="side-panel__hint">
                  <span>{hint.text}</span>
                  {hint.revealed ? (
                    <span className="side-panel__revealed">Revealed</span>
                  ) : (
                    <Button size="sm" variant="secondary" onClick={() => void run(socket.send('hint:reveal', { hintIndex: hint.index }))}>
                      Reveal to candidate
                    </Button>
                  )}
                </li>
              ))}
            </ul>
          )}
        </Section>
      )}
      {question && question.probes.length > 0 && (
        <Section title="Probing questions">
          <ul className="side-panel__list">
            {question.probes.map((probe, index) => (
              <li key={index}>
                <strong>{probe.topic}:</strong> {probe.text}
              </li>
            ))}
          </ul>
        </Section>
      )}
      {question && Object.keys(question.signals).length > 0 && (
        <Section title="Signals">
          {Object.entries(question.signals).map(([dimension, signals]) => (
            <div key={dimension}>
              <h3 className="side-panel__subheading">{dimension}</h3>
              <List items={signals} />
            </div>
          ))}
        </Section>
      )}
      <Notes notes={guide.notes} phases={room.script?.phases.map((entry) => entry.name) ?? []} myId={room.me.userId} socket={socket} run={run} />
    </div>
  );
}

function Notes({ notes, phases, myId, socket, run }: { notes: Note[]; phases: string[]; myId: string; socket: RoomsSocket; run: Run }) {
  const [draft, setDraft] = useState('');
  const [editing, setEditing] = useState<{ id: string; text: string } | null>(null);
  const add = () => {
    const text = draft.trim();
    if (!text) return;
    void run(socket.send('note:create', { text }).then(() => setDraft('')));
  };
  const saveEdit = () => {
    if (!editing || !editing.text.trim()) return;
    void run(socket.send('note:update', { noteId: editing.id, text: editing.text.trim() }).then(() => setEditing(null)));
  };
  return (
    <Section title="Notes (only interviewers see these)" testId="notes">
      <textarea
        className="side-panel__textarea"
        aria-label="New note"
        placeholder="Write a note; Ctrl+Enter (⌘+Enter) adds it"
        maxLength={NOTE_MAX_LENGTH}
        value={draft}
        onChange={(event) => setDraft(event.target.value)}
        onKeyDown={(event) => {
          if (isSubmitKey(event)) {
            event.preventDefault();
            add();
          }
        }}
        rows={3}
      />
      <div className="side-panel__row">
        <Button size="sm" onClick={add} disabled={!draft.trim()}>
          Add note
        </Button>
      </div>
      <ul className="side-panel__notes">
        {notes.map((note) => (
          <li key={note.id} className="side-panel__note" data-testid="note">
            <div className="side-panel__stamp">
              {note.sessionMs === null ? 'Before start' : formatElapsed(note.sessionMs)}
              {note.phaseIndex !== null && phases[note.phaseIndex] ? ` · ${phases[note.phaseIndex]}` : ''}
              {note.authorId !== myId && ` · ${note.authorName}`}
            </div>
            {editing?.id === note.id ? (
              <>
                <textarea
                  className="side-panel__textarea"
                  aria-label="Edit note"
                  maxLength={NOTE_MAX_LENGTH}
                  value={editing.text}
                  onChange={(event) => setEditing({ id: note.id, text: event.target.value })}
                  onKeyDown={(event) => {
                    if (isSubmitKey(event)) {
                      event.preventDefault();
                      saveEdit();
                    }
                    if (event.key === 'Escape') setEditing(null);
                  }}
                  rows={3}
                />
                <div className="side-panel__row">
                  <Button size="sm" variant="primary" onClick={saveEdit}>
                    Save
                  </Button>
                  <Button size="sm" variant="ghost" onClick={() => setEditing(null)}>
                    Cancel
                  </Button>
                </div>
              </>
            ) : (
              <>
                <p className="side-panel__text side-panel__pre">{note.text}</p>
                {note.authorId === myId && (
                  <div className="side-panel__row">
                    <Button size="sm" variant="ghost" onClick={() => setEditing({ id: note.id, text: note.text })}>
                      Edit
                    </Button>
                    <Button size="sm" variant="ghost" onClick={() => void run(socket.send('note:delete', { noteId: note.id }))}>
                      Delete
                    </Button>
                  </div>
                )}
              </>
            )}
          </li>
        ))}
      </ul>
    </Section>
  );
}

function CandidateTab({ room, freshHints, socket, run }: { room: RoomState; freshHints: number[]; socket: RoomsSocket; run: Run }) {
  const phase = room.script?.phases[room.clock.phaseIndex];
  return (
    <div data-testid="candidate-tab">
      {room.question && (
        <Section title={room.question.title}>
          <p className="side-panel__text">{room.question.prompt}</p>
        </Section>
      )}
      {phase && (
        <Section title={`Now: ${phase.name}`}>
          <p className="side-panel__text">{phase.goal}</p>
          {phase.candidateProduces.length > 0 && (
            <>
              <h3 className="side-panel__subheading">What this phase expects</h3>
              <List items={phase.candidateProduces} />
            </>
          )}
        </Section>
      )}
      <Section title="Hints" testId="revealed-hints">
        {room.revealedHints.length === 0 ? (
          <p className="side-panel__muted">No hints revealed yet.</p>
        ) : (
          <ul className="side-panel__hints">
            {room.revealedHints.map((hint) => (
              <li
                key={hint.hintIndex}
                className={cx('side-panel__hint', freshHints.includes(hint.hintIndex) && 'side-panel__hint--fresh')}
                data-testid="revealed-hint"
              >
                {hint.text}
                {freshHints.includes(hint.hintIndex) && <span className="side-panel__revealed">New</span>}
              </li>
            ))}
          </ul>
        )}
      </Section>
      <Requirements items={room.requirements} editable={room.me.role === 'candidate'} socket={socket} run={run} />
    </div>
  );
}

const KIND_LABEL: Record<RequirementKind, string> = { functional: 'Functional', nonFunctional: 'Non-functional' };

function Requirements({ items, editable, socket, run }: { items: RequirementItem[]; editable: boolean; socket: RoomsSocket; run: Run }) {
  return (
    <Section title="Requirements" testId="requirements">
      {(['functional', 'nonFunctional'] as const).map((kind) => (
        <RequirementGroup
          key={kind}
          kind={kind}
          items={items.filter((item) => item.kind === kind)}
          editable={editable}
          socket={socket}
          run={run}
        />
      ))}
    </Section>
  );
}

function RequirementGroup({
  kind,
  items,
  editable,
  socket,
  run,
}: {
  kind: RequirementKind;
  items: RequirementItem[];
  editable: boolean;
  socket: RoomsSocket;
  run: Run;
}) {
  const [draft, setDraft] = useState('');
  const [editing, setEditing] = useState<{ id: string; text: string } | null>(null);
  const add = () => {
    const text = draft.trim();
    if (text) void run(socket.send('requirement:add', { kind, text }).then(() => setDraft('')));
  };
  return (
    <div className="side-panel__group">
      <h3 className="side-panel__subheading">{KIND_LABEL[kind]}</h3>
      {items.length === 0 && <p className="side-panel__muted">None yet.</p>}
      <ul className="side-panel__checklist">
        {items.map((item) => (
          <li key={item.id} className="side-panel__check">
            <input
              type="checkbox"
              checked={item.checked}
              disabled={!editable}
              aria-label={`Done: ${item.text}`}
              onChange={(event) => void run(socket.send('requirement:update', { itemId: item.id, checked: event.target.checked }))}
            />
            {editing?.id === item.id ? (
              <input
                className="side-panel__input"
                aria-label="Edit requirement"
                maxLength={REQUIREMENT_MAX_LENGTH}
                value={editing.text}
                autoFocus
                onChange={(event) => setEditing({ id: item.id, text: event.target.value })}
                onKeyDown={(event) => {
                  if (event.key === 'Enter' && editing.text.trim()) {
                    void run(socket.send('requirement:update', { itemId: item.id, text: editing.text.trim() }).then(() => setEditing(null)));
                  }
                  if (event.key === 'Escape') setEditing(null);
                }}
              />
            ) : (
              <span className={cx('side-panel__check-text', item.checked && 'side-panel__check-text--done')}>{item.text}</span>
            )}
            {editable && editing?.id !== item.id && (
              <>
                <Button size="sm" variant="ghost" onClick={() => setEditing({ id: item.id, text: item.text })}>
                  Edit
                </Button>
                <Button size="sm" variant="ghost" onClick={() => void run(socket.send('requirement:remove', { itemId: item.id }))}>
                  Remove
                </Button>
              </>
            )}
          </li>
        ))}
      </ul>
      {editable && (
        <form
          className="side-panel__row"
          onSubmit={(event) => {
            event.preventDefault();
            add();
          }}
        >
          <input
            className="side-panel__input"
            aria-label={`New ${KIND_LABEL[kind].toLowerCase()} requirement`}
            placeholder={`Add a ${KIND_LABEL[kind].toLowerCase()} requirement`}
            maxLength={REQUIREMENT_MAX_LENGTH}
            value={draft}
            onChange={(event) => setDraft(event.target.value)}
          />
          <Button size="sm" type="submit" disabled={!draft.trim()}>
            Add
          </Button>
        </form>
      )}
    </div>
  );
}

export function ChatMessages({ messages, myId }: { messages: ChatMessage[]; myId: string }) {
  const end = useRef<HTMLLIElement>(null);
  useEffect(() => {
    // Newer browsers return a promise from scrollIntoView: never hand it back to React as a cleanup.
    void end.current?.scrollIntoView?.({ block: 'end' });
  }, [messages.length]);
  if (messages.length === 0) return <p className="side-panel__muted">No messages yet.</p>;
  return (
    <ul className="chat__messages" aria-label="Messages" data-testid="chat-messages">
      {messages.map((message) => (
        <li key={message.id} className={cx('chat__message', message.authorId === myId && 'chat__message--mine')} data-testid="chat-message">
          <span className="chat__author">{message.authorId === myId ? 'You' : message.authorName}</span>
          {/* Plain text, exactly as typed. */}
          <span className="chat__text">{message.text}</span>
        </li>
      ))}
      <li ref={end} aria-hidden="true" className="chat__end" />
    </ul>
  );
}

function ChatTab({ messages, myId, socket, run }: { messages: ChatMessage[]; myId: string; socket: RoomsSocket; run: Run }) {
  const [draft, setDraft] = useState('');
  const [sending, setSending] = useState(false);
  const send = () => {
    const text = draft.trim();
    if (!text || sending) return;
    setSending(true);
    void run(socket.send('chat:send', { text }).then(() => setDraft(''))).finally(() => setSending(false));
  };
  return (
    <div className="chat" data-testid="chat">
      <ChatMessages messages={messages} myId={myId} />
      <form
        className="chat__form"
        onSubmit={(event) => {
          event.preventDefault();
          send();
        }}
      >
        <textarea
          className="side-panel__textarea"
          aria-label="Message"
          placeholder="Message everyone (Enter sends, Shift+Enter for a new line)"
          maxLength={CHAT_MESSAGE_MAX_LENGTH}
          rows={2}
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && !event.shiftKey) {
              event.preventDefault();
              send();
            }
          }}
        />
        <div className="side-panel__row">
          <span className="chat__counter" aria-live="polite">
            {draft.length}/{CHAT_MESSAGE_MAX_LENGTH}
          </span>
          <Button size="sm" type="submit" variant="primary" disabled={!draft.trim() || sending}>
            Send
          </Button>
        </div>
      </form>
    </div>
  );
}
