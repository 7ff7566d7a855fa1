import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect } from '@playwright/test';

/** One message the server sent, as the test server's SMTP sink stored it (see serve.js). */
export interface ReceivedMail {
  to: string[];
  subject: string;
  text: string;
  html: string;
  receivedAt: string;
}

/** Where serve.js keeps the run's mail: the same rule on both sides. */
export function mailboxDir(): string {
  return process.env.E2E_MAIL_DIR ?? resolve(__dirname, '../../../../tmp/e2e-mail', process.env.E2E_PORT ?? '3100');
}

/** Every message sent to `email` so far, oldest first. */
export function mailTo(email: string): ReceivedMail[] {
  const dir = mailboxDir();
  if (!existsSync(dir)) return [];
  const address = email.toLowerCase();
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => JSON.parse(readFileSync(join(dir, name), 'utf8')) as ReceivedMail)
    .filter((mail) => mail.to.some((to) => to.toLowerCase() === address));
}

/** The newest message to `email` that `matches`, waiting for it to arrive. */
export async function waitForMail(email: string, matches: (mail: ReceivedMail) => boolean = () => true, timeout = 15_000): Promise<ReceivedMail> {
  let found: ReceivedMail | undefined;
  await expect
    .poll(
      () => {
        found = mailTo(email).filter(matches).at(-1);
        return found !== undefined;
      },
      { message: `an email to ${email} (mailbox ${mailboxDir()})`, timeout },
    )
    .toBe(true);
  return found as ReceivedMail;
}

const VERIFICATION_SUBJECT = 'Verify your email address for Pairboard';
const VERIFY_LINK = /https?:\/\/[^\s"'<>]+\/verify-email\?token=[^\s"'<>]+/;

/** The verification emails to `email` so far, oldest first. */
export function verificationMailsTo(email: string): ReceivedMail[] {
  return mailTo(email).filter((mail) => mail.subject === VERIFICATION_SUBJECT);
}

/**
 * The path (with its token) of the link in the newest verification email to `email`; a path, so it
 * opens on whatever address the tests use. `after`: how many such emails to wait past (a resend).
 */
export async function verificationLinkFor(email: string, { after = 0 }: { after?: number } = {}): Promise<string> {
  await expect.poll(() => verificationMailsTo(email).length, { message: `verification email to ${email} (mailbox ${mailboxDir()})`, timeout: 15_000 }).toBeGreaterThan(after);
  const mail = verificationMailsTo(email).at(-1) as ReceivedMail;
  const found = mail.text.match(VERIFY_LINK);
  expect(found, `a verification link in: ${mail.text}`).not.toBeNull();
  const link = new URL((found as RegExpMatchArray)[0]);
  return `${link.pathname}${link.search}`;
}

/** The token of the newest verification link to `email`. */
export async function verificationTokenFor(email: string): Promise<string> {
  const token = new URL(await verificationLinkFor(email), 'http://link').searchParams.get('token');
  expect(token, `token in the verification link to ${email}`).toBeTruthy();
  return token as string;
}
