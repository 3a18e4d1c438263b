import { Fragment, useState, type ReactNode } from 'react';
import { ErrorMessage, Hint, classNames, describedBy } from '../../components/govuk';
import { DateInput, partsOf, type DateParts } from '../sessions/DateInput';
import { checkDate } from '../sessions/dateChecks';
import { dateFromParts } from '../sessions/sessions';

/**
 * A GOV.UK date input that keeps what is typed (day, month, year) and gives the form an ISO date once it is a
 * real one ('' until then). A finished but impossible date says so at once.
 */
export function DateField({
  id,
  legend,
  hint,
  value,
  onChange,
  error,
  name,
}: {
  id: string;
  legend: string;
  hint?: string;
  value: string;
  onChange: (iso: string) => void;
  error?: string;
  /** How a message names the date, e.g. "the date the child was last seen". */
  name: string;
}) {
  const [parts, setParts] = useState<DateParts>(() => partsOf(value));
  const finished = parts.day.trim() !== '' && parts.month.trim() !== '' && parts.year.trim().length >= 4;
  const problem = finished ? checkDate(parts, name, { required: false, latest: null }) : null;
  return (
    <DateInput
      id={id}
      legend={legend}
      hint={hint ?? 'For example, 27 3 2026'}
      value={parts}
      error={problem?.message ?? error}
      errorFields={problem?.fields}
      onChange={(next) => {
        setParts(next);
        onChange(dateFromParts(next.day, next.month, next.year) ?? '');
      }}
    />
  );
}

export interface Choice<T extends string> {
  value: T;
  text: string;
  /** Shown under the choice while it is selected (GOV.UK conditional reveal). */
  conditional?: ReactNode;
}

/** GOV.UK radios whose choices may reveal more questions. The first input takes the field's id. */
export function ChoiceRadios<T extends string>({
  id,
  legend,
  legendClassName = 'govuk-fieldset__legend--s',
  hint,
  error,
  choices,
  value,
  onChange,
  inline,
}: {
  id: string;
  legend: ReactNode;
  legendClassName?: string;
  hint?: ReactNode;
  error?: string;
  choices: Choice<T>[];
  value: T | undefined;
  onChange: (value: T) => void;
  inline?: boolean;
}) {
  return (
    <div className={classNames('govuk-form-group', error && 'govuk-form-group--error')}>
      <fieldset className="govuk-fieldset" aria-describedby={describedBy(id, hint, error)}>
        <legend className={classNames('govuk-fieldset__legend', legendClassName)}>{legend}</legend>
        {hint && <Hint id={id}>{hint}</Hint>}
        {error && <ErrorMessage id={id}>{error}</ErrorMessage>}
        <div className={classNames('govuk-radios', inline && 'govuk-radios--inline')} data-module="govuk-radios">
          {choices.map((choice, index) => {
            const inputId = index === 0 ? id : `${id}-${index + 1}`;
            const open = value === choice.value && !!choice.conditional;
            return (
              <Fragment key={choice.value}>
                <div className="govuk-radios__item">
                  <input
                    className="govuk-radios__input"
                    id={inputId}
                    name={id}
                    type="radio"
                    value={choice.value}
                    checked={value === choice.value}
                    onChange={() => onChange(choice.value)}
                    aria-controls={choice.conditional ? `${inputId}-conditional` : undefined}
                  />
                  <label className="govuk-label govuk-radios__label" htmlFor={inputId}>
                    {choice.text}
                  </label>
                </div>
                {choice.conditional && (
                  <div className={classNames('govuk-radios__conditional', !open && 'govuk-radios__conditional--hidden')} id={`${inputId}-conditional`}>
                    {open && choice.conditional}
                  </div>
                )}
              </Fragment>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}
