import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Invitation, InvitationList, InterviewSchedule } from '@pairboard/contracts';
import { AuthenticatedUser, CurrentUser } from '../auth';
import {
  CancelDto,
  CreateInvitationDto,
  DeclineDto,
  InterviewScheduleDto,
  InvitationDto,
  InvitationListDto,
  ProposeTimeDto,
  RescheduleDto,
} from './scheduling.dto';
import { SchedulingService } from './scheduling.service';

@ApiTags('scheduling')
@ApiBearerAuth()
@Controller()
export class SchedulingController {
  constructor(private readonly scheduling: SchedulingService) {}

  @Post('invitations')
  @ApiResponse({ status: 201, type: InvitationDto })
  invite(@CurrentUser() user: AuthenticatedUser, @Body() body: CreateInvitationDto): Promise<Invitation> {
    return this.scheduling.invite(user.id, body);
  }

  @Get('invitations')
  @ApiResponse({ status: 200, type: InvitationListDto })
  list(@CurrentUser() user: AuthenticatedUser): Promise<InvitationList> {
    return this.scheduling.list(user.id);
  }

  @Post('invitations/:id/accept')
  @HttpCode(200)
  @ApiResponse({ status: 200, type: InvitationDto })
  accept(@CurrentUser() user: AuthenticatedUser, @Param('id') id: string): Promise<Invitation> {
    return this.scheduling.accept(id, user.id);
  }

  @Post('invitations/:id/decline')
  @HttpCode(200)
  @ApiResponse({ status: 200, type: InvitationDto })
  decline(@CurrentUser() user: AuthenticatedUser, @Param('id') id: string, @Body() body: DeclineDto): Promise<Invitation> {
    return this.scheduling.decline(id, user.id, body.reason ?? null);
  }

  @Post('invitations/:id/propose')
  @HttpCode(200)
  @ApiResponse({ status: 200, type: InvitationDto })
  propose(@CurrentUser() user: AuthenticatedUser, @Param('id') id: string, @Body() body: ProposeTimeDto): Promise<Invitation> {
    return this.scheduling.propose(id, user.id, body.scheduledAt, body.note ?? null);
  }

  @Get('interviews/:id/schedule')
  @ApiResponse({ status: 200, type: InterviewScheduleDto })
  schedule(@CurrentUser() user: AuthenticatedUser, @Param('id') id: string): Promise<InterviewSchedule> {
    return this.scheduling.schedule(id, user.id);
  }

  @Post('interviews/:id/reschedule')
  @HttpCode(200)
  @ApiResponse({ status: 200, type: InterviewScheduleDto })
  reschedule(@CurrentUser() user: AuthenticatedUser, @Param('id') id: string, @Body() body: RescheduleDto): Promise<InterviewSchedule> {
    return this.scheduling.reschedule(id, user.id, body.scheduledAt, body.reason ?? null);
  }

  @Post('interviews/:id/cancel')
  @HttpCode(200)
  @ApiResponse({ status: 200, type: InterviewScheduleDto })
  cancel(@CurrentUser() user: AuthenticatedUser, @Param('id') id: string, @Body() body: CancelDto): Promise<InterviewSchedule> {
    return this.scheduling.cancel(id, user.id, body.reason);
  }
}
