/** A chart's figures as a GOV.UK table: open on the page, or in a details element so a home stays short. */
import { Table } from '../govuk';

export interface ChartRow {
  label: string;
  text: string;
}

export function ChartTable({ caption, rows, labelHeading, valueHeading, open }: { caption: string; rows: ChartRow[]; labelHeading: string; valueHeading: string; open?: boolean }) {
  const table = (
    <Table
      caption={caption}
      captionSize="s"
      head={[{ text: labelHeading }, { text: valueHeading }]}
      rows={rows.map((r) => [r.label, r.text])}
      rowKeys={rows.map((r, i) => `${r.label}-${i}`)}
      firstCellIsHeader
    />
  );
  if (open) return table;
  return (
    <details className="govuk-details">
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">Show the figures as a table</span>
      </summary>
      <div className="govuk-details__text">{table}</div>
    </details>
  );
}
