import { useEffect, useRef, type MouseEvent, type ReactNode } from 'react';
import { setFocus } from './focus';

export interface ErrorItem {
  text: string;
  /** "#field-id": the field the message is about. */
  href?: string;
}

export interface ErrorSummaryProps {
  errors: ErrorItem[];
  title?: string;
  description?: ReactNode;
}

/**
 * GOV.UK error summary. Takes focus when it appears (and when its errors change, as after
 * a second failed submit); each link moves focus to its field and shows the field's label.
 */
export function ErrorSummary({ errors, title = 'There is a problem', description }: ErrorSummaryProps) {
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (ref.current) setFocus(ref.current);
  }, [errors]);

  const onLinkClick = (event: MouseEvent<HTMLAnchorElement>, href: string) => {
    const input = document.getElementById(href.replace(/^#/, ''));
    if (!input) return;
    event.preventDefault();
    const legendOrLabel =
      input.closest('fieldset')?.querySelector('legend') ??
      document.querySelector(`label[for="${CSS.escape(input.id)}"]`);
    if (legendOrLabel && 'scrollIntoView' in legendOrLabel) legendOrLabel.scrollIntoView();
    input.focus({ preventScroll: true });
  };

  return (
    <div className="govuk-error-summary" data-module="govuk-error-summary" ref={ref}>
      <div role="alert">
        <h2 className="govuk-error-summary__title">{title}</h2>
        <div className="govuk-error-summary__body">
          {description && <p>{description}</p>}
          {errors.length > 0 && (
            <ul className="govuk-list govuk-error-summary__list">
              {errors.map((error, index) => (
                <li key={`${error.href ?? ''}${index}`}>
                  {error.href ? (
                    <a href={error.href} onClick={(event) => onLinkClick(event, error.href as string)}>
                      {error.text}
                    </a>
                  ) : (
                    error.text
                  )}
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
    </div>
  );
}
