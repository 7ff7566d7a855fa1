import type { FieldIssue } from '@pairboard/contracts';
import { createZodValidationPipe } from 'nestjs-zod';
import { ZodError } from 'zod';
import { AppError } from '../errors';

/** Turns a zod error into VALIDATION_FAILED with one `{ path, message }` per failing field. */
export function validationError(error: ZodError): AppError {
  const details: FieldIssue[] = error.issues.map((issue) => ({
    path: issue.path.map(String).join('.') || '(body)',
    message: issue.message,
  }));
  return new AppError('VALIDATION_FAILED', undefined, details);
}

/** The global pipe: every DTO made with createZodDto is validated by its contracts schema. */
export const AppValidationPipe = createZodValidationPipe({
  createValidationException: (error) =>
    error instanceof ZodError ? validationError(error) : new AppError('VALIDATION_FAILED'),
});
