import type { ChangeEvent, ReactNode } from 'react';
import { ErrorMessage, describedBy } from './Input';
import { classNames } from './focus';

export interface CheckboxProps {
  id: string;
  name?: string;
  label: ReactNode;
  error?: string;
  checked: boolean;
  onChange: (event: ChangeEvent<HTMLInputElement>) => void;
}

/** One GOV.UK checkbox on its own (a confirmation such as "I agree"), with its inline error. */
export function Checkbox({ id, name = id, label, error, checked, onChange }: CheckboxProps) {
  return (
    <div className={classNames('govuk-form-group', error && 'govuk-form-group--error')}>
      {error && <ErrorMessage id={id}>{error}</ErrorMessage>}
      <div className="govuk-checkboxes" data-module="govuk-checkboxes">
        <div className="govuk-checkboxes__item">
          <input
            className="govuk-checkboxes__input"
            id={id}
            name={name}
            type="checkbox"
            checked={checked}
            onChange={onChange}
            aria-describedby={describedBy(id, undefined, error)}
          />
          <label className="govuk-label govuk-checkboxes__label" htmlFor={id}>
            {label}
          </label>
        </div>
      </div>
    </div>
  );
}
