import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { APP_CONFIG, AppConfig } from '../../base/config';
import { HourlyQuota, UsersModule } from '../users';
import { AccessTokenVerifier } from './access-token-verifier';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { EmailVerificationRepository } from './email-verification.repository';
import { EmailVerificationService } from './email-verification.service';
import { AccessTokenGuard } from './guards';
import { JwtStrategy } from './jwt.strategy';
import { LocalStrategy } from './local.strategy';
import { LoginThrottle } from './login-throttle';
import { PasswordHasher } from './password-hasher';
import { RefreshSuccessors } from './refresh-successors';
import { RefreshTokensRepository } from './refresh-tokens.repository';
import { SessionRevocations } from './session-revocations';
import { SocketSessions } from './socket-sessions';
import { TOKEN_AUDIENCES } from './token-audiences';

@Module({
  imports: [
    UsersModule,
    PassportModule,
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        secret: config.JWT_SECRET,
        signOptions: { algorithm: 'HS256', expiresIn: config.ACCESS_TOKEN_TTL_SECONDS },
        // A verifier that names no audience accepts access tokens only.
        verifyOptions: { algorithms: ['HS256'], audience: TOKEN_AUDIENCES.api },
      }),
    }),
  ],
  controllers: [AuthController],
  providers: [
    AuthService,
    AccessTokenVerifier,
    PasswordHasher,
    LoginThrottle,
    EmailVerificationService,
    EmailVerificationRepository,
    HourlyQuota,
    RefreshTokensRepository,
    RefreshSuccessors,
    SessionRevocations,
    SocketSessions,
    JwtStrategy,
    LocalStrategy,
    { provide: APP_GUARD, useClass: AccessTokenGuard },
  ],
  exports: [AuthService, AccessTokenVerifier, SocketSessions, PasswordHasher, JwtModule],
})
export class AuthModule {}
