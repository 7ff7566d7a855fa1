import {
  copyScriptRequestSchema,
  createScriptRequestSchema,
  scriptDetailSchema,
  scriptListSchema,
  scriptVersionListSchema,
  updateScriptRequestSchema,
} from '@pairboard/contracts';
import { createZodDto } from 'nestjs-zod';

export class ScriptListDto extends createZodDto(scriptListSchema) {}
export class ScriptDetailDto extends createZodDto(scriptDetailSchema) {}
export class ScriptVersionListDto extends createZodDto(scriptVersionListSchema) {}
export class CreateScriptDto extends createZodDto(createScriptRequestSchema) {}
export class UpdateScriptDto extends createZodDto(updateScriptRequestSchema) {}
export class CopyScriptDto extends createZodDto(copyScriptRequestSchema) {}
