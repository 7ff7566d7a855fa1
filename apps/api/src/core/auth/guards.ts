import { ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { loginRequestSchema } from '@pairboard/contracts';
import type { Request } from 'express';
import { AppError } from '../../base/errors';
import { IS_PUBLIC } from '../../base/http/public.decorator';
import { validationError } from '../../base/validation';

/** Global guard: every route needs a valid access token unless marked @Public(). */
@Injectable()
export class AccessTokenGuard extends AuthGuard('jwt') {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  override canActivate(context: ExecutionContext) {
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()]);
    return isPublic ? true : super.canActivate(context);
  }

  override handleRequest<TUser>(error: unknown, user: TUser): TUser {
    if (error || !user) throw new AppError('UNAUTHORIZED');
    return user;
  }
}

/**
 * Validates the sign-in body before passport-local sees it: a malformed body is a 400, not a failed
 * attempt, and the strategy receives the normalised email.
 */
@Injectable()
export class LocalCredentialsGuard extends AuthGuard('local') {
  override canActivate(context: ExecutionContext) {
    const request = context.switchToHttp().getRequest<Request>();
    const parsed = loginRequestSchema.safeParse(request.body);
    if (!parsed.success) throw validationError(parsed.error);
    request.body = parsed.data;
    return super.canActivate(context);
  }

  override handleRequest<TUser>(error: unknown, user: TUser): TUser {
    if (error) throw error;
    if (!user) throw new AppError('INVALID_CREDENTIALS');
    return user;
  }
}
