export { copyBytes, MalformedMessage } from './bytes';
export {
  authRefreshMessage,
  awarenessEntry,
  awarenessMessage,
  awarenessRemovalEntry,
  awarenessStatesMessage,
  EMPTY_STEP_2,
  isNullAwarenessState,
  parseAwarenessUpdate,
  parseClientMessage,
  queryAwarenessMessage,
  readAuthRefreshToken,
  sessionMessage,
  storedMessage,
  syncStep1Message,
  syncStep2Message,
  updateMessage,
} from './messages';
export type { AwarenessEntry, ClientMessage } from './messages';
export { inspectUpdate, isEmptyUpdate, updateHasContent } from './updates';
export type { BoardCheckpoint, BoardStorage, NewBoardUpdate, StoredBoard } from './storage';
