import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { APP_CONFIG, AppConfig } from '../../base/config';
import type { AccessTokenPayload } from './access-token-verifier';
import { TOKEN_AUDIENCES } from './token-audiences';

export interface AuthenticatedUser {
  id: string;
}

@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      secretOrKey: config.JWT_SECRET,
      algorithms: ['HS256'],
      // Other tokens signed with the same secret (the admin dashboard's cookie) are not bearer tokens.
      audience: TOKEN_AUDIENCES.api,
      ignoreExpiration: false,
    });
  }

  validate(payload: Partial<AccessTokenPayload>): AuthenticatedUser | false {
    return typeof payload.sub === 'string' && typeof payload.sid === 'string' ? { id: payload.sub } : false;
  }
}
