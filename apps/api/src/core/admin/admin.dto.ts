import { failedJobListSchema } from '@pairboard/contracts';
import { createZodDto } from 'nestjs-zod';

export class FailedJobListDto extends createZodDto(failedJobListSchema) {}
