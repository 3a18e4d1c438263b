import type { ChangeEvent, ReactNode } from 'react';
import { ErrorMessage, Hint, Label, describedBy } from './Input';
import { classNames } from './focus';

export interface SelectOption {
  value: string;
  text: string;
}

export interface SelectProps {
  id: string;
  name?: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  options: SelectOption[];
  value?: string;
  defaultValue?: string;
  onChange?: (event: ChangeEvent<HTMLSelectElement>) => void;
}

export function Select({ id, name = id, label, hint, error, options, ...selectProps }: SelectProps) {
  return (
    <div className={classNames('govuk-form-group', error && 'govuk-form-group--error')}>
      <Label htmlFor={id}>{label}</Label>
      {hint && <Hint id={id}>{hint}</Hint>}
      {error && <ErrorMessage id={id}>{error}</ErrorMessage>}
      <select
        className={classNames('govuk-select', error && 'govuk-select--error')}
        id={id}
        name={name}
        aria-describedby={describedBy(id, hint, error)}
        {...selectProps}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.text}
          </option>
        ))}
      </select>
    </div>
  );
}
