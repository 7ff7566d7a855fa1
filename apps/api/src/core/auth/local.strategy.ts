import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { Request } from 'express';
import { Strategy } from 'passport-local';
import type { UserRow } from '../users';
import { AuthService } from './auth.service';

@Injectable()
export class LocalStrategy extends PassportStrategy(Strategy, 'local') {
  constructor(private readonly auth: AuthService) {
    super({ usernameField: 'email', passwordField: 'password', passReqToCallback: true });
  }

  // The guard has already validated and normalised the body (lower-cased email).
  validate(request: Request, email: string, password: string): Promise<UserRow> {
    return this.auth.verifyCredentials({ email, password }, request.ip ?? 'unknown');
  }
}
