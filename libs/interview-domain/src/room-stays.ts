/**
 * When each person was in the room, from their stays (one per socket, so two tabs overlap): the
 * replay's join and leave markers. Overlapping or touching stays of one person merge, so a second tab
 * or a reconnect is not an extra join.
 */

export interface RoomStay {
  readonly userId: string;
  /** Epoch milliseconds. */
  readonly joinedAt: number;
  /** Epoch milliseconds; null while still in (or when the server stopped before the person left). */
  readonly leftAt: number | null;
}

export interface PresenceSpan {
  readonly userId: string;
  readonly from: number;
  /** Null when the person had not left. */
  readonly to: number | null;
}

/** A gap shorter than this between two stays is a reconnect, not a leave and a join. */
export const RECONNECT_GAP_MS = 5_000;

export function presenceSpans(stays: readonly RoomStay[]): PresenceSpan[] {
  const byUser = new Map<string, RoomStay[]>();
  for (const stay of stays) byUser.set(stay.userId, [...(byUser.get(stay.userId) ?? []), stay]);
  const spans: PresenceSpan[] = [];
  for (const [userId, own] of byUser) {
    const sorted = [...own].sort((a, b) => a.joinedAt - b.joinedAt);
    let from = sorted[0].joinedAt;
    let to: number | null = sorted[0].leftAt;
    for (const stay of sorted.slice(1)) {
      if (to === null || stay.joinedAt <= to + RECONNECT_GAP_MS) {
        to = to === null || stay.leftAt === null ? null : Math.max(to, stay.leftAt);
        continue;
      }
      spans.push({ userId, from, to });
      from = stay.joinedAt;
      to = stay.leftAt;
    }
    spans.push({ userId, from, to });
  }
  return spans.sort((a, b) => a.from - b.from || a.userId.localeCompare(b.userId));
}
