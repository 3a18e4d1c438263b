import { ErrorMessage, classNames } from '../../components/govuk';
import type { Session } from '../sessions/sessions';

type Owner = 'SUPERVISOR' | 'SUPERVISEE';

/** "Who owns it": the supervisor or the supervisee (the API refuses anyone else). */
export function OwnerRadios({
  name,
  session,
  value,
  onChange,
  error,
}: {
  name: string;
  session: Session;
  value: Owner | undefined;
  onChange: (owner: Owner) => void;
  error?: string;
}) {
  const supervisee = session.supervisees[0];
  const options: { value: Owner; text: string }[] = [
    { value: 'SUPERVISOR', text: `${session.supervisor.displayName} (supervisor)` },
    { value: 'SUPERVISEE', text: `${supervisee?.displayName ?? 'Supervisee'} (supervisee)` },
  ];
  return (
    <div className={classNames('govuk-form-group', error && 'govuk-form-group--error')}>
      <fieldset className="govuk-fieldset" aria-describedby={error ? `${name}-error` : undefined}>
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Who owns it</legend>
        {error && <ErrorMessage id={name}>{error}</ErrorMessage>}
        <div className="govuk-radios govuk-radios--small" data-module="govuk-radios">
          {options.map((option, index) => {
            const id = index === 0 ? name : `${name}-${index + 1}`;
            return (
              <div className="govuk-radios__item" key={option.value}>
                <input className="govuk-radios__input" id={id} name={name} type="radio" value={option.value} checked={value === option.value} onChange={() => onChange(option.value)} />
                <label className="govuk-label govuk-radios__label" htmlFor={id}>
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
