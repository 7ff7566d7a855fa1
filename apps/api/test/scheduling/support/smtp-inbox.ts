import type { AddressInfo } from 'node:net';
import { ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  to: string[];
  subject: string;
  text: string;
  html: string;
  /** The text/calendar part, if any (nodemailer sends it as an alternative and as an attachment). */
  ics: string | null;
  parsed: ParsedMail;
}

/** A real SMTP server on a free port that keeps every message it accepts, parsed. */
export class SmtpInbox {
  readonly messages: ReceivedMail[] = [];
  private readonly server: SMTPServer;

  constructor() {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData: (stream, _session, callback) => {
        simpleParser(stream).then(
          (parsed) => {
            this.messages.push(toReceived(parsed));
            callback();
          },
          (error: Error) => callback(error),
        );
      },
    });
  }

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.server.address() as AddressInfo;
    return `smtp://127.0.0.1:${port}`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  to(email: string): ReceivedMail[] {
    return this.messages.filter((message) => message.to.includes(email));
  }

  /** Waits until `predicate` holds for the inbox (polling), or fails after `timeoutMs`. */
  async waitFor(predicate: (messages: ReceivedMail[]) => boolean, timeoutMs = 15_000): Promise<void> {
    const until = Date.now() + timeoutMs;
    while (!predicate(this.messages)) {
      if (Date.now() > until) throw new Error(`mail did not arrive; inbox: ${JSON.stringify(this.messages.map((m) => [m.to, m.subject]))}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

function toReceived(parsed: ParsedMail): ReceivedMail {
  const recipients = (Array.isArray(parsed.to) ? parsed.to : parsed.to ? [parsed.to] : []).flatMap((address) => address.value.map((value) => value.address ?? ''));
  const calendarAttachment = parsed.attachments.find((attachment) => attachment.contentType.startsWith('text/calendar') || attachment.filename?.endsWith('.ics'));
  return {
    to: recipients,
    subject: parsed.subject ?? '',
    text: parsed.text ?? '',
    html: typeof parsed.html === 'string' ? parsed.html : '',
    ics: calendarAttachment ? calendarAttachment.content.toString('utf8') : null,
    parsed,
  };
}

/** One property of the VEVENT in an .ics text (unfolded). */
export function icsField(ics: string, name: string): string | undefined {
  const unfolded = ics.replace(/\r?\n[ \t]/g, '');
  const line = unfolded.split(/\r?\n/).find((entry) => entry.startsWith(`${name}:`) || entry.startsWith(`${name};`));
  return line?.slice(line.indexOf(':') + 1);
}
