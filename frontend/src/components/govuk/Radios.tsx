import type { ReactNode } from 'react';
import { ErrorMessage, Hint, describedBy } from './Input';
import { classNames } from './focus';

export interface RadioOption {
  value: string;
  text: string;
}

export interface RadiosProps {
  id: string;
  name?: string;
  legend: ReactNode;
  legendClassName?: string;
  hint?: ReactNode;
  error?: string;
  options: RadioOption[];
  value: string;
  onChange: (value: string) => void;
  /** Small radios, for long lists such as a 0-10 scale. */
  small?: boolean;
}

/**
 * GOV.UK radios in a fieldset: the first input takes the field's id (the error summary links to it), the
 * others `${id}-2`, `${id}-3`... as govuk-frontend's own template numbers them.
 */
export function Radios({ id, name = id, legend, legendClassName = 'govuk-fieldset__legend--s', hint, error, options, value, onChange, small }: RadiosProps) {
  return (
    <div className={classNames('govuk-form-group', error && 'govuk-form-group--error')}>
      <fieldset className="govuk-fieldset" aria-describedby={describedBy(id, hint, error)}>
        <legend className={classNames('govuk-fieldset__legend', legendClassName)}>{legend}</legend>
        {hint && <Hint id={id}>{hint}</Hint>}
        {error && <ErrorMessage id={id}>{error}</ErrorMessage>}
        <div className={classNames('govuk-radios', small && 'govuk-radios--small')} data-module="govuk-radios">
          {options.map((option, index) => {
            const inputId = index === 0 ? id : `${id}-${index + 1}`;
            return (
              <div className="govuk-radios__item" key={option.value}>
                <input
                  className="govuk-radios__input"
                  id={inputId}
                  name={name}
                  type="radio"
                  value={option.value}
                  checked={value === option.value}
                  onChange={() => onChange(option.value)}
                />
                <label className="govuk-label govuk-radios__label" htmlFor={inputId}>
                  {option.text}
                </label>
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}
