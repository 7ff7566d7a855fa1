import type { ParticipantRole } from '@pairboard/contracts';
import { Alert, LinkButton } from '../../ui';

interface RoomEndedProps {
  interviewId: string;
  role: ParticipantRole;
}

/**
 * What comes after the end, for each part: the interviewer scores, the candidate rates the
 * interviewer and learns where the scorecard will be, an observer watches the replay. The board
 * stays visible, read-only, behind it.
 */
export function RoomEnded({ interviewId, role }: RoomEndedProps) {
  const page = `/interviews/${interviewId}`;
  const replay = (
    <LinkButton size="sm" variant={role === 'observer' ? 'primary' : 'ghost'} to={`${page}/review`}>
      Watch the replay
    </LinkButton>
  );
  return (
    <section className="room-banner room-ended" aria-label="Interview ended" data-testid="room-ended" data-role={role}>
      {role === 'interviewer' ? (
        <Alert
          title="The interview has ended."
          action={
            <>
              <LinkButton size="sm" variant="primary" to={`${page}/scorecard`}>
                Write the scorecard
              </LinkButton>
              {replay}
            </>
          }
        >
          Score the candidate while the session is fresh; your notes are there to cite as evidence. The board is read-only now.
        </Alert>
      ) : role === 'candidate' ? (
        <Alert
          title="The interview has ended."
          action={
            <>
              <LinkButton size="sm" variant="primary" to={`${page}/feedback`}>
                Rate your interviewer
              </LinkButton>
              <LinkButton size="sm" variant="secondary" to={`${page}/scorecard`}>
                Your scorecard
              </LinkButton>
            </>
          }
        >
          Your scorecard will appear on its page as soon as your interviewer submits it; you will be notified. The board is read-only now.
        </Alert>
      ) : (
        <Alert title="The interview has ended." action={replay}>
          The replay shows the whole session: the board, the phases and the chat. The board here is read-only now.
        </Alert>
      )}
    </section>
  );
}
