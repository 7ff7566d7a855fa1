import type { ChatMessage } from '@pairboard/contracts';
import { useEffect, useState } from 'react';

/** A message's send time on the reader's clock, in their zone and locale (`14:05`). */
export function formatChatTime(sentAt: number, locale?: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', timeZone }).format(sentAt);
}

/** Messages from others after `lastReadId` (all of them when nothing was read yet); one's own never count. */
export function unreadCount(messages: readonly ChatMessage[], myId: string, lastReadId: string | null): number {
  const lastRead = lastReadId === null ? -1 : messages.findIndex((message) => message.id === lastReadId);
  return messages.slice(lastRead + 1).filter((message) => message.authorId !== myId).length;
}

const storageKey = (interviewId: string, userId: string) => `pairboard:chat-read:${interviewId}:${userId}`;

function storedLastRead(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

/**
 * How many messages the reader has not seen: everything from others since the chat was last on
 * screen. Remembered per interview in this browser, so a reload does not bring old messages back.
 */
export function useUnreadChat(interviewId: string, myId: string, messages: readonly ChatMessage[], chatOnScreen: boolean): number {
  const key = storageKey(interviewId, myId);
  const [lastReadId, setLastReadId] = useState(() => storedLastRead(key));
  const newestId = messages.at(-1)?.id ?? null;
  useEffect(() => {
    if (!chatOnScreen || newestId === null) return;
    setLastReadId(newestId);
    try {
      window.localStorage.setItem(key, newestId);
    } catch {
      // Storage may be full or disabled; the count is then only kept for this page.
    }
  }, [chatOnScreen, newestId, key]);
  return chatOnScreen ? 0 : unreadCount(messages, myId, lastReadId);
}
