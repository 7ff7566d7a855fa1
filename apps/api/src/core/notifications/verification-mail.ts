import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../../base/config';
import { UserLifecycle } from '../users';
import { Mailer } from './mailer';
import { renderVerificationEmail } from './notification-content';

/** Sends the sign-up verification link when the accounts side asks for it. */
@Injectable()
export class VerificationMail implements OnModuleInit {
  private readonly publicUrl: string;

  constructor(
    private readonly lifecycle: UserLifecycle,
    private readonly mailer: Mailer,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.publicUrl = config.PUBLIC_URL ?? `http://localhost:${config.PORT}`;
  }

  onModuleInit(): void {
    this.lifecycle.onVerificationMail(async (user, token, expiresAt) => {
      const link = new URL(`/verify-email?token=${encodeURIComponent(token)}`, this.publicUrl).toString();
      await this.mailer.send({ to: user.email, ...renderVerificationEmail({ name: user.name, link, expiresAt, timeZone: user.timeZone }) });
    });
  }
}
