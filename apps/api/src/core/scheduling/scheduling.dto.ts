import {
  cancelRequestSchema,
  createInvitationRequestSchema,
  declineRequestSchema,
  interviewScheduleSchema,
  invitationListSchema,
  invitationSchema,
  proposeTimeRequestSchema,
  rescheduleRequestSchema,
} from '@pairboard/contracts';
import { createZodDto } from 'nestjs-zod';

export class CreateInvitationDto extends createZodDto(createInvitationRequestSchema) {}
export class ProposeTimeDto extends createZodDto(proposeTimeRequestSchema) {}
export class DeclineDto extends createZodDto(declineRequestSchema) {}
export class RescheduleDto extends createZodDto(rescheduleRequestSchema) {}
export class CancelDto extends createZodDto(cancelRequestSchema) {}
export class InvitationDto extends createZodDto(invitationSchema) {}
export class InvitationListDto extends createZodDto(invitationListSchema) {}
export class InterviewScheduleDto extends createZodDto(interviewScheduleSchema) {}
