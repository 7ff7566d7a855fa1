import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ApiResponse, ApiTags } from '@nestjs/swagger';
import { boardFileIdSchema, type BoardUpdatesPage, type SharedReplay, type Timeline } from '@pairboard/contracts';
import { AppError } from '../../base/errors';
import { Public } from '../../base/http/public.decorator';
import { BoardFilesService, sendBoardFile } from '../board-files';
import { ReplayService } from './replay.service';
import { sendJson } from './review.controller';
import { canSeeNotes, ReviewAccess } from './review-access';
import { BoardAtQueryDto, BoardSceneDto, BoardUpdatesPageDto, BoardUpdatesQueryDto, SharedReplayDto, TimelineDto } from './review.dto';

/** The read-only replay behind a share link: no account needed, the token is the key. */
@ApiTags('review')
@Public()
@Controller('shared/:token')
export class SharedReplayController {
  constructor(
    private readonly access: ReviewAccess,
    private readonly replay: ReplayService,
    private readonly files: BoardFilesService,
  ) {}

  /** The images the board shows, for the link's interview only. */
  @Get('files/:fileId')
  @ApiResponse({ status: 200, description: 'the image bytes with their stored Content-Type' })
  async file(@Param('token') token: string, @Param('fileId') fileId: string, @Res() response: Response): Promise<void> {
    const viewer = await this.access.shareHolder(token);
    if (!boardFileIdSchema.safeParse(fileId).success) throw new AppError('NOT_FOUND', 'No such file.');
    sendBoardFile(response, await this.files.readAuthorised(viewer.interviewId, fileId));
  }

  @Get()
  @ApiResponse({ status: 200, type: SharedReplayDto })
  async describe(@Param('token') token: string): Promise<SharedReplay> {
    const viewer = await this.access.shareHolder(token);
    return { interviewId: viewer.interviewId, title: viewer.title, includeNotes: canSeeNotes(viewer), expiresAt: viewer.expiresAt.toISOString() };
  }

  @Get('timeline')
  @ApiResponse({ status: 200, type: TimelineDto })
  async timeline(@Param('token') token: string): Promise<Timeline> {
    return this.replay.timeline(await this.access.shareHolder(token));
  }

  @Get('board')
  @ApiResponse({ status: 200, type: BoardSceneDto })
  async board(@Param('token') token: string, @Query() query: BoardAtQueryDto, @Res() response: Response): Promise<void> {
    const started = performance.now();
    const json = await this.replay.boardJson(await this.access.shareHolder(token), query.at);
    sendJson(response, json, performance.now() - started);
  }

  @Get('board/updates')
  @ApiResponse({ status: 200, type: BoardUpdatesPageDto })
  async updates(@Param('token') token: string, @Query() query: BoardUpdatesQueryDto): Promise<BoardUpdatesPage> {
    return this.replay.updates(await this.access.shareHolder(token), BigInt(query.after ?? 0), query.limit);
  }
}
