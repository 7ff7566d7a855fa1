import { Body, Controller, Get, HttpCode, Patch, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiCookieAuth, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { RefreshResponse, SessionResponse, User } from '@pairboard/contracts';
import type { Request, Response } from 'express';
import { Public } from '../../base/http/public.decorator';
import { toUserView, UserRow } from '../users';
import { ChangePasswordDto, LoginDto, RefreshDto, RegisterDto, SessionDto, UpdateProfileDto, UserDto, VerifyEmailDto } from './auth.dto';
import { AuthService } from './auth.service';
import { CurrentUser } from './current-user.decorator';
import { EmailVerificationService } from './email-verification.service';
import { LocalCredentialsGuard } from './guards';
import type { AuthenticatedUser } from './jwt.strategy';
import { clearRefreshCookie, readRefreshCookie, setRefreshCookie } from './refresh-cookie';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly emailVerification: EmailVerificationService,
  ) {}

  @Public()
  @Post('register')
  @ApiResponse({ status: 201, type: SessionDto })
  async register(@Body() body: RegisterDto, @Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<SessionResponse> {
    const { user, session } = await this.auth.register(body, request.ip ?? 'unknown');
    setRefreshCookie(request, response, session.refreshToken, session.refreshExpiresAt);
    return { accessToken: session.accessToken, user };
  }

  @Public()
  @UseGuards(LocalCredentialsGuard)
  @Post('login')
  @HttpCode(200)
  @ApiBody({ type: LoginDto })
  @ApiResponse({ status: 200, type: SessionDto })
  async login(@Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<SessionResponse> {
    const row = request.user as UserRow;
    const session = await this.auth.startSession(row.id);
    setRefreshCookie(request, response, session.refreshToken, session.refreshExpiresAt);
    return { accessToken: session.accessToken, user: toUserView(row) };
  }

  @Public()
  @Post('refresh')
  @HttpCode(200)
  @ApiCookieAuth()
  @ApiResponse({ status: 200, type: RefreshDto })
  async refresh(@Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<RefreshResponse> {
    try {
      const session = await this.auth.refresh(readRefreshCookie(request));
      setRefreshCookie(request, response, session.refreshToken, session.refreshExpiresAt);
      return { accessToken: session.accessToken };
    } catch (error) {
      clearRefreshCookie(request, response);
      throw error;
    }
  }

  @Public()
  @Post('logout')
  @HttpCode(204)
  @ApiCookieAuth()
  async logout(@Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<void> {
    await this.auth.logout(readRefreshCookie(request));
    clearRefreshCookie(request, response);
  }

  @Get('me')
  @ApiBearerAuth()
  @ApiResponse({ status: 200, type: UserDto })
  me(@CurrentUser() user: AuthenticatedUser): Promise<User> {
    return this.auth.profile(user.id);
  }

  /** Ends every session of the person (sockets included) and answers with a fresh one for this page. */
  @Post('password')
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiResponse({ status: 200, type: RefreshDto })
  async changePassword(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: ChangePasswordDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<RefreshResponse> {
    const session = await this.auth.changePassword(user.id, body, request.ip ?? 'unknown');
    setRefreshCookie(request, response, session.refreshToken, session.refreshExpiresAt);
    return { accessToken: session.accessToken };
  }

  @Patch('me')
  @ApiBearerAuth()
  @ApiResponse({ status: 200, type: UserDto })
  updateMe(@CurrentUser() user: AuthenticatedUser, @Body() body: UpdateProfileDto): Promise<User> {
    return this.auth.updateProfile(user.id, body);
  }

  // Email verification: the link from the email (no sign-in needed: the token is the proof) and a resend.
  @Public()
  @Post('verify-email')
  @HttpCode(200)
  @ApiResponse({ status: 200, type: UserDto })
  verifyEmail(@Body() body: VerifyEmailDto): Promise<User> {
    return this.emailVerification.verify(body.token);
  }

  @Post('verify-email/resend')
  @HttpCode(204)
  @ApiBearerAuth()
  async resendVerification(@CurrentUser() user: AuthenticatedUser): Promise<void> {
    await this.emailVerification.resend(user.id);
  }
}
