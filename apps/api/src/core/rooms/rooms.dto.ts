import { noteListSchema } from '@pairboard/contracts';
import { createZodDto } from 'nestjs-zod';

export class NoteListDto extends createZodDto(noteListSchema) {}
