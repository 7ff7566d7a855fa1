import type { Interview } from '@pairboard/contracts';
import { localAwarenessState } from '@pairboard/board-binding';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { useParams } from 'react-router';
import * as Y from 'yjs';
import { ApiError, describeError, useApiClient } from '../../api';
import { Alert, Button, CenteredPage, FullPageLoading, useDocumentTitle } from '../../ui';
import { useAuth, useSignedInUser } from '../auth/AuthContext';
import { InterviewNotFound } from '../interviews/InterviewPage';
import { fetchInterview, interviewQueryKey } from '../interviews/interviews-api';
import { BoardConnection } from './board-connection';
import { Board } from './Board';
import { initialSyncState, type SyncState } from './connection-state';
import { colorFor, peopleInRoom, type RoomPerson } from './people';
import { RoomBanner } from './RoomBanner';
import { RoomHeader } from './RoomHeader';
import './RoomPage.css';

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
        {interview.error instanceof ApiError && interview.error.status === 404 ? (
          <InterviewNotFound />
        ) : (
          <Alert
            tone="error"
            title="The room could not be opened."
            action={
              <Button size="sm" onClick={() => interview.refetch()} loading={interview.isFetching}>
                Try again
              </Button>
            }
          >
            {describeError(interview.error)}
          </Alert>
        )}
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
  const readOnly = interview.myRole === 'observer';

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

  return (
    <div className="room">
      <RoomHeader interview={interview} people={people} sync={sync} />
      <RoomBanner
        sync={sync}
        readOnly={readOnly}
        onReconnect={() => live?.connection.reconnect()}
        onSignIn={() => void signOut()}
      />
      {live && (
        <Board
          key={live.connection.provider.roomname + String(live.doc.clientID)}
          doc={live.doc}
          awareness={live.connection.provider.awareness}
          me={me}
          readOnly={readOnly}
          title={interview.title}
        />
      )}
    </div>
  );
}
