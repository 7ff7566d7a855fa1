import {
  boardAtQuerySchema,
  boardSceneSchema,
  boardUpdatesPageSchema,
  boardUpdatesQuerySchema,
  createdShareLinkSchema,
  createShareLinkRequestSchema,
  sharedReplaySchema,
  shareLinkListSchema,
  timelineSchema,
} from '@pairboard/contracts';
import { createZodDto } from 'nestjs-zod';

export class TimelineDto extends createZodDto(timelineSchema) {}
export class BoardAtQueryDto extends createZodDto(boardAtQuerySchema) {}
export class BoardSceneDto extends createZodDto(boardSceneSchema) {}
export class BoardUpdatesQueryDto extends createZodDto(boardUpdatesQuerySchema) {}
export class BoardUpdatesPageDto extends createZodDto(boardUpdatesPageSchema) {}
export class CreateShareLinkDto extends createZodDto(createShareLinkRequestSchema) {}
export class CreatedShareLinkDto extends createZodDto(createdShareLinkSchema) {}
export class ShareLinkListDto extends createZodDto(shareLinkListSchema) {}
export class SharedReplayDto extends createZodDto(sharedReplaySchema) {}
