import { NOTE_MAX_LENGTH, type Note, type RoomState } from '@pairboard/contracts';
import { useState } from 'react';
import { Button } from '../../../ui';
import { dimensionName } from '../../scoring/labels';
import { formatElapsed } from './clock-display';
import type { RoomsSocket } from './rooms-socket';
import { isSubmitKey, List, type Run, Section } from './side-panel-parts';

/** The interviewer's guide: the question, the phase's listening points, hints to reveal, probes, signals and notes. */
export function InterviewerTab({ room, socket, run }: { room: RoomState; socket: RoomsSocket; run: Run }) {
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
              <h3 className="side-panel__subheading">{dimensionName(dimension)}</h3>
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
