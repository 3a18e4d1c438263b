import type { ReactNode } from 'react';
import { classNames } from './focus';

export type TagColour = 'grey' | 'green' | 'turquoise' | 'blue' | 'purple' | 'pink' | 'red' | 'orange' | 'yellow';

/** A GOV.UK tag: status in words, never colour alone. */
export function Tag({ children, colour, className }: { children: ReactNode; colour?: TagColour; className?: string }) {
  return <strong className={classNames('govuk-tag', colour && `govuk-tag--${colour}`, className)}>{children}</strong>;
}
