import { useId } from 'react';
import { cx } from './cx';
import './RadioGroup.css';

export interface RadioOption<V extends string> {
  value: V;
  label: string;
  description?: string;
}

interface RadioGroupProps<V extends string> {
  label: string;
  name: string;
  value: V;
  options: readonly RadioOption<V>[];
  onChange(value: V): void;
  className?: string;
}

/** Native radio buttons laid out as choice cards; arrow keys move between them as usual. */
export function RadioGroup<V extends string>({ label, name, value, options, onChange, className }: RadioGroupProps<V>) {
  const id = useId();
  return (
    <fieldset className={cx('pb-radio-group', className)}>
      <legend className="pb-radio-group__legend">{label}</legend>
      <div className="pb-radio-group__options">
        {options.map((option) => {
          const optionId = `${id}-${option.value}`;
          return (
            <label
              key={option.value}
              htmlFor={optionId}
              className={cx('pb-radio-group__option', value === option.value && 'pb-radio-group__option--checked')}
            >
              <input
                id={optionId}
                type="radio"
                name={name}
                value={option.value}
                checked={value === option.value}
                onChange={() => onChange(option.value)}
                className="pb-radio-group__input"
                aria-describedby={option.description ? `${optionId}-description` : undefined}
              />
              <span className="pb-radio-group__text">
                <span className="pb-radio-group__label">{option.label}</span>
                {option.description && (
                  <span id={`${optionId}-description`} className="pb-radio-group__description">
                    {option.description}
                  </span>
                )}
              </span>
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}
