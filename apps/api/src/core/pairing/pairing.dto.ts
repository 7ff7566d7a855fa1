import { createPairingRequestSchema, pairingRequestCreatedSchema, pairingRequestListSchema, pairingRequestSchema, showUpRecordSchema, updatePairingRequestSchema } from '@pairboard/contracts';
import { createZodDto } from 'nestjs-zod';

export class CreatePairingRequestDto extends createZodDto(createPairingRequestSchema) {}
export class UpdatePairingRequestDto extends createZodDto(updatePairingRequestSchema) {}
export class PairingRequestCreatedDto extends createZodDto(pairingRequestCreatedSchema) {}
export class PairingRequestDto extends createZodDto(pairingRequestSchema) {}
export class PairingRequestListDto extends createZodDto(pairingRequestListSchema) {}
export class ShowUpRecordDto extends createZodDto(showUpRecordSchema) {}
