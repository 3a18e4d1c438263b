import { ErrorMessage, Hint, classNames, describedBy } from '../../components/govuk';

export interface DateParts {
  day: string;
  month: string;
  year: string;
}

/**
 * GOV.UK date input (https://design-system.service.gov.uk/components/date-input/): day, month and year
 * as separate numeric text fields in one fieldset, never the browser's date picker. The first field has
 * id `${id}-day` (the error summary links there). With an error, only `errorFields` are highlighted
 * (all three when not given), as the design system asks.
 */
export function DateInput({
  id,
  legend,
  hint,
  error,
  errorFields,
  value,
  onChange,
  legendClassName = 'govuk-fieldset__legend--s',
}: {
  id: string;
  legend: string;
  hint?: string;
  error?: string;
  errorFields?: (keyof DateParts)[];
  value: DateParts;
  onChange: (value: DateParts) => void;
  legendClassName?: string;
}) {
  const wrong = (key: keyof DateParts) => !!error && (!errorFields || errorFields.length === 0 || errorFields.includes(key));
  const part = (key: keyof DateParts, label: string, width: string) => (
    <div className="govuk-date-input__item">
      <div className="govuk-form-group">
        <label className="govuk-label govuk-date-input__label" htmlFor={`${id}-${key}`}>
          {label}
        </label>
        <input
          className={classNames('govuk-input govuk-date-input__input', width, wrong(key) && 'govuk-input--error')}
          id={`${id}-${key}`}
          name={`${id}-${key}`}
          type="text"
          inputMode="numeric"
          autoComplete="off"
          spellCheck={false}
          value={value[key]}
          onChange={(event) => onChange({ ...value, [key]: event.target.value })}
        />
      </div>
    </div>
  );
  return (
    <div className={classNames('govuk-form-group', error && 'govuk-form-group--error')}>
      <fieldset className="govuk-fieldset" role="group" aria-describedby={describedBy(id, hint, error)}>
        <legend className={classNames('govuk-fieldset__legend', legendClassName)}>{legend}</legend>
        {hint && <Hint id={id}>{hint}</Hint>}
        {error && <ErrorMessage id={id}>{error}</ErrorMessage>}
        <div className="govuk-date-input" id={id}>
          {part('day', 'Day', 'govuk-input--width-2')}
          {part('month', 'Month', 'govuk-input--width-2')}
          {part('year', 'Year', 'govuk-input--width-4')}
        </div>
      </fieldset>
    </div>
  );
}

export const partsOf = (iso: string | undefined | null): DateParts => {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso ?? '');
  return match ? { day: String(Number(match[3])), month: String(Number(match[2])), year: match[1] as string } : { day: '', month: '', year: '' };
};

export const blankDate = (): DateParts => ({ day: '', month: '', year: '' });
