import { useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import type { z } from 'zod';
import { ApiError, describeError } from '../api';

export type FieldErrors<K extends string> = Partial<Record<K, string>>;

interface FormOptions<K extends string> {
  /** Server error codes shown under a field rather than in the banner (e.g. EMAIL_TAKEN → email). */
  fieldForCode?: Partial<Record<string, K>>;
}

/** First message per top-level field, from a failed client-side parse. */
export function clientFieldErrors<K extends string>(issues: z.core.$ZodIssue[], fields: readonly K[]): FieldErrors<K> {
  const errors: FieldErrors<K> = {};
  for (const issue of issues) {
    const field = String(issue.path[0] ?? '') as K;
    if (fields.includes(field) && !errors[field]) errors[field] = issue.message;
  }
  return errors;
}

/** Splits a server error into messages under fields and a message for the banner. */
export function serverErrors<K extends string>(
  error: unknown,
  fields: readonly K[],
  fieldForCode: Partial<Record<string, K>> = {},
): { fieldErrors: FieldErrors<K>; formError: string | null } {
  const fieldErrors: FieldErrors<K> = {};
  if (!(error instanceof ApiError)) return { fieldErrors, formError: describeError(error) };

  const codeField = fieldForCode[error.code];
  if (codeField) return { fieldErrors: { [codeField]: error.message } as FieldErrors<K>, formError: null };

  const unmatched: string[] = [];
  for (const issue of error.fieldIssues) {
    const field = issue.path.split('.')[0] as K;
    if (fields.includes(field)) fieldErrors[field] ??= issue.message;
    else unmatched.push(issue.message);
  }
  const placed = Object.keys(fieldErrors).length > 0;
  if (placed && unmatched.length === 0) return { fieldErrors, formError: null };
  return { fieldErrors, formError: [describeError(error), ...unmatched].join(' ') };
}

/**
 * Form state validated with a contracts schema before submit, with server errors mapped back onto
 * the same fields.
 */
export function useZodForm<S extends z.ZodType, K extends string>(
  schema: S,
  initialValues: Record<K, string>,
  onValid: (data: z.output<S>) => Promise<void>,
  options: FormOptions<NoInfer<K>> = {},
) {
  const fields = Object.keys(initialValues) as K[];
  const [values, setValues] = useState(initialValues);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors<K>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const inputs = useRef(new Map<K, HTMLInputElement>());

  const focusFirstInvalid = (errors: FieldErrors<K>) => {
    const first = fields.find((field) => errors[field]);
    if (first) inputs.current.get(first)?.focus();
  };

  const handleSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (pending) return;
    const parsed = schema.safeParse(values);
    if (!parsed.success) {
      const errors = clientFieldErrors(parsed.error.issues, fields);
      setFieldErrors(errors);
      setFormError(null);
      focusFirstInvalid(errors);
      return;
    }
    setFieldErrors({});
    setFormError(null);
    setPending(true);
    try {
      await onValid(parsed.data);
    } catch (error) {
      const mapped = serverErrors(error, fields, options.fieldForCode);
      setFieldErrors(mapped.fieldErrors);
      setFormError(mapped.formError);
      focusFirstInvalid(mapped.fieldErrors);
    } finally {
      setPending(false);
    }
  };

  const field = (name: K) => ({
    name,
    value: values[name],
    error: fieldErrors[name],
    ref: (element: HTMLInputElement | null) => {
      if (element) inputs.current.set(name, element);
      else inputs.current.delete(name);
    },
    onChange: (event: ChangeEvent<HTMLInputElement>) => {
      const { value } = event.target;
      setValues((current) => ({ ...current, [name]: value }));
      setFieldErrors((current) => (current[name] ? { ...current, [name]: undefined } : current));
    },
  });

  return { values, setValues, fieldErrors, formError, pending, field, handleSubmit };
}
