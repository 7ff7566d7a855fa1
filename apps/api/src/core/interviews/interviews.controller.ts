import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Interview, InterviewList } from '@pairboard/contracts';
import { AuthenticatedUser, CurrentUser } from '../auth';
import { DomainEvent, DomainEvents } from '../events';
import { AddParticipantDto, CreateInterviewDto, InterviewDto, InterviewListDto } from './interviews.dto';
import { InterviewsService } from './interviews.service';

@ApiTags('interviews')
@ApiBearerAuth()
@Controller('interviews')
export class InterviewsController {
  constructor(
    private readonly interviews: InterviewsService,
    private readonly events: DomainEvents,
  ) {}

  @Post()
  @ApiResponse({ status: 201, type: InterviewDto })
  async create(@CurrentUser() user: AuthenticatedUser, @Body() body: CreateInterviewDto): Promise<Interview> {
    const interview = await this.interviews.create(user.id, body);
    const emails = interview.participants.filter((participant) => participant.status === 'invited').map((participant) => participant.email);
    if (emails.length > 0) await this.events.emit(DomainEvent.participantsInvited, { interviewId: interview.id, byUserId: user.id, emails });
    // Reminders and the room's lifecycle are scheduled now rather than at the next reconcile.
    if (interview.scheduledAt) await this.events.emit(DomainEvent.interviewScheduled, { interviewId: interview.id, source: 'manual' });
    return interview;
  }

  @Get()
  @ApiResponse({ status: 200, type: InterviewListDto })
  async list(@CurrentUser() user: AuthenticatedUser): Promise<InterviewList> {
    return { items: await this.interviews.listMine(user.id) };
  }

  @Get(':id')
  @ApiResponse({ status: 200, type: InterviewDto })
  get(@CurrentUser() user: AuthenticatedUser, @Param('id') id: string): Promise<Interview> {
    return this.interviews.getForParticipant(id, user.id);
  }

  @Post(':id/participants')
  @ApiResponse({ status: 201, type: InterviewDto })
  async addParticipant(@CurrentUser() user: AuthenticatedUser, @Param('id') id: string, @Body() body: AddParticipantDto): Promise<Interview> {
    const interview = await this.interviews.addParticipant(id, user.id, body);
    await this.events.emit(DomainEvent.participantsInvited, { interviewId: id, byUserId: user.id, emails: [body.email] });
    return interview;
  }

  /** The invitee's answer: accepting gives access to the interview, declining removes the invitation. */
  @Post(':id/accept')
  @HttpCode(200)
  @ApiResponse({ status: 200, type: InterviewDto })
  accept(@CurrentUser() user: AuthenticatedUser, @Param('id') id: string): Promise<Interview> {
    return this.interviews.accept(id, user.id);
  }

  @Post(':id/decline')
  @HttpCode(204)
  decline(@CurrentUser() user: AuthenticatedUser, @Param('id') id: string): Promise<void> {
    return this.interviews.decline(id, user.id);
  }
}
