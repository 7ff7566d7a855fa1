import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ApiBearerAuth, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { BoardUpdatesPage, CreatedShareLink, ShareLinkList, Timeline } from '@pairboard/contracts';
import { AuthenticatedUser, CurrentUser } from '../auth';
import { ReplayService } from './replay.service';
import { ReviewAccess } from './review-access';
import {
  BoardAtQueryDto,
  BoardSceneDto,
  BoardUpdatesPageDto,
  BoardUpdatesQueryDto,
  CreatedShareLinkDto,
  CreateShareLinkDto,
  ShareLinkListDto,
  TimelineDto,
} from './review.dto';
import { ShareLinksService } from './share-links.service';

/** The recording of an interview, for its participants, and the links that share it. */
@ApiTags('review')
@ApiBearerAuth()
@Controller('interviews/:id')
export class ReviewController {
  constructor(
    private readonly access: ReviewAccess,
    private readonly replay: ReplayService,
    private readonly shareLinks: ShareLinksService,
  ) {}

  @Get('timeline')
  @ApiResponse({ status: 200, type: TimelineDto })
  async timeline(@CurrentUser() user: AuthenticatedUser, @Param('id') id: string): Promise<Timeline> {
    return this.replay.timeline(await this.access.participant(id, user.id, 'replay'));
  }

  @Get('board')
  @ApiResponse({ status: 200, type: BoardSceneDto })
  async board(@CurrentUser() user: AuthenticatedUser, @Param('id') id: string, @Query() query: BoardAtQueryDto, @Res() response: Response): Promise<void> {
    // Sent as assembled: the JSON of a large board is built from pieces serialised once.
    const started = performance.now();
    const json = await this.replay.boardJson(await this.access.participant(id, user.id, 'replay'), query.at);
    sendJson(response, json, performance.now() - started);
  }

  @Get('board/updates')
  @ApiResponse({ status: 200, type: BoardUpdatesPageDto })
  async updates(@CurrentUser() user: AuthenticatedUser, @Param('id') id: string, @Query() query: BoardUpdatesQueryDto): Promise<BoardUpdatesPage> {
    const viewer = await this.access.participant(id, user.id, 'replay');
    return this.replay.updates(viewer, BigInt(query.after ?? 0), query.limit);
  }

  @Post('share-links')
  @ApiResponse({ status: 201, type: CreatedShareLinkDto })
  createShareLink(@CurrentUser() user: AuthenticatedUser, @Param('id') id: string, @Body() body: CreateShareLinkDto): Promise<CreatedShareLink> {
    return this.shareLinks.create(id, user.id, body);
  }

  @Get('share-links')
  @ApiResponse({ status: 200, type: ShareLinkListDto })
  async listShareLinks(@CurrentUser() user: AuthenticatedUser, @Param('id') id: string): Promise<ShareLinkList> {
    return { items: await this.shareLinks.list(id, user.id) };
  }

  @Delete('share-links/:linkId')
  @HttpCode(204)
  revokeShareLink(@CurrentUser() user: AuthenticatedUser, @Param('id') id: string, @Param('linkId') linkId: string): Promise<void> {
    return this.shareLinks.revoke(id, linkId, user.id);
  }
}

/**
 * Sends JSON that is already serialised, with the time it took in a Server-Timing header. `res.end` rather than `res.send`: Express would hash the
 * whole body (megabytes for a large board) for an ETag no client of a seek revalidates with.
 */
export function sendJson(response: Response, json: string, tookMs: number): void {
  response.status(200).setHeader('Content-Type', 'application/json; charset=utf-8');
  // How long the answer took to make, for browsers' devtools and the replay benchmark.
  response.setHeader('Server-Timing', `board;dur=${tookMs.toFixed(1)}`);
  response.end(json);
}
