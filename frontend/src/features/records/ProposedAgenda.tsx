import { formatDate } from '../../format';
import type { ProposedAgendaItem } from './records';

/** What to discuss this time: the last record's future agenda items and those added from home since. */
export function ProposedAgenda({ items }: { items: ProposedAgendaItem[] }) {
  if (items.length === 0) return null;
  return (
    <section className="govuk-inset-text" aria-labelledby="proposed-agenda-heading" data-testid="proposed-agenda">
      <h2 className="govuk-heading-s" id="proposed-agenda-heading">
        Proposed agenda
      </h2>
      <ul className="govuk-list govuk-list--bullet govuk-!-margin-bottom-0">
        {items.map((item, index) => (
          <li key={index}>
            <span className="app-pre-wrap">{item.text}</span>
            <span className="govuk-hint app-block govuk-!-margin-bottom-0">
              {item.source === 'PREVIOUS_RECORD'
                ? 'From the last record’s future agenda items'
                : `Added by ${item.proposedBy?.displayName ?? 'someone in the session'}${item.proposedAt ? `, ${formatDate(item.proposedAt.slice(0, 10))}` : ''}`}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
