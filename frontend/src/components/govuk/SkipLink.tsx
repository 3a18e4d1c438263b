import type { MouseEvent } from 'react';
import { setFocus } from './focus';

/** GOV.UK skip link: the first focusable element of every page. */
export function SkipLink({ href = '#main-content', text = 'Skip to main content' }: { href?: string; text?: string }) {
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    const target = document.getElementById(href.replace('#', ''));
    if (!target) return;
    event.preventDefault();
    setFocus(target, {
      onBeforeFocus: () => target.classList.add('govuk-skip-link-focused-element'),
      onBlur: () => target.classList.remove('govuk-skip-link-focused-element'),
    });
  };
  return (
    <a href={href} className="govuk-skip-link" data-module="govuk-skip-link" onClick={onClick}>
      {text}
    </a>
  );
}
