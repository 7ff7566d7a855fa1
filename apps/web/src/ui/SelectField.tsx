import { useId, type ComponentPropsWithRef } from 'react';
import { cx } from './cx';
import { AlertCircleIcon, ChevronDownIcon } from './icons';
import './TextField.css';

export interface SelectOption<V extends string> {
  value: V;
  label: string;
}

export interface SelectFieldProps<V extends string> extends Omit<ComponentPropsWithRef<'select'>, 'value' | 'onChange'> {
  label: string;
  /** Keeps the label for assistive technology but hides it, e.g. in a row of fields with a shared heading. */
  hideLabel?: boolean;
  value: V;
  options: readonly SelectOption<V>[];
  onChange(value: V): void;
  error?: string;
}

/** A native select, styled like TextField: the platform's own picker is the most accessible one. */
export function SelectField<V extends string>({
  label,
  hideLabel,
  value,
  options,
  onChange,
  error,
  id,
  className,
  ...select
}: SelectFieldProps<V>) {
  const generatedId = useId();
  const selectId = id ?? `select${generatedId}`;
  const errorId = `${selectId}-error`;
  return (
    <div className={cx('pb-field', error && 'pb-field--invalid', className)}>
      <label className={cx('pb-field__label', hideLabel && 'pb-visually-hidden')} htmlFor={selectId}>
        {label}
      </label>
      <div className="pb-field__control">
        <select
          id={selectId}
          className="pb-field__input pb-field__select"
          value={value}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          onChange={(event) => onChange(event.target.value as V)}
          {...select}
        >
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
        <ChevronDownIcon size={14} className="pb-field__select-icon" />
      </div>
      {error && (
        <p id={errorId} className="pb-field__message pb-field__message--error">
          <AlertCircleIcon size={14} />
          <span>{error}</span>
        </p>
      )}
    </div>
  );
}
