import { useId, useState, type ComponentPropsWithRef, type ReactNode } from 'react';
import { cx } from './cx';
import { AlertCircleIcon, EyeIcon, EyeOffIcon } from './icons';
import './TextField.css';

export interface TextFieldProps extends ComponentPropsWithRef<'input'> {
  label: string;
  /** Guidance shown under the input until there is an error to show instead. */
  hint?: ReactNode;
  error?: string;
  /** A control placed inside the input's right edge (e.g. show password). */
  trailing?: ReactNode;
}

export function TextField({ label, hint, error, trailing, id, className, ...input }: TextFieldProps) {
  const generatedId = useId();
  const inputId = id ?? `field${generatedId}`;
  const errorId = `${inputId}-error`;
  const hintId = `${inputId}-hint`;
  const describedBy = error ? errorId : hint ? hintId : undefined;

  return (
    <div className={cx('pb-field', error && 'pb-field--invalid', className)}>
      <label className="pb-field__label" htmlFor={inputId}>
        {label}
      </label>
      <div className="pb-field__control">
        <input
          id={inputId}
          className={cx('pb-field__input', Boolean(trailing) && 'pb-field__input--with-trailing')}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          {...input}
        />
        {trailing && <div className="pb-field__trailing">{trailing}</div>}
      </div>
      {error ? (
        <p id={errorId} className="pb-field__message pb-field__message--error">
          <AlertCircleIcon size={14} />
          <span>{error}</span>
        </p>
      ) : (
        hint && (
          <p id={hintId} className="pb-field__message">
            {hint}
          </p>
        )
      )}
    </div>
  );
}

export function PasswordField(props: Omit<TextFieldProps, 'type' | 'trailing'>) {
  const [visible, setVisible] = useState(false);
  return (
    <TextField
      {...props}
      type={visible ? 'text' : 'password'}
      spellCheck={false}
      autoCapitalize="off"
      trailing={
        <button
          type="button"
          className="pb-field__toggle"
          aria-label={visible ? 'Hide password' : 'Show password'}
          aria-pressed={visible}
          onClick={() => setVisible((value) => !value)}
        >
          {visible ? <EyeOffIcon /> : <EyeIcon />}
        </button>
      }
    />
  );
}

/** An email input: the right keyboard on phones, and no capitalisation or spell-checking of addresses. */
export function EmailField(props: Omit<TextFieldProps, 'type'>) {
  return <TextField type="email" inputMode="email" autoCapitalize="off" spellCheck={false} {...props} />;
}
