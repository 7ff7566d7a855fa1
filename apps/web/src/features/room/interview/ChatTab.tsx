import { CHAT_MESSAGE_MAX_LENGTH, type ChatMessage } from '@pairboard/contracts';
import { useEffect, useRef, useState } from 'react';
import { Button, cx } from '../../../ui';
import { formatChatTime } from './chat-reading';
import type { RoomsSocket } from './rooms-socket';
import type { Run } from './side-panel-parts';

export function ChatMessages({ messages, myId }: { messages: ChatMessage[]; myId: string }) {
  const end = useRef<HTMLLIElement>(null);
  useEffect(() => {
    // Newer browsers return a promise from scrollIntoView: never hand it back to React as a cleanup.
    void end.current?.scrollIntoView?.({ block: 'end' });
  }, [messages.length]);
  if (messages.length === 0) return <p className="side-panel__muted">No messages yet.</p>;
  return (
    <ul className="chat__messages" aria-label="Messages" data-testid="chat-messages">
      {messages.map((message) => (
        <li key={message.id} className={cx('chat__message', message.authorId === myId && 'chat__message--mine')} data-testid="chat-message">
          <span className="chat__meta">
            <span className="chat__author">{message.authorId === myId ? 'You' : message.authorName}</span>
            <time className="chat__time" dateTime={new Date(message.sentAt).toISOString()} title={new Date(message.sentAt).toLocaleString()}>
              {formatChatTime(message.sentAt)}
            </time>
          </span>
          {/* Plain text, exactly as typed. */}
          <span className="chat__text">{message.text}</span>
        </li>
      ))}
      <li ref={end} aria-hidden="true" className="chat__end" />
    </ul>
  );
}

export function ChatTab({ messages, myId, socket, run }: { messages: ChatMessage[]; myId: string; socket: RoomsSocket; run: Run }) {
  const [draft, setDraft] = useState('');
  const [sending, setSending] = useState(false);
  const send = () => {
    const text = draft.trim();
    if (!text || sending) return;
    setSending(true);
    void run(socket.send('chat:send', { text }).then(() => setDraft(''))).finally(() => setSending(false));
  };
  return (
    <div className="chat" data-testid="chat">
      <ChatMessages messages={messages} myId={myId} />
      <form
        className="chat__form"
        onSubmit={(event) => {
          event.preventDefault();
          send();
        }}
      >
        <textarea
          className="side-panel__textarea"
          aria-label="Message"
          placeholder="Message everyone (Enter sends, Shift+Enter for a new line)"
          maxLength={CHAT_MESSAGE_MAX_LENGTH}
          rows={2}
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && !event.shiftKey) {
              event.preventDefault();
              send();
            }
          }}
        />
        <div className="side-panel__row">
          <span className="chat__counter" aria-live="polite">
            {draft.length}/{CHAT_MESSAGE_MAX_LENGTH}
          </span>
          <Button size="sm" type="submit" variant="primary" disabled={!draft.trim() || sending}>
            Send
          </Button>
        </div>
      </form>
    </div>
  );
}
