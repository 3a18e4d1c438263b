import { ErrorMessage, Hint, classNames, describedBy } from '../../components/govuk';
import type { Schemas } from '../../api/client';

type Option = Schemas['AnswerOption'];

/** The Signs of Safety scale's words when a template gives none (AnswerScales on the service says the same). */
const DEFAULT_OPTIONS: Option[] = Array.from({ length: 11 }, (_, n) => ({
  value: String(n) as Option['value'],
  label: n === 0 ? '0 - no safety' : n === 10 ? '10 - proposing to cease involvement or reduce the level of direct intervention' : String(n),
}));

/** "0 - no safety" to "no safety": the words after the number, for the end labels. */
export const wordsOf = (label: string, value: string) => label.replace(new RegExp(`^${value}\\s*[-:–]\\s*`), '').trim() || label;

/**
 * The safety scale as 11 large radio buttons in a row (a grid on a phone), each at least 44px: touch-friendly,
 * and native radios, so the arrow keys move along the scale. The two ends carry the item's own words.
 */
export function SafetyScale({
  id,
  legend,
  hint,
  options,
  value,
  onChange,
  error,
}: {
  id: string;
  legend: string;
  hint?: string;
  options?: Option[];
  value: string;
  onChange: (value: string) => void;
  error?: string;
}) {
  const scale = options && options.length > 1 ? options : DEFAULT_OPTIONS;
  const first = scale[0] as Option;
  const last = scale[scale.length - 1] as Option;
  const endsId = `${id}-ends`;
  const described = [describedBy(id, hint, error), endsId].filter(Boolean).join(' ');
  return (
    <div className={classNames('govuk-form-group', error && 'govuk-form-group--error')} data-testid="safety-scale">
      <fieldset className="govuk-fieldset" aria-describedby={described}>
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{legend}</legend>
        {hint && <Hint id={id}>{hint}</Hint>}
        {error && <ErrorMessage id={id}>{error}</ErrorMessage>}
        <div className="app-safety-scale">
          {scale.map((option, index) => {
            const inputId = index === 0 ? id : `${id}-${index + 1}`;
            const end = index === 0 || index === scale.length - 1;
            return (
              <div className="app-safety-scale__item" key={String(option.value)}>
                <input
                  className="app-safety-scale__input"
                  type="radio"
                  id={inputId}
                  name={id}
                  value={String(option.value)}
                  checked={value === String(option.value)}
                  onChange={() => onChange(String(option.value))}
                />
                <label className="app-safety-scale__label" htmlFor={inputId}>
                  {String(option.value)}
                  {end && <span className="govuk-visually-hidden">: {wordsOf(option.label, String(option.value))}</span>}
                </label>
              </div>
            );
          })}
        </div>
        <div className="app-safety-scale__ends" id={endsId}>
          <span className="app-safety-scale__end">
            {String(first.value)}: {wordsOf(first.label, String(first.value))}
          </span>
          <span className="app-safety-scale__end app-safety-scale__end--right">
            {String(last.value)}: {wordsOf(last.label, String(last.value))}
          </span>
        </div>
      </fieldset>
    </div>
  );
}
