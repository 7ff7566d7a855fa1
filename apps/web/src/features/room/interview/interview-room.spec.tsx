import type { Note, RoomClock, RoomPhase, RoomState } from '@pairboard/contracts';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { clockDisplay, formatDuration, phaseChipText } from './clock-display';
import { initialRoomState, roomReducer, type InterviewRoomState, type RoomAction } from './room-state';
import { formatChatTime, unreadCount } from './chat-reading';
import { ChatMessages } from './ChatTab';
import { InterviewerTab } from './InterviewerTab';
import type { RoomsSocket } from './rooms-socket';
import { SidePanel } from './SidePanel';

const phase = (key: string, name: string, minutes: number): RoomPhase => ({
  key,
  name,
  minutes,
  optional: false,
  half: null,
  goal: `Goal of ${name}`,
  candidateProduces: [],
});
const phases = [phase('requirements', 'Requirements', 5), phase('entities', 'Core entities', 2), phase('api', 'API', 5)];

const T0 = 1_700_000_000_000;
const clock = (change: Partial<RoomClock> = {}): RoomClock => ({
  status: 'live',
  phaseIndex: 1,
  phaseStartedAt: T0,
  pausedAt: null,
  pausedMs: 0,
  extensionMs: 0,
  startedAt: T0 - 5 * 60_000,
  endedAt: null,
  version: 3,
  ...change,
});

const note = (id: string, createdAt: number, text = 'note'): Note => ({
  id,
  authorId: 'u1',
  authorName: 'Ada',
  text,
  sessionMs: 1000,
  phaseIndex: 0,
  createdAt,
  updatedAt: createdAt,
});

function roomState(change: Partial<RoomState> = {}): RoomState {
  return {
    interview: { id: 'i1', title: 'Design a URL shortener' },
    me: { userId: 'u1', name: 'Ada', role: 'interviewer' },
    clock: clock(),
    serverTime: T0,
    script: { id: 's1', name: 'Default', autoAdvance: false, phases },
    question: { id: 'url-shortener', title: 'URL shortener', prompt: 'Design it.' },
    revealedHints: [],
    requirements: [],
    chat: [],
    presence: { participants: [], presenterId: null },
    interviewer: {
      question: {
        requirements: { functional: [], nonFunctional: [] },
        entities: [],
        hints: [{ index: 0, phase: 'entities', text: 'Think about the short code.', revealed: false }],
        probes: [],
        signals: {},
      },
      phaseGuides: [],
      notes: [],
    },
    ...change,
  };
}

const run = (actions: RoomAction[], from: InterviewRoomState = initialRoomState) => actions.reduce(roomReducer, from);

describe('room state', () => {
  it('ignores events until it has joined', () => {
    expect(run([{ type: 'chat', message: { id: 'm', authorId: 'u2', authorName: 'Grace', text: 'hi', sentAt: T0 } }])).toBe(initialRoomState);
  });

  it('keeps the clock with the highest version', () => {
    const state = run([{ type: 'joined', state: roomState() }, { type: 'clock', clock: clock({ version: 5, phaseIndex: 2 }) }]);
    expect(state.room?.clock.phaseIndex).toBe(2);
    const stale = roomReducer(state, { type: 'clock', clock: clock({ version: 4, phaseIndex: 0 }) });
    expect(stale.room?.clock.phaseIndex).toBe(2);
  });

  it('adds a revealed hint once, marks it revealed for the interviewer and fresh for the page', () => {
    const hint = { hintIndex: 0, phase: 'entities', text: 'Think about the short code.', phaseIndex: 1, revealedAt: T0, revealedBy: 'u1' };
    const state = run([{ type: 'joined', state: roomState() }, { type: 'hintRevealed', hint }, { type: 'hintRevealed', hint }]);
    expect(state.room?.revealedHints).toHaveLength(1);
    expect(state.room?.interviewer?.question?.hints[0]?.revealed).toBe(true);
    expect(state.freshHints).toEqual([0]);
  });

  it('saves, replaces and deletes notes in order of writing', () => {
    const state = run([
      { type: 'joined', state: roomState() },
      { type: 'noteSaved', note: note('b', T0 + 2) },
      { type: 'noteSaved', note: note('a', T0 + 1) },
      { type: 'noteSaved', note: note('b', T0 + 2, 'edited') },
    ]);
    expect(state.room?.interviewer?.notes.map((entry) => `${entry.id}:${entry.text}`)).toEqual(['a:note', 'b:edited']);
    expect(roomReducer(state, { type: 'noteDeleted', noteId: 'a' }).room?.interviewer?.notes.map((entry) => entry.id)).toEqual(['b']);
  });

  it('never invents notes for someone who has none (a candidate)', () => {
    const state = run([{ type: 'joined', state: roomState({ interviewer: undefined }) }, { type: 'noteSaved', note: note('a', T0) }]);
    expect(state.room?.interviewer).toBeUndefined();
  });

  it('appends chat once per message, and takes presence and requirements as sent', () => {
    const message = { id: 'm1', authorId: 'u2', authorName: 'Grace', text: 'hello', sentAt: T0 };
    const presence = {
      participants: [{ userId: 'u2', name: 'Grace', role: 'candidate' as const, connections: 1, rttMs: 40, quality: 'good' as const, presenting: false }],
      presenterId: null,
    };
    const item = { id: 'r1', kind: 'functional' as const, text: 'Shorten a URL', checked: false, updatedAt: T0, updatedBy: 'u2' };
    const state = run([
      { type: 'joined', state: roomState() },
      { type: 'chat', message },
      { type: 'chat', message },
      { type: 'presence', presence },
      { type: 'requirements', items: [item] },
    ]);
    expect(state.room?.chat).toEqual([message]);
    expect(state.room?.presence).toEqual(presence);
    expect(state.room?.requirements).toEqual([item]);
  });
});

describe('clock display', () => {
  it('formats minutes and seconds', () => {
    expect(formatDuration(0)).toBe('00:00');
    expect(formatDuration(61_000)).toBe('01:01');
    expect(formatDuration(59_001)).toBe('01:00');
    expect(formatDuration(75 * 60_000)).toBe('75:00');
  });

  it('counts down the remaining time of the phase', () => {
    expect(clockDisplay(phases, clock(), T0 + 30_000)).toEqual({ text: '01:30', label: null, tone: 'normal' });
    expect(phaseChipText(phases, clock())).toBe('2/3 Core entities');
  });

  it('warns in words during the last minute', () => {
    expect(clockDisplay(phases, clock(), T0 + 75_000)).toEqual({ text: '00:45', label: 'Last minute', tone: 'warning' });
  });

  it('shows overtime as +mm:ss with the word', () => {
    expect(clockDisplay(phases, clock(), T0 + 2 * 60_000 + 65_000)).toEqual({ text: '+01:05', label: 'overtime', tone: 'overtime' });
  });

  it('freezes and says Paused while paused', () => {
    const paused = clock({ pausedAt: T0 + 20_000 });
    expect(clockDisplay(phases, paused, T0 + 50_000)).toEqual({ text: '01:40', label: 'Paused', tone: 'paused' });
  });

  it('includes extensions', () => {
    expect(clockDisplay(phases, clock({ extensionMs: 2 * 60_000 }), T0 + 30_000).text).toBe('03:30');
  });

  it('says when the interview has not started or has ended', () => {
    expect(clockDisplay(phases, clock({ status: 'scheduled', phaseStartedAt: null }), T0).label).toBe('Not started');
    expect(clockDisplay(phases, clock({ status: 'ended', endedAt: T0 }), T0).label).toBe('Ended');
  });
});

describe('chat', () => {
  const message = (id: string, authorId: string, sentAt = T0) => ({ id, authorId, authorName: authorId === 'u1' ? 'Ada' : 'Grace', text: `text ${id}`, sentAt });

  it('shows when each message was sent, on the reader’s clock', () => {
    render(<ChatMessages messages={[message('m1', 'u2')]} myId="u1" />);
    const time = screen.getByText(formatChatTime(T0));
    expect(time.tagName).toBe('TIME');
    expect(time).toHaveAttribute('dateTime', new Date(T0).toISOString());
  });

  it('formats the time in the reader’s zone', () => {
    // 2023-11-14T22:13:20Z
    expect(formatChatTime(T0, 'en-GB', 'Europe/Paris')).toBe('23:13');
    expect(formatChatTime(T0, 'en-GB', 'America/New_York')).toBe('17:13');
  });

  it('counts messages from others after the last one read', () => {
    const messages = [message('m1', 'u2'), message('m2', 'u1'), message('m3', 'u2'), message('m4', 'u2')];
    expect(unreadCount(messages, 'u1', null)).toBe(3);
    expect(unreadCount(messages, 'u1', 'm2')).toBe(2);
    expect(unreadCount(messages, 'u1', 'm4')).toBe(0);
  });

  it('marks the Chat tab with the number of unread messages until the chat is opened', () => {
    window.localStorage.clear();
    const socket = {} as RoomsSocket;
    const room = roomState({ chat: [message('m1', 'u2')] });
    const view = render(<SidePanel room={room} freshHints={[]} socket={socket} onError={() => undefined} />);
    expect(screen.getByRole('tab', { name: /^Chat \(1 unread\)$/ })).toBeInTheDocument();

    fireEvent.click(screen.getByRole('tab', { name: /^Chat/ }));
    expect(screen.getByRole('tab', { name: 'Chat' })).toBeInTheDocument();
    expect(screen.queryByTestId('chat-unread')).toBeNull();

    // New messages while another tab is open are unread; the reader's own are not.
    fireEvent.click(screen.getByRole('tab', { name: 'Interviewer' }));
    act(() => view.rerender(<SidePanel room={{ ...room, chat: [...room.chat, message('m2', 'u1'), message('m3', 'u2'), message('m4', 'u2')] }} freshHints={[]} socket={socket} onError={() => undefined} />));
    expect(screen.getByRole('tab', { name: /^Chat \(2 unread\)$/ })).toBeInTheDocument();
    expect(screen.getByTestId('chat-unread')).toHaveTextContent('2');

    // A collapsed panel still shows the count on its toggle.
    fireEvent.click(screen.getByRole('button', { name: /Hide the panel/ }));
    expect(screen.getByRole('button', { name: /Show the panel \(2 unread\)$/ })).toBeInTheDocument();
    view.unmount();

    // Reading is remembered in this browser: a reload does not count read messages again.
    render(<SidePanel room={{ ...room, chat: [...room.chat, message('m2', 'u1'), message('m3', 'u2'), message('m4', 'u2')] }} freshHints={[]} socket={socket} onError={() => undefined} />);
    expect(screen.getByRole('tab', { name: /^Chat \(2 unread\)$/ })).toBeInTheDocument();
  });

  it('renders messages as text, never as markup', () => {
    const text = '<img src=x onerror="alert(1)"><b>bold</b>';
    const { container } = render(
      <ChatMessages messages={[{ id: 'm1', authorId: 'u2', authorName: 'Grace', text, sentAt: T0 }]} myId="u1" />,
    );
    expect(screen.getByText(text)).toBeInTheDocument();
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('b')).toBeNull();
  });
});

describe('interviewer tab', () => {
  it('names the signals by the rubric’s dimension names, not their keys', () => {
    const room = roomState();
    const question = room.interviewer?.question;
    if (!question) throw new Error('fixture without a question');
    question.signals = { 'data-api': ['Paginates lists'], 'high-level-design': ['Draws the write path'] };
    render(<InterviewerTab room={room} socket={{} as RoomsSocket} run={(action) => action} />);
    expect(screen.getByRole('heading', { name: 'Data modelling & API' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'High-level design' })).toBeInTheDocument();
    expect(screen.queryByText(/data-api|high-level-design/i)).toBeNull();
  });
});
