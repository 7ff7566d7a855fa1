import { ArgumentMetadata, Injectable } from '@nestjs/common';
import { findUnusableText, type FieldIssue } from '@pairboard/contracts';
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

/**
 * VALIDATION_FAILED naming the first string in `value` that cannot be stored (NUL, a control
 * character, a lone surrogate), or nothing. `prefix` names where the value sits (a parameter).
 */
export function assertUsableText(value: unknown, prefix?: string): void {
  const issue = findUnusableText(value);
  if (!issue) return;
  const path = [prefix, issue.path].filter(Boolean).join('.') || '(body)';
  throw new AppError('VALIDATION_FAILED', undefined, [{ path, message: issue.message }]);
}

const ZodPipe = createZodValidationPipe({
  createValidationException: (error) =>
    error instanceof ZodError ? validationError(error) : new AppError('VALIDATION_FAILED'),
});

/**
 * The global pipe: every DTO made with createZodDto is validated by its contracts schema, and every
 * body, query and route parameter (with a DTO or not) is checked for text PostgreSQL cannot hold,
 * so such input is a 400 here rather than a 500 from the database.
 */
@Injectable()
export class AppValidationPipe extends ZodPipe {
  override transform(value: unknown, metadata: ArgumentMetadata): unknown {
    const parsed = super.transform(value, metadata);
    if (metadata.type === 'body' || metadata.type === 'query' || metadata.type === 'param') assertUsableText(parsed, metadata.data);
    return parsed;
  }
}
