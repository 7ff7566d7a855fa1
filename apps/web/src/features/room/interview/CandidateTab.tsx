import { REQUIREMENT_MAX_LENGTH, type RequirementItem, type RequirementKind, type RoomState } from '@pairboard/contracts';
import { useState } from 'react';
import { Button, cx } from '../../../ui';
import type { RoomsSocket } from './rooms-socket';
import { List, type Run, Section } from './side-panel-parts';

/** The candidate's brief: the question, what the phase expects, revealed hints and the requirements list. */
export function CandidateTab({ room, freshHints, socket, run }: { room: RoomState; freshHints: number[]; socket: RoomsSocket; run: Run }) {
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
