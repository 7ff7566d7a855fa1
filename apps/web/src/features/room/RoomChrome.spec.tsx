import { fireEvent, render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { interviewFixture } from '../../test-support/interviews';
import { initialSyncState, syncReducer, type SyncEvent, type SyncState } from './connection-state';
import { colorFor, peopleInRoom } from './people';
import { RoomBanner } from './RoomBanner';
import { RoomHeader } from './RoomHeader';

const run = (events: SyncEvent[]) => events.reduce(syncReducer, initialSyncState);
const live = run([{ type: 'synced' }]);
const ada = { id: 'u1', name: 'Ada Lovelace', color: colorFor('u1') };
const grace = { id: 'u2', name: 'Grace Hopper', color: colorFor('u2') };

function header(sync: SyncState, myRole: 'interviewer' | 'observer' = 'interviewer') {
  const interview = interviewFixture({ title: 'Design a chat service', myRole });
  const people = peopleInRoom(new Map<number, unknown>([[2, { user: grace }], [3, { user: grace }], [4, { nonsense: true }]]), ada);
  return render(
    <MemoryRouter>
      <RoomHeader interview={interview} people={people} sync={sync} />
    </MemoryRouter>,
  );
}

describe('Room header', () => {
  it('shows the title, the people once each with their colour, and the connection', () => {
    header(run([{ type: 'synced' }, { type: 'local', sent: true, ids: ['a'] }, { type: 'stored', count: 1 }]));
    expect(screen.getByRole('heading', { name: 'Design a chat service' })).toBeInTheDocument();
    const people = screen.getByRole('list', { name: '2 people in the room' });
    expect(people).toHaveTextContent('Ada (you)');
    expect(people).toHaveTextContent('Grace');
    expect(people.querySelector('.pb-avatar')).toHaveStyle({ background: colorFor('u1') });
    const status = screen.getByTestId('connection-state');
    expect(status).toHaveTextContent('Live·Saved');
    expect(status).toHaveAttribute('data-unsaved', '0');
    expect(screen.getByRole('link', { name: 'Leave the room' })).toHaveAttribute('href', expect.stringMatching(/^\/interviews\//));
  });

  it('says when the board is offline with unsaved changes', () => {
    header(run([{ type: 'synced' }, { type: 'closed', code: 1006 }, { type: 'local', sent: false, ids: ['a'] }]));
    expect(screen.getByTestId('connection-state')).toHaveTextContent('Offline·1 unsaved change');
  });

  it('offers Present to interviewers and candidates, never to observers', () => {
    const entry = (userId: string, role: 'interviewer' | 'candidate' | 'observer') => ({
      userId, name: userId === 'u1' ? 'Ada Lovelace' : 'Grace Hopper', role, connections: 1, rttMs: 20, quality: 'good' as const, presenting: false,
    });
    const presenceAs = (role: 'interviewer' | 'candidate' | 'observer') => (
      <MemoryRouter>
        <RoomHeader
          interview={interviewFixture({ myRole: role })}
          people={[]}
          sync={live}
          presence={{ participants: [entry('u1', role), entry('u2', 'interviewer')], presenterId: null }}
          myId="u1"
          following={null}
          onFollow={() => undefined}
          onPresent={() => undefined}
        />
      </MemoryRouter>
    );
    const view = render(presenceAs('candidate'));
    expect(screen.getByRole('button', { name: 'Present' })).toBeInTheDocument();
    view.rerender(presenceAs('observer'));
    expect(screen.queryByRole('button', { name: 'Present' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: /Follow/ })).toBeInTheDocument();
  });

  it('marks observers as view only', () => {
    header(live, 'observer');
    expect(screen.getByText(/Observer · view only/)).toBeInTheDocument();
  });
});

describe('Room banner', () => {
  const banner = (sync: SyncState, readOnly = false) => {
    const onReconnect = jest.fn();
    const onSignIn = jest.fn();
    render(
      <MemoryRouter>
        <RoomBanner sync={sync} readOnly={readOnly} onReconnect={onReconnect} onSignIn={onSignIn} />
      </MemoryRouter>,
    );
    return { onReconnect, onSignIn };
  };

  it('shows nothing while the board is fine', () => {
    const { container } = render(<RoomBanner sync={live} readOnly={false} onReconnect={jest.fn()} onSignIn={jest.fn()} />);
    expect(container).toBeEmptyDOMElement();
  });

  it('offers a reconnect after a refusal the person can retry', () => {
    const { onReconnect } = banner(syncReducer(live, { type: 'closed', code: 4413 }));
    expect(screen.getByRole('alert')).toHaveTextContent('A change was too large to sync.');
    fireEvent.click(screen.getByRole('button', { name: 'Reconnect' }));
    expect(onReconnect).toHaveBeenCalledTimes(1);
  });

  it('asks to sign in again after the token was refused twice', () => {
    const { onSignIn } = banner(run([{ type: 'closed', code: 4401 }, { type: 'closed', code: 4401 }]));
    fireEvent.click(screen.getByRole('button', { name: 'Sign in again' }));
    expect(onSignIn).toHaveBeenCalledTimes(1);
  });

  it('tells a non-participant, and an observer, what 4403 means for them', () => {
    banner(syncReducer(live, { type: 'closed', code: 4403 }));
    expect(screen.getByRole('alert')).toHaveTextContent('You are not a participant of this interview.');
    expect(screen.getByRole('link', { name: 'Back to your dashboard' })).toHaveAttribute('href', '/');
  });

  it('gives observers a read-only notice for 4403', () => {
    banner(syncReducer(live, { type: 'closed', code: 4403 }), true);
    expect(screen.getByRole('status')).toHaveTextContent('The board is read-only for observers.');
  });
});
