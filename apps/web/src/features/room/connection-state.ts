import { BOARD_CLOSE } from '@pairboard/contracts';

/**
 * The board connection as the people in the room should see it, computed from what the provider
 * reports. Pure: the connection feeds it events; tests feed it sequences.
 *
 * Saving is tracked by counting. Every local document update is numbered (`local`). Each message
 * that carries local changes to the server (a live update, or the reply to the server's sync
 * step 1 after a reconnect, which carries everything the server lacks) records the local number it
 * covers (`sent`). The server acknowledges `[4, n]`: the first n such messages of this connection
 * are stored, so everything up to `sent[n - 1]` is saved.
 *
 * People are told about changed things, not about updates: dragging one rectangle makes a dozen
 * updates but is one unsaved change. Each local update therefore carries the ids of the elements it
 * touched, and the unsaved changes are the distinct ids of the updates not yet saved.
 */
export type StopReason =
  | 'signIn'
  | 'forbidden'
  | 'notFound'
  | 'malformed'
  | 'tooLarge'
  | 'rateLimited'
  | 'tooManyConnections'
  | 'refused';

export interface SyncState {
  /** connecting: no connection yet; live: synced with the server; offline: lost, retrying; stopped: see `stop`. */
  phase: 'connecting' | 'live' | 'offline' | 'stopped';
  /** Whether the board was ever live in this visit (a lost connection is "offline", not "connecting"). */
  everLive: boolean;
  stop: StopReason | null;
  /** Local document updates made so far. */
  local: number;
  /** How many of them the server has stored. */
  saved: number;
  /** For each message with local changes sent on the current connection, the local count it covers. */
  sent: number[];
  /** Local updates not saved yet: their number and the ids of what they changed. */
  pending: ReadonlyArray<{ seq: number; ids: readonly string[] }>;
  /** A refused token was already renewed once since the last successful sync. */
  authRetried: boolean;
}

export type SyncEvent =
  | { type: 'connecting' }
  | { type: 'open' }
  | { type: 'synced' }
  | { type: 'closed'; code: number | null }
  | { type: 'local'; sent: boolean; ids?: readonly string[] }
  | { type: 'handshakeReply'; hasContent: boolean }
  | { type: 'stored'; count: number }
  | { type: 'reconnect' }
  | { type: 'authFailed' };

export const initialSyncState: SyncState = {
  phase: 'connecting',
  everLive: false,
  stop: null,
  local: 0,
  saved: 0,
  sent: [],
  pending: [],
  authRetried: false,
};

export type ClosePolicy =
  /** a network problem or a server restart: the provider retries by itself */
  | { kind: 'retry' }
  /** the token was refused: renew it and connect once more */
  | { kind: 'refreshToken' }
  /** reconnecting cannot help (or only helps when the person asks for it) */
  | { kind: 'stop'; reason: StopReason };

const STOP_BY_CODE: Partial<Record<number, StopReason>> = {
  [BOARD_CLOSE.forbidden]: 'forbidden',
  [BOARD_CLOSE.notFound]: 'notFound',
  [BOARD_CLOSE.malformed]: 'malformed',
  [BOARD_CLOSE.tooLarge]: 'tooLarge',
  [BOARD_CLOSE.rateLimited]: 'rateLimited',
  [BOARD_CLOSE.tooManyConnections]: 'tooManyConnections',
};

/** What to do after the server closed the connection with `code` (null: closed on this side). */
export function closePolicy(code: number | null, authRetried: boolean): ClosePolicy {
  if (code === null) return { kind: 'retry' };
  if (code === BOARD_CLOSE.unauthorized) return authRetried ? { kind: 'stop', reason: 'signIn' } : { kind: 'refreshToken' };
  const reason = STOP_BY_CODE[code];
  if (reason) return { kind: 'stop', reason };
  // The 4400-4499 range is the server's deliberate refusal; everything else is transient.
  if (code >= 4400 && code < 4500) return { kind: 'stop', reason: 'refused' };
  return { kind: 'retry' };
}

function markSaved(state: SyncState, saved: number): SyncState {
  if (saved <= state.saved) return state;
  return { ...state, saved, pending: state.pending.filter((entry) => entry.seq > saved) };
}

export function syncReducer(state: SyncState, event: SyncEvent): SyncState {
  switch (event.type) {
    case 'connecting':
      return state.phase === 'stopped' ? { ...state, phase: state.everLive ? 'offline' : 'connecting', stop: null } : state;
    case 'open':
      return state;
    case 'synced':
      return { ...state, phase: 'live', everLive: true, stop: null, authRetried: false };
    case 'closed': {
      const policy = closePolicy(event.code, state.authRetried);
      const base = { ...state, sent: [] };
      if (policy.kind === 'stop') return { ...base, phase: 'stopped', stop: policy.reason };
      // Renewing the token before the first sync is still part of connecting; anything else is offline.
      const phase = policy.kind === 'refreshToken' && state.phase === 'connecting' ? 'connecting' : 'offline';
      return { ...base, phase, authRetried: state.authRetried || policy.kind === 'refreshToken' };
    }
    case 'local': {
      const local = state.local + 1;
      return {
        ...state,
        local,
        sent: event.sent ? [...state.sent, local] : state.sent,
        pending: [...state.pending, { seq: local, ids: event.ids ?? [] }],
      };
    }
    case 'handshakeReply':
      // A reply without content means the server already holds every local change.
      return event.hasContent ? { ...state, sent: [...state.sent, state.local] } : markSaved(state, state.local);
    case 'stored': {
      const index = Math.min(event.count, state.sent.length) - 1;
      return index < 0 ? state : markSaved(state, state.sent[index]);
    }
    case 'reconnect':
      return { ...state, phase: state.everLive ? 'offline' : 'connecting', stop: null, authRetried: false };
    case 'authFailed':
      return { ...state, phase: 'stopped', stop: 'signIn' };
  }
}

/** Local document updates the server has not acknowledged. */
export const unsavedUpdates = (state: SyncState) => Math.max(0, state.local - state.saved);

/** Things (elements, files) with changes the server has not stored yet; what people are shown. */
export function unsavedChanges(state: SyncState): number {
  const ids = new Set<string>();
  let anonymous = 0;
  for (const entry of state.pending) {
    if (entry.ids.length === 0) anonymous += 1;
    for (const id of entry.ids) ids.add(id);
  }
  return ids.size + anonymous;
}

export type IndicatorTone = 'neutral' | 'live' | 'warning' | 'error';

export interface Indicator {
  tone: IndicatorTone;
  /** The connection: Connecting… / Live / Offline / Disconnected */
  label: string;
  /** Saving state: Saving… / Saved / 3 unsaved changes; null when there is nothing to say. */
  saving: string | null;
  /** A longer explanation for the tooltip and screen readers. */
  detail: string;
}

const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;
const changes = (count: number) => plural(count, 'unsaved change');

export function describeSync(state: SyncState): Indicator {
  const unsaved = unsavedChanges(state);
  const saving = unsavedUpdates(state) > 0;
  switch (state.phase) {
    case 'live':
      if (saving) {
        return { tone: 'live', label: 'Live', saving: 'Saving…', detail: `Connected. Saving ${plural(unsaved, 'change')}.` };
      }
      if (state.local > 0) return { tone: 'live', label: 'Live', saving: 'Saved', detail: 'Connected. Every change is saved.' };
      return { tone: 'live', label: 'Live', saving: null, detail: 'Connected. Changes appear for everyone as you draw.' };
    case 'connecting':
      return { tone: 'neutral', label: 'Connecting…', saving: null, detail: 'Connecting to the board.' };
    case 'offline':
      return {
        tone: 'warning',
        label: 'Offline',
        saving: unsaved > 0 ? changes(unsaved) : null,
        detail:
          unsaved > 0
            ? `Reconnecting… ${changes(unsaved)} will be saved once the connection is back.`
            : 'Reconnecting… You can keep drawing; changes are saved once the connection is back.',
      };
    case 'stopped':
      return {
        tone: 'error',
        label: 'Disconnected',
        saving: unsaved > 0 ? changes(unsaved) : null,
        detail: unsaved > 0 ? `Not connected. ${changes(unsaved)} are not saved yet.` : 'Not connected to the board.',
      };
  }
}
