import type { Interview } from '@pairboard/contracts';
import { Link } from 'react-router';
import { ArrowLeftIcon, Avatar, Badge, cx } from '../../ui';
import { ROLE_LABEL } from '../interviews/schedule';
import type { SyncState } from './connection-state';
import { ConnectionIndicator } from './ConnectionIndicator';
import type { RoomPerson } from './people';

const SHOWN_PEOPLE = 6;

const firstName = (name: string) => name.trim().split(/\s+/)[0] ?? name;

interface RoomHeaderProps {
  interview: Interview;
  people: RoomPerson[];
  sync: SyncState;
}

export function RoomHeader({ interview, people, sync }: RoomHeaderProps) {
  const shown = people.slice(0, SHOWN_PEOPLE);
  const hidden = people.length - shown.length;
  // Names fit next to a few avatars; with more people, avatars alone (names on hover and for screen readers).
  const compact = people.length > 3;
  return (
    <header className="room-header">
      <Link to={`/interviews/${interview.id}`} className="room-header__back" aria-label="Leave the room" title="Leave the room">
        <ArrowLeftIcon />
      </Link>
      <h1 className="room-header__title">{interview.title}</h1>
      <Badge tone={interview.myRole === 'observer' ? 'neutral' : 'accent'}>
        {ROLE_LABEL[interview.myRole]}
        {interview.myRole === 'observer' && ' · view only'}
      </Badge>
      <div className="room-header__end">
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
        <ConnectionIndicator state={sync} />
      </div>
    </header>
  );
}
