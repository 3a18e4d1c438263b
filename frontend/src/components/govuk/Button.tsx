import type { MouseEvent, ReactNode } from 'react';
import { Link } from '../../router';
import { classNames } from './focus';

export interface ButtonProps {
  children: ReactNode;
  variant?: 'primary' | 'secondary' | 'warning' | 'inverse';
  type?: 'submit' | 'button' | 'reset';
  /** Renders a link styled as a button (GOV.UK "start" and navigation buttons). */
  href?: string;
  disabled?: boolean;
  preventDoubleClick?: boolean;
  onClick?: (event: MouseEvent<HTMLElement>) => void;
  className?: string;
}

export function Button({
  children,
  variant = 'primary',
  type = 'submit',
  href,
  disabled,
  preventDoubleClick,
  onClick,
  className,
}: ButtonProps) {
  const classes = classNames(
    'govuk-button',
    variant !== 'primary' && `govuk-button--${variant}`,
    className,
  );
  if (href) {
    return (
      <Link href={href} role="button" draggable={false} className={classes} data-module="govuk-button" onClick={onClick}>
        {children}
      </Link>
    );
  }
  return (
    <button
      type={type}
      className={classes}
      data-module="govuk-button"
      disabled={disabled}
      aria-disabled={disabled || undefined}
      data-prevent-double-click={preventDoubleClick || undefined}
      onClick={onClick}
    >
      {children}
    </button>
  );
}
