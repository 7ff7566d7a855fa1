import { Body, Controller, Get, HttpCode, Patch, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiCookieAuth, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { RefreshResponse, SessionResponse, User } from '@pairboard/contracts';
import type { Request, Response } from 'express';
import { toUserView, UserRow } from '../users';
import { LoginDto, RefreshDto, RegisterDto, SessionDto, UpdateProfileDto, UserDto } from './auth.dto';
import { AuthService } from './auth.service';
import { CurrentUser } from './current-user.decorator';
import { LocalCredentialsGuard } from './guards';
import type { AuthenticatedUser } from './jwt.strategy';
import { Public } from './public.decorator';
import { clearRefreshCookie, readRefreshCookie, setRefreshCookie } from './refresh-cookie';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('register')
  @ApiResponse({ status: 201, type: SessionDto })
  async register(@Body() body: RegisterDto, @Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<SessionResponse> {
    const { user, session } = await this.auth.register(body);
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

  @Patch('me')
  @ApiBearerAuth()
  @ApiResponse({ status: 200, type: UserDto })
  updateMe(@CurrentUser() user: AuthenticatedUser, @Body() body: UpdateProfileDto): Promise<User> {
    return this.auth.rename(user.id, body.name);
  }
}
