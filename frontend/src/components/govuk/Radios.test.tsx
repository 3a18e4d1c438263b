import { readFileSync } from 'node:fs';
import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { Radios } from './Radios';

/** The element tree with its classes, ids, names, types, for and aria-describedby: what GOV.UK Frontend's template fixes. */
function shape(root: Element): string[] {
  return [root, ...root.querySelectorAll('*')].map((el) =>
    [el.tagName.toLowerCase(), ...['class', 'id', 'name', 'type', 'value', 'for', 'aria-describedby', 'data-module'].map((a) => el.getAttribute(a) ?? '')].join('|'),
  );
}

describe('Radios', () => {
  it('renders the markup of govuk-frontend\'s "with fieldset and error message" example', () => {
    const fixture = readFileSync('node_modules/govuk-frontend/dist/govuk/components/radios/template-with-fieldset-and-error-message.html', 'utf8');
    const expected = new DOMParser().parseFromString(fixture, 'text/html').body.firstElementChild as Element;
    const { container } = render(
      <Radios
        id="example"
        legend="Have you changed your name?"
        legendClassName=""
        error="Please select an option"
        options={[
          { value: 'yes', text: 'Yes' },
          { value: 'no', text: 'No' },
        ]}
        value="no"
        onChange={() => undefined}
      />,
    );
    expect(shape(container.firstElementChild as Element)).toEqual(shape(expected));
    expect(screen.getByRole('radio', { name: 'No' })).toBeChecked();
  });

  it('reports the value chosen', () => {
    const onChange = vi.fn();
    render(<Radios id="r" legend="Rating" options={[{ value: '1', text: '1 - Excellent' }, { value: '5', text: '5 - Poor' }]} value="" onChange={onChange} />);
    fireEvent.click(screen.getByRole('radio', { name: '5 - Poor' }));
    expect(onChange).toHaveBeenCalledWith('5');
  });
});
