import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { PeerFeedback, PeerFeedbackList, Progress, Scorecard, ScorecardEventList } from '@pairboard/contracts';
import { AuthenticatedUser, CurrentUser } from '../auth';
import {
  PeerFeedbackDto,
  PeerFeedbackListDto,
  ProgressDto,
  SavePeerFeedbackDto,
  SaveScorecardDto,
  ScorecardDto,
  ScorecardEventListDto,
} from './scoring.dto';
import { ScoringService } from './scoring.service';

/** Scorecards and peer feedback of one interview; who may call what is decided in scoring-access.ts. */
@ApiTags('scoring')
@ApiBearerAuth()
@Controller('interviews/:id')
export class ScoringController {
  constructor(private readonly scoring: ScoringService) {}

  @Get('scorecard')
  @ApiResponse({ status: 200, type: ScorecardDto })
  get(@CurrentUser() user: AuthenticatedUser, @Param('id') id: string): Promise<Scorecard> {
    return this.scoring.getScorecard(id, user.id);
  }

  @Put('scorecard')
  @ApiResponse({ status: 200, type: ScorecardDto })
  save(@CurrentUser() user: AuthenticatedUser, @Param('id') id: string, @Body() body: SaveScorecardDto): Promise<Scorecard> {
    return this.scoring.saveScorecard(id, user.id, body);
  }

  @Post('scorecard/submit')
  @HttpCode(200)
  @ApiResponse({ status: 200, type: ScorecardDto })
  submit(@CurrentUser() user: AuthenticatedUser, @Param('id') id: string): Promise<Scorecard> {
    return this.scoring.submitScorecard(id, user.id);
  }

  @Post('scorecard/reopen')
  @HttpCode(200)
  @ApiResponse({ status: 200, type: ScorecardDto })
  reopen(@CurrentUser() user: AuthenticatedUser, @Param('id') id: string): Promise<Scorecard> {
    return this.scoring.reopenScorecard(id, user.id);
  }

  @Get('scorecard/events')
  @ApiResponse({ status: 200, type: ScorecardEventListDto })
  events(@CurrentUser() user: AuthenticatedUser, @Param('id') id: string): Promise<ScorecardEventList> {
    return this.scoring.scorecardEvents(id, user.id);
  }

  @Get('feedback')
  @ApiResponse({ status: 200, type: PeerFeedbackListDto })
  feedback(@CurrentUser() user: AuthenticatedUser, @Param('id') id: string): Promise<PeerFeedbackList> {
    return this.scoring.getFeedback(id, user.id);
  }

  @Put('feedback')
  @ApiResponse({ status: 200, type: PeerFeedbackDto })
  saveFeedback(@CurrentUser() user: AuthenticatedUser, @Param('id') id: string, @Body() body: SavePeerFeedbackDto): Promise<PeerFeedback> {
    return this.scoring.saveFeedback(id, user.id, body);
  }
}

/** The signed-in person's own history as a candidate. */
@ApiTags('scoring')
@ApiBearerAuth()
@Controller('me')
export class ProgressController {
  constructor(private readonly scoring: ScoringService) {}

  @Get('progress')
  @ApiResponse({ status: 200, type: ProgressDto })
  progress(@CurrentUser() user: AuthenticatedUser): Promise<Progress> {
    return this.scoring.progress(user.id);
  }
}
