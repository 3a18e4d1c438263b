import type { ReactNode } from 'react';
import { classNames } from './focus';

export interface TableHeading {
  text: ReactNode;
  numeric?: boolean;
  className?: string;
}

export interface TableCell {
  content: ReactNode;
  numeric?: boolean;
}

export interface TableProps {
  caption?: ReactNode;
  captionSize?: 's' | 'm' | 'l' | 'xl';
  head: TableHeading[];
  /** One array per row; a cell is content or { content, numeric }. */
  rows: Array<Array<ReactNode | TableCell>>;
  /** The first cell of each row heads the row (scope="row"). */
  firstCellIsHeader?: boolean;
  rowKeys?: string[];
  className?: string;
}

function isCell(value: unknown): value is TableCell {
  return !!value && typeof value === 'object' && 'content' in value;
}

export function Table({ caption, captionSize = 'm', head, rows, firstCellIsHeader, rowKeys, className }: TableProps) {
  return (
    <table className={classNames('govuk-table', className)}>
      {caption && (
        <caption className={classNames('govuk-table__caption', `govuk-table__caption--${captionSize}`)}>{caption}</caption>
      )}
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          {head.map((heading, index) => (
            <th
              scope="col"
              key={index}
              className={classNames('govuk-table__header', heading.numeric && 'govuk-table__header--numeric', heading.className)}
            >
              {heading.text}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {rows.map((row, rowIndex) => (
          <tr className="govuk-table__row" key={rowKeys?.[rowIndex] ?? rowIndex}>
            {row.map((value, cellIndex) => {
              const cell = isCell(value) ? value : { content: value };
              if (firstCellIsHeader && cellIndex === 0) {
                return (
                  <th scope="row" className="govuk-table__header" key={cellIndex}>
                    {cell.content}
                  </th>
                );
              }
              return (
                <td
                  className={classNames('govuk-table__cell', cell.numeric && 'govuk-table__cell--numeric')}
                  key={cellIndex}
                >
                  {cell.content}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
