import { boardFileRecordSchema, boardFileUploadFieldsSchema } from '@pairboard/contracts';
import { createZodDto } from 'nestjs-zod';

export class BoardFileUploadFieldsDto extends createZodDto(boardFileUploadFieldsSchema) {}
export class BoardFileRecordDto extends createZodDto(boardFileRecordSchema) {}
