import {
  peerFeedbackListSchema,
  peerFeedbackSchema,
  progressSchema,
  savePeerFeedbackRequestSchema,
  saveScorecardRequestSchema,
  scorecardEventListSchema,
  scorecardSchema,
} from '@pairboard/contracts';
import { createZodDto } from 'nestjs-zod';

export class SaveScorecardDto extends createZodDto(saveScorecardRequestSchema) {}
export class ScorecardDto extends createZodDto(scorecardSchema) {}
export class ScorecardEventListDto extends createZodDto(scorecardEventListSchema) {}
export class SavePeerFeedbackDto extends createZodDto(savePeerFeedbackRequestSchema) {}
export class PeerFeedbackDto extends createZodDto(peerFeedbackSchema) {}
export class PeerFeedbackListDto extends createZodDto(peerFeedbackListSchema) {}
export class ProgressDto extends createZodDto(progressSchema) {}
