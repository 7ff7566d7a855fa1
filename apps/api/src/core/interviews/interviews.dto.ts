import { addParticipantRequestSchema, createInterviewRequestSchema, interviewListSchema, interviewSchema } from '@pairboard/contracts';
import { createZodDto } from 'nestjs-zod';

export class CreateInterviewDto extends createZodDto(createInterviewRequestSchema) {}
export class AddParticipantDto extends createZodDto(addParticipantRequestSchema) {}
export class InterviewDto extends createZodDto(interviewSchema) {}
export class InterviewListDto extends createZodDto(interviewListSchema) {}
