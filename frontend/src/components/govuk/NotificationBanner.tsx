import { useEffect, useId, useRef, type ReactNode } from 'react';
import { setFocus } from './focus';

export interface NotificationBannerProps {
  /** Success banners are announced (role="alert") and take focus, as GOV.UK Frontend does. */
  type?: 'success';
  title?: string;
  heading?: ReactNode;
  children?: ReactNode;
  /** Focus a success banner when it appears (default true for success). */
  autoFocus?: boolean;
  /** An alert role for banners that must be announced (the offline notice). */
  announce?: boolean;
  className?: string;
}

export function NotificationBanner({
  type,
  title = type === 'success' ? 'Success' : 'Important',
  heading,
  children,
  autoFocus = type === 'success',
  announce,
  className,
}: NotificationBannerProps) {
  const titleId = `govuk-notification-banner-title-${useId().replace(/:/g, '')}`;
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (autoFocus && ref.current) setFocus(ref.current);
  }, [autoFocus]);

  return (
    <div
      ref={ref}
      className={
        'govuk-notification-banner' +
        (type === 'success' ? ' govuk-notification-banner--success' : '') +
        (className ? ` ${className}` : '')
      }
      role={type === 'success' || announce ? 'alert' : 'region'}
      aria-labelledby={titleId}
      data-module="govuk-notification-banner"
    >
      <div className="govuk-notification-banner__header">
        <h2 className="govuk-notification-banner__title" id={titleId}>
          {title}
        </h2>
      </div>
      <div className="govuk-notification-banner__content">
        {heading && <p className="govuk-notification-banner__heading">{heading}</p>}
        {children}
      </div>
    </div>
  );
}
