import { useId, type ComponentPropsWithRef, type ReactNode } from 'react';
import { AlertCircleIcon, cx } from '../../ui';

interface TextAreaFieldProps extends ComponentPropsWithRef<'textarea'> {
  label: string;
  hint?: ReactNode;
  error?: string;
}

/** A multi-line TextField: same label, hint and error layout. */
export function TextAreaField({ label, hint, error, id, className, ...textarea }: TextAreaFieldProps) {
  const generatedId = useId();
  const inputId = id ?? `area${generatedId}`;
  const messageId = `${inputId}-message`;
  return (
    <div className={cx('pb-field', error && 'pb-field--invalid', className)}>
      <label className="pb-field__label" htmlFor={inputId}>
        {label}
      </label>
      <textarea
        id={inputId}
        className="pb-field__input script-editor__textarea"
        aria-invalid={error ? true : undefined}
        aria-describedby={error || hint ? messageId : undefined}
        {...textarea}
      />
      {error ? (
        <p id={messageId} className="pb-field__message pb-field__message--error">
          <AlertCircleIcon size={14} />
          <span>{error}</span>
        </p>
      ) : (
        hint && (
          <p id={messageId} className="pb-field__message">
            {hint}
          </p>
        )
      )}
    </div>
  );
}
