import type { ChangeEvent, HTMLAttributes, ReactNode } from 'react';
import { classNames } from './focus';

export interface InputProps {
  id: string;
  name?: string;
  label: ReactNode;
  /** Make the label the page's <h1> (one-question pages). */
  labelIsPageHeading?: boolean;
  labelClassName?: string;
  hint?: ReactNode;
  error?: string;
  type?: 'text' | 'email' | 'password' | 'date' | 'search' | 'tel' | 'number' | 'url';
  value?: string;
  defaultValue?: string;
  onChange?: (event: ChangeEvent<HTMLInputElement>) => void;
  autoComplete?: string;
  spellCheck?: boolean;
  autoCapitalize?: string;
  inputMode?: HTMLAttributes<HTMLInputElement>['inputMode'];
  /** A GOV.UK width class, e.g. "govuk-input--width-20" or "govuk-!-width-two-thirds". */
  className?: string;
  /** The field is optional: the label says so. */
  optional?: boolean;
}

/** Ids GOV.UK Frontend gives a field's hint and error message (they go in aria-describedby). */
export const hintId = (id: string) => `${id}-hint`;
export const errorId = (id: string) => `${id}-error`;

export function describedBy(id: string, hint: unknown, error: unknown): string | undefined {
  const ids = [hint ? hintId(id) : null, error ? errorId(id) : null].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

export function Label({
  htmlFor,
  children,
  isPageHeading,
  className,
}: {
  htmlFor: string;
  children: ReactNode;
  isPageHeading?: boolean;
  className?: string;
}) {
  const label = (
    <label className={classNames('govuk-label', className, isPageHeading && !className && 'govuk-label--l')} htmlFor={htmlFor}>
      {children}
    </label>
  );
  return isPageHeading ? <h1 className="govuk-label-wrapper">{label}</h1> : label;
}

export function Hint({ id, children }: { id: string; children: ReactNode }) {
  return (
    <div id={hintId(id)} className="govuk-hint">
      {children}
    </div>
  );
}

export function ErrorMessage({ id, children }: { id: string; children: ReactNode }) {
  return (
    <p id={errorId(id)} className="govuk-error-message">
      <span className="govuk-visually-hidden">Error:</span> {children}
    </p>
  );
}

/** GOV.UK text input with label, hint and inline error, described exactly as GOV.UK Frontend does. */
export function Input({
  id,
  name = id,
  label,
  labelIsPageHeading,
  labelClassName,
  hint,
  error,
  type = 'text',
  className,
  optional,
  ...inputProps
}: InputProps) {
  return (
    <div className={classNames('govuk-form-group', error && 'govuk-form-group--error')}>
      <Label htmlFor={id} isPageHeading={labelIsPageHeading} className={labelClassName}>
        {label}
        {optional && ' (optional)'}
      </Label>
      {hint && <Hint id={id}>{hint}</Hint>}
      {error && <ErrorMessage id={id}>{error}</ErrorMessage>}
      <input
        className={classNames('govuk-input', className, error && 'govuk-input--error')}
        id={id}
        name={name}
        type={type}
        aria-describedby={describedBy(id, hint, error)}
        {...inputProps}
      />
    </div>
  );
}

/** The name GOV.UK's guidance uses for the component. */
export const TextInput = Input;
