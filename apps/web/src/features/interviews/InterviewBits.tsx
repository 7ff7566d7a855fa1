import type { InterviewStatus, Participant, ParticipantRole } from '@pairboard/contracts';
import { Avatar, Badge, type BadgeTone } from '../../ui';
import { ROLE_LABEL, STATUS_LABEL } from './schedule';
import './InterviewBits.css';

const ROLE_TONE: Record<ParticipantRole, BadgeTone> = {
  interviewer: 'accent',
  candidate: 'info',
  observer: 'neutral',
};

const STATUS_TONE: Record<InterviewStatus, BadgeTone> = {
  scheduled: 'neutral',
  live: 'success',
  ended: 'neutral',
  cancelled: 'danger',
};

export function RoleBadge({ role }: { role: ParticipantRole }) {
  return <Badge tone={ROLE_TONE[role]}>{ROLE_LABEL[role]}</Badge>;
}

export function StatusBadge({ status }: { status: InterviewStatus }) {
  return (
    <Badge tone={STATUS_TONE[status]}>
      {status === 'live' && <span className="interview-live-dot" aria-hidden="true" />}
      {STATUS_LABEL[status]}
    </Badge>
  );
}

export const displayName = (participant: Participant) => participant.name ?? participant.email;

/** Everyone in an interview, in a compact wrapping row: name, role and whether they still have to sign up. */
export function ParticipantChips({ participants, myUserId }: { participants: readonly Participant[]; myUserId: string }) {
  return (
    <ul className="participant-chips" aria-label="Participants">
      {participants.map((participant) => (
        <li key={participant.email} className="participant-chips__item">
          <span className="participant-chips__name">
            {displayName(participant)}
            {participant.userId === myUserId && <span className="participant-chips__you"> (you)</span>}
          </span>
          <RoleBadge role={participant.role} />
          {participant.status === 'invited' && <span className="participant-chips__invited">invited</span>}
        </li>
      ))}
    </ul>
  );
}

/** The participants as a list with avatars, for the interview page. */
export function ParticipantTable({ participants, myUserId }: { participants: readonly Participant[]; myUserId: string }) {
  return (
    <ul className="participant-table" aria-label="Participants">
      {participants.map((participant) => (
        <li key={participant.email} className="participant-table__row" data-testid="participant">
          <Avatar name={participant.name ?? participant.email} size="md" />
          <div className="participant-table__who">
            <span className="participant-table__name">
              {displayName(participant)}
              {participant.userId === myUserId && <span className="participant-chips__you"> (you)</span>}
            </span>
            {participant.name && <span className="participant-table__email">{participant.email}</span>}
            {participant.status === 'invited' && (
              <span className="participant-table__email">
                {participant.userId === myUserId ? 'You have not answered the invitation yet' : 'Invited — takes part once they accept'}
              </span>
            )}
          </div>
          <div className="participant-table__badges">
            {participant.status === 'invited' && <Badge tone="warning">Invited</Badge>}
            <RoleBadge role={participant.role} />
          </div>
        </li>
      ))}
    </ul>
  );
}
