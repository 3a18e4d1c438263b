import type { ChangeEvent, ReactNode } from 'react';
import { ErrorMessage, Hint, Label, describedBy } from './Input';
import { classNames } from './focus';

export interface TextareaProps {
  id: string;
  name?: string;
  label: ReactNode;
  labelClassName?: string;
  hint?: ReactNode;
  error?: string;
  value?: string;
  rows?: number;
  onChange?: (event: ChangeEvent<HTMLTextAreaElement>) => void;
}

/** GOV.UK textarea with label, hint and inline error. */
export function Textarea({ id, name = id, label, labelClassName, hint, error, rows = 5, ...rest }: TextareaProps) {
  return (
    <div className={classNames('govuk-form-group', error && 'govuk-form-group--error')}>
      <Label htmlFor={id} className={labelClassName}>
        {label}
      </Label>
      {hint && <Hint id={id}>{hint}</Hint>}
      {error && <ErrorMessage id={id}>{error}</ErrorMessage>}
      <textarea
        className={classNames('govuk-textarea', error && 'govuk-textarea--error')}
        id={id}
        name={name}
        rows={rows}
        aria-describedby={describedBy(id, hint, error)}
        {...rest}
      />
    </div>
  );
}
