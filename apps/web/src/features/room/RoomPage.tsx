import type { Interview } from '@pairboard/contracts';
import { localAwarenessState } from '@pairboard/board-binding';
import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { useParams } from 'react-router';
import * as Y from 'yjs';
import { useApiClient } from '../../api';
import { CenteredPage, FullPageLoading, QueryFailure, useDocumentTitle } from '../../ui';
import { useAuth, useSignedInUser } from '../auth/AuthContext';
import { InterviewInvitationGate } from '../interviews/InterviewInvitation';
import { InterviewNotFound } from '../interviews/InterviewPage';
import { fetchInterview, interviewQueryKey } from '../interviews/interviews-api';
import { BoardConnection } from './board-connection';
import { Board } from './Board';
import { boardFileTransport } from './board-files';
import { initialSyncState, type SyncState } from './connection-state';
import { colorFor, peopleInRoom, type RoomPerson } from './people';
import { RoomBanner } from './RoomBanner';
import { RoomEnded } from './RoomEnded';
import { RoomHeader } from './RoomHeader';
import { InterviewClock } from './interview/InterviewClock';
import { PhaseTimeline } from './interview/PhaseTimeline';
import { SidePanel } from './interview/SidePanel';
import { useFollowMode } from './interview/useFollowMode';
import { useInterviewRoom, useServerNow } from './interview/useInterviewRoom';
import './RoomPage.css';
import './interview/InterviewRoom.css';

export default function RoomPage() {
  const { interviewId = '' } = useParams();
  const client = useApiClient();
  const interview = useQuery({
    queryKey: interviewQueryKey(interviewId),
    queryFn: ({ signal }) => fetchInterview(client, interviewId, signal),
  });
  useDocumentTitle(interview.data ? `${interview.data.title} · Room` : 'Room');

  if (interview.isPending) return <FullPageLoading label="Opening the room" />;
  if (interview.isError) {
    return (
      <CenteredPage>
        <QueryFailure query={interview} title="The room could not be opened." notFound={<InterviewNotFound />} />
      </CenteredPage>
    );
  }
  if (interview.data.myStatus === 'invited') {
    return (
      <CenteredPage>
        <InterviewInvitationGate interview={interview.data} />
      </CenteredPage>
    );
  }
  return <Room interview={interview.data} />;
}

interface LiveBoard {
  doc: Y.Doc;
  connection: BoardConnection;
}

const noSubscription = () => () => undefined;
const initialState = () => initialSyncState;

function Room({ interview }: { interview: Interview }) {
  const user = useSignedInUser();
  const { signOut } = useAuth();
  const client = useApiClient();
  const me = useMemo(() => ({ id: user.id, name: user.name, color: colorFor(user.id) }), [user.id, user.name]);
  const [live, setLive] = useState<LiveBoard | null>(null);
  const [people, setPeople] = useState<RoomPerson[]>(() => peopleInRoom(new Map(), me));
  const files = useMemo(() => boardFileTransport(client, interview.id), [client, interview.id]);

  useEffect(() => {
    const doc = new Y.Doc();
    const connection = new BoardConnection({ interviewId: interview.id, doc, session: client.session });
    setLive({ doc, connection });
    return () => {
      connection.destroy();
      doc.destroy();
    };
  }, [interview.id, client]);

  // Presence: who is here, under which name and colour.
  useEffect(() => {
    if (!live) return;
    const awareness = live.connection.provider.awareness;
    awareness.setLocalState({ ...awareness.getLocalState(), ...localAwarenessState(me) });
    let shown = '';
    const update = () => {
      const next = peopleInRoom(awareness.getStates(), me);
      const key = next.map((person) => `${person.id}:${person.name}:${person.color}`).join('|');
      if (key === shown) return;
      shown = key;
      setPeople(next);
    };
    awareness.on('change', update);
    update();
    return () => awareness.off('change', update);
  }, [live, me]);

  const sync: SyncState = useSyncExternalStore(
    live?.connection.subscribe ?? noSubscription,
    live?.connection.getState ?? initialState,
  );

  // The interview itself: clock, panel, chat, presence and follow mode over the `/rooms` socket.
  const { socket, snapshot } = useInterviewRoom(interview.id, client.session);
  const room = snapshot.room;
  // The server refuses every change to an ended interview's board, so it is shown in view mode.
  const ended = room?.clock.status === 'ended' || (!room && interview.status === 'ended');
  const readOnly = interview.myRole === 'observer' || ended;
  const [problem, setProblem] = useState<string | null>(null);
  const showProblem = useCallback((message: string) => setProblem(message), []);
  useEffect(() => {
    if (!problem) return;
    const timer = setTimeout(() => setProblem(null), 6_000);
    return () => clearTimeout(timer);
  }, [problem]);
  useEffect(() => socket?.onError((error) => showProblem(error.message)), [socket, showProblem]);
  const running = room?.clock.status === 'live' && room.clock.pausedAt === null;
  const serverNow = useServerNow(snapshot.offsetMs, running);
  const [busy, setBusy] = useState(false);
  const followMode = useFollowMode(socket, room?.presence ?? null, room?.me.userId ?? null, showProblem);
  const followedName = room?.presence.participants.find((person) => person.userId === followMode.following)?.name;
  const { following, follow } = followMode;
  // The server forgets a socket's follow on reconnect: ask again.
  useEffect(() => {
    if (snapshot.link === 'joined' && following) follow(following);
  }, [snapshot.link]);

  return (
    <div className="room">
      <RoomHeader
        interview={interview}
        people={people}
        sync={sync}
        clock={
          room && (
            <InterviewClock
              room={room}
              serverNow={serverNow}
              busy={busy}
              onCommand={(command) => {
                if (!socket) return;
                setBusy(true);
                socket
                  .send('clock:command', command)
                  .catch((error: unknown) => showProblem(error instanceof Error ? error.message : String(error)))
                  .finally(() => setBusy(false));
              }}
            />
          )
        }
        presence={room?.presence}
        myId={room?.me.userId}
        following={followMode.following}
        onFollow={followMode.follow}
        onPresent={(presenting) => {
          socket?.send(presenting ? 'present:start' : 'present:stop', {}).catch((error: unknown) => showProblem(error instanceof Error ? error.message : String(error)));
        }}
      />
      {ended && <RoomEnded interviewId={interview.id} role={room?.me.role ?? interview.myRole} />}
      <RoomBanner
        sync={sync}
        readOnly={readOnly}
        ended={ended}
        onReconnect={() => live?.connection.reconnect()}
        onSignIn={() => void signOut()}
      />
      {snapshot.link === 'offline' && room && (
        <div className="room-notice" role="status">
          The interview room is reconnecting; the clock and chat catch up when it is back.
        </div>
      )}
      {snapshot.link === 'refused' && snapshot.problem && (
        <div className="room-notice room-notice--error" role="alert">
          {snapshot.problem}
        </div>
      )}
      {problem && (
        <div className="room-toast" role="alert" data-testid="room-toast">
          {problem}
          <button type="button" className="room-toast__close" onClick={() => setProblem(null)} aria-label="Dismiss">
            ×
          </button>
        </div>
      )}
      <div className="room-main">
        <div className="room-main__board">
          {live && (
            <Board
              key={live.connection.provider.roomname + String(live.doc.clientID)}
              doc={live.doc}
              awareness={live.connection.provider.awareness}
              me={me}
              readOnly={readOnly}
              title={interview.title}
              onViewportChange={followMode.onViewportChange}
              onApi={followMode.onApi}
              files={files}
            />
          )}
          {followMode.following && (
            <div className="follow-pill" role="status" data-testid="follow-pill">
              Following {followedName ?? 'someone'}
              <button type="button" onClick={followMode.stop}>
                Stop
              </button>
            </div>
          )}
        </div>
        {room && socket && <SidePanel room={room} freshHints={snapshot.freshHints} socket={socket} onError={showProblem} />}
      </div>
      {room && <PhaseTimeline room={room} serverNow={serverNow} />}
    </div>
  );
}
