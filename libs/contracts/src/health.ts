import { z } from 'zod';

export const healthResponseSchema = z.object({
  status: z.enum(['ok', 'error']),
  checks: z.object({ database: z.enum(['up', 'down']), redis: z.enum(['up', 'down']) }),
});
export type HealthResponse = z.infer<typeof healthResponseSchema>;
