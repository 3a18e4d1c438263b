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
  /**
   * On a phone, show each row as a stacked block with each cell under its column's heading, instead of
   * a table wider than the screen (app.css `.app-table--stacked`).
   */
  stackOnSmallScreens?: boolean;
}

function isCell(value: unknown): value is TableCell {
  return !!value && typeof value === 'object' && 'content' in value;
}

export function Table({ caption, captionSize = 'm', head, rows, firstCellIsHeader, rowKeys, className, stackOnSmallScreens }: TableProps) {
  // The column's heading beside each cell when stacked (shown by CSS only on small screens).
  const label = (index: number) => {
    const text = head[index]?.text;
    return stackOnSmallScreens && typeof text === 'string' ? text : undefined;
  };
  return (
    <table className={classNames('govuk-table', className, stackOnSmallScreens && 'app-table--stacked')}>
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
                  <th scope="row" className="govuk-table__header" key={cellIndex} data-label={label(cellIndex)}>
                    {cell.content}
                  </th>
                );
              }
              return (
                <td
                  className={classNames('govuk-table__cell', cell.numeric && 'govuk-table__cell--numeric')}
                  key={cellIndex}
                  data-label={label(cellIndex)}
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
