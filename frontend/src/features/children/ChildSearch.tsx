import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import { settle } from '../../api/useQuery';
import { ErrorMessage, Hint, classNames } from '../../components/govuk';
import { childDescription, type Child, type ChildRef } from './children';

/** Wait this long after the last key before asking the service (fewer requests while typing). */
export const SEARCH_DELAY_MS = 250;
const MATCHES_SHOWN = 8;

type Found = { state: 'idle' } | { state: 'searching' } | { state: 'ok'; children: Child[] } | { state: 'error'; offline: boolean };

/**
 * Find a child by name or case number as you type: a GOV.UK text input with the matching children as
 * radios below it (no hover-only list, every option a 44px touch target, arrows move between them). The
 * chosen child stays in the list while the search changes. The input has id `id` (the error summary links
 * to it).
 */
export function ChildSearch({
  id,
  chosen,
  onChoose,
  error,
  initialQuery = '',
}: {
  id: string;
  chosen: ChildRef | null;
  onChoose: (child: ChildRef) => void;
  error?: string;
  initialQuery?: string;
}) {
  const [query, setQuery] = useState(initialQuery);
  const [found, setFound] = useState<Found>({ state: 'idle' });

  useEffect(() => {
    const q = query.trim();
    if (q.length < 2) {
      setFound({ state: 'idle' });
      return;
    }
    const controller = new AbortController();
    const timer = window.setTimeout(() => {
      setFound({ state: 'searching' });
      settle(api.GET('/api/v1/children', { params: { query: { q, limit: MATCHES_SHOWN } }, signal: controller.signal }))
        .then((result) => {
          if (controller.signal.aborted) return;
          if (result.state === 'ok') setFound({ state: 'ok', children: result.data.items });
          else if (result.state === 'error') setFound({ state: 'error', offline: result.problem.status === 0 });
        })
        .catch(() => {});
    }, SEARCH_DELAY_MS);
    return () => {
      controller.abort();
      window.clearTimeout(timer);
    };
  }, [query]);

  const matches: ChildRef[] = found.state === 'ok' ? found.children : [];
  const options = chosen && !matches.some((c) => c.id === chosen.id) ? [chosen, ...matches] : matches;
  const hint = 'Type at least 2 letters of the child’s name, or their case number';
  const status =
    found.state === 'searching'
      ? 'Searching…'
      : found.state === 'ok'
        ? found.children.length === 0
          ? `No children match “${query.trim()}”. Check the spelling, or add the child from the Children page.`
          : found.children.length === MATCHES_SHOWN
            ? `${MATCHES_SHOWN} or more children match. Choose one below, or type more of the name to narrow the list.`
            : `${found.children.length} ${found.children.length === 1 ? 'child matches' : 'children match'}. Choose one below.`
        : found.state === 'error'
          ? found.offline
            ? 'You are offline, so children cannot be searched. Your decision is kept on this device.'
            : 'Children cannot be searched at the moment. Try again later.'
          : '';

  return (
    <div className={classNames('govuk-form-group', error && 'govuk-form-group--error')} data-testid="child-search">
      <h2 className="govuk-label-wrapper">
        <label className="govuk-label govuk-label--m" htmlFor={id}>
          Child
        </label>
      </h2>
      <Hint id={id}>{hint}</Hint>
      {error && <ErrorMessage id={id}>{error}</ErrorMessage>}
      <input
        className={classNames('govuk-input', 'govuk-!-width-two-thirds', error && 'govuk-input--error')}
        id={id}
        name={id}
        type="search"
        autoComplete="off"
        spellCheck={false}
        aria-describedby={[`${id}-hint`, error ? `${id}-error` : null, `${id}-status`].filter(Boolean).join(' ')}
        aria-controls={`${id}-matches`}
        value={query}
        onChange={(event) => setQuery(event.target.value)}
      />
      <p className="govuk-body govuk-!-margin-top-2" id={`${id}-status`} role="status" aria-live="polite">
        {status}
      </p>
      <div id={`${id}-matches`}>
        {options.length > 0 && (
          <fieldset className="govuk-fieldset">
            <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Which child is the decision about?</legend>
            <div className="govuk-radios" data-module="govuk-radios">
              {options.map((child, index) => {
                const inputId = `${id}-match-${index + 1}`;
                return (
                  <div className="govuk-radios__item" key={child.id}>
                    <input
                      className="govuk-radios__input"
                      id={inputId}
                      name={`${id}-match`}
                      type="radio"
                      value={child.id}
                      aria-describedby={`${inputId}-item-hint`}
                      checked={chosen?.id === child.id}
                      onChange={() => onChoose({ id: child.id, name: child.name, caseNumber: child.caseNumber })}
                    />
                    <label className="govuk-label govuk-radios__label" htmlFor={inputId}>
                      {child.name}
                    </label>
                    <div id={`${inputId}-item-hint`} className="govuk-hint govuk-radios__hint">
                      {childDescription(child).slice(child.name.length + 2)}
                    </div>
                  </div>
                );
              })}
            </div>
          </fieldset>
        )}
      </div>
    </div>
  );
}
