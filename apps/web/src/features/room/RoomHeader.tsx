import type { Interview, Presence } from '@pairboard/contracts';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { ArrowLeftIcon, Avatar, Badge, cx } from '../../ui';
import { ROLE_LABEL } from '../interviews/schedule';
import type { SyncState } from './connection-state';
import { ConnectionIndicator } from './ConnectionIndicator';
import { colorFor, type RoomPerson } from './people';

const SHOWN_PEOPLE = 6;

const firstName = (name: string) => name.trim().split(/\s+/)[0] ?? name;

interface RoomHeaderProps {
  interview: Interview;
  people: RoomPerson[];
  sync: SyncState;
  /** The interview clock, between the title and the people. */
  clock?: ReactNode;
  /** Who is in the interview room (from its socket); when given, it replaces the board's list. */
  presence?: Presence | null;
  myId?: string;
  following?: string | null;
  onFollow?(userId: string): void;
  onPresent?(presenting: boolean): void;
}

const QUALITY_LABEL = { good: 'good connection', fair: 'fair connection', poor: 'poor connection', unknown: 'connection not measured yet' } as const;

export function RoomHeader({ interview, people, sync, clock, presence, myId, following, onFollow, onPresent }: RoomHeaderProps) {
  const shown = people.slice(0, SHOWN_PEOPLE);
  const hidden = people.length - shown.length;
  // Names fit next to a few avatars; with more people, avatars alone (names on hover and for screen readers).
  const compact = people.length > 3;
  // The interviewer's clock controls decide how early the header needs a second row.
  const withControls = interview.myRole === 'interviewer' && Boolean(clock);
  return (
    <header className={cx('room-header', withControls && 'room-header--controls')}>
      <Link to={`/interviews/${interview.id}`} className="room-header__back" aria-label="Leave the room" title="Leave the room">
        <ArrowLeftIcon />
      </Link>
      <h1 className="room-header__title">{interview.title}</h1>
      <Badge tone={interview.myRole === 'observer' ? 'neutral' : 'accent'}>
        {ROLE_LABEL[interview.myRole]}
        {interview.myRole === 'observer' && ' · view only'}
      </Badge>
      {clock}
      <div className="room-header__end">
        {presence && myId && onFollow && onPresent ? (
          <PresenceList presence={presence} myId={myId} following={following ?? null} onFollow={onFollow} onPresent={onPresent} />
        ) : (
        <ul
          className={cx('room-people', compact && 'room-people--compact')}
          aria-label={`${people.length} ${people.length === 1 ? 'person' : 'people'} in the room`}
          data-testid="room-people"
        >
          {shown.map((person) => (
            <li key={person.id} className="room-people__person" title={person.isMe ? `${person.name} (you)` : person.name}>
              <Avatar name={person.name} color={person.color} size="xs" />
              <span className={cx('room-people__name', compact && 'pb-visually-hidden')}>
                {compact ? person.name : firstName(person.name)}
                {person.isMe && ' (you)'}
              </span>
            </li>
          ))}
          {hidden > 0 && (
            <li className="room-people__more" title={people.slice(SHOWN_PEOPLE).map((person) => person.name).join(', ')}>
              +{hidden}
            </li>
          )}
        </ul>
        )}
        <ConnectionIndicator state={sync} />
      </div>
    </header>
  );
}

interface PresenceListProps {
  presence: Presence;
  myId: string;
  following: string | null;
  onFollow(userId: string): void;
  onPresent(presenting: boolean): void;
}

/** The people in the interview room: role, connection quality, and follow / present. */
function PresenceList({ presence, myId, following, onFollow, onPresent }: PresenceListProps) {
  const people = [...presence.participants].sort((a, b) =>
    a.userId === myId ? -1 : b.userId === myId ? 1 : a.name.localeCompare(b.name),
  );
  const presenting = presence.presenterId === myId;
  // Observers watch; the server refuses them the presenter's seat, so they are not offered it.
  const mayPresent = people.some((person) => person.userId === myId && person.role !== 'observer');
  return (
    <>
      <ul className="room-people" aria-label={`${people.length} ${people.length === 1 ? 'person' : 'people'} in the room`} data-testid="room-people">
        {people.map((person) => {
          const isMe = person.userId === myId;
          return (
            <li
              key={person.userId}
              className="room-people__person"
              data-testid="room-person"
              data-user-id={person.userId}
              title={`${person.name}${isMe ? ' (you)' : ''} · ${ROLE_LABEL[person.role]} · online, ${QUALITY_LABEL[person.quality]}${
                person.rttMs !== null ? ` (${Math.round(person.rttMs)} ms)` : ''
              }${person.presenting ? ' · presenting' : ''}`}
            >
              <span className="room-people__avatar">
                <Avatar name={person.name} color={colorFor(person.userId)} size="xs" />
                <span className={cx('room-people__quality', `room-people__quality--${person.quality}`)} aria-hidden="true" />
              </span>
              <span className="room-people__name">
                {firstName(person.name)}
                {isMe && ' (you)'}
                <span className="room-people__role"> · {ROLE_LABEL[person.role]}</span>
                {person.presenting && <span className="room-people__role"> · presenting</span>}
                <span className="pb-visually-hidden">, online, {QUALITY_LABEL[person.quality]}</span>
              </span>
              {!isMe && following !== person.userId && (
                <button type="button" className="room-people__follow" onClick={() => onFollow(person.userId)}>
                  Follow<span className="pb-visually-hidden"> {person.name}</span>
                </button>
              )}
            </li>
          );
        })}
      </ul>
      {mayPresent && (
        <button
          type="button"
          className={cx('room-people__follow', 'room-header__present', presenting && 'room-people__follow--on')}
          aria-pressed={presenting}
          onClick={() => onPresent(!presenting)}
          title={presenting ? 'Stop presenting' : 'Everyone follows your view until they move away'}
        >
          {presenting ? 'Stop presenting' : 'Present'}
        </button>
      )}
    </>
  );
}
