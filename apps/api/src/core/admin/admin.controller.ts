import { Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FailedJobList } from '@pairboard/contracts';
import type { Request, Response } from 'express';
import { JobsService } from '../../base/jobs';
import { AuthenticatedUser, CurrentUser } from '../auth';
import { AdminAccess } from './admin-access';
import { FailedJobListDto } from './admin.dto';

@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin')
export class AdminController {
  constructor(
    private readonly access: AdminAccess,
    private readonly jobs: JobsService,
  ) {}

  /** Issues the dashboard cookie for /admin/queues (operators only). */
  @Post('session')
  @HttpCode(200)
  session(@CurrentUser() user: AuthenticatedUser, @Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<{ expiresAt: string }> {
    return this.access.openSession(user.id, request, response);
  }

  /** Dead letters: jobs that failed every attempt. */
  @Get('jobs/failed')
  @ApiResponse({ status: 200, type: FailedJobListDto })
  async failed(@CurrentUser() user: AuthenticatedUser): Promise<FailedJobList> {
    await this.access.requireAdmin(user.id);
    return { items: await this.jobs.failedJobs() };
  }
}
