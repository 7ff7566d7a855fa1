import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import nodemailer, { Transporter } from 'nodemailer';
import { APP_CONFIG, AppConfig } from '../../base/config';
import type { EmailContent } from './notification-content';

export interface OutgoingEmail extends EmailContent {
  to: string;
  /** An .ics attachment: sent as an alternative body too, so mail clients show accept/decline. */
  calendar?: { method: 'REQUEST' | 'CANCEL'; content: string };
}

/**
 * Sends email through SMTP_URL. Without it, development logs each message instead and other
 * environments drop it (reported as not sent, so nothing is recorded as delivered).
 */
@Injectable()
export class Mailer implements OnModuleDestroy {
  private readonly logger = new Logger('Mailer');
  private readonly transport: Transporter | null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.transport = config.SMTP_URL ? nodemailer.createTransport(config.SMTP_URL) : null;
  }

  get enabled(): boolean {
    return this.transport !== null || this.config.NODE_ENV === 'development';
  }

  /** Throws when the SMTP server refuses or cannot be reached (the job retries). */
  async send(email: OutgoingEmail): Promise<boolean> {
    const message = {
      from: this.config.MAIL_FROM,
      to: email.to,
      subject: email.subject,
      text: email.text,
      html: email.html,
      ...(email.calendar
        ? {
            icalEvent: { method: email.calendar.method, content: email.calendar.content, filename: 'invite.ics' },
          }
        : {}),
    };
    if (this.transport) {
      await this.transport.sendMail(message);
      return true;
    }
    if (this.config.NODE_ENV !== 'development') return false;
    this.logger.log(`email (SMTP_URL unset, not sent) to ${email.to}: ${email.subject}\n${email.text}${email.calendar ? `\n--- invite.ics ---\n${email.calendar.content}` : ''}`);
    return true;
  }

  onModuleDestroy(): void {
    this.transport?.close();
  }
}
