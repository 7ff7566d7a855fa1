import { questionDetailSchema, questionListSchema, questionQuerySchema, rubricResponseSchema } from '@pairboard/contracts';
import { createZodDto } from 'nestjs-zod';

export class QuestionQueryDto extends createZodDto(questionQuerySchema) {}
export class QuestionListDto extends createZodDto(questionListSchema) {}
export class QuestionDetailDto extends createZodDto(questionDetailSchema) {}
export class RubricDto extends createZodDto(rubricResponseSchema) {}
