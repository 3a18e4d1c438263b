import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { SafetyScale, wordsOf } from './SafetyScale';

function Harness({ initial = '' }: { initial?: string }) {
  const [value, setValue] = useState(initial);
  return (
    <>
      <SafetyScale id="answer-safety_scale" legend="How worried are we?" hint="0 = no safety" value={value} onChange={setValue} error={value ? undefined : 'Choose a number'} />
      <output data-testid="value">{value}</output>
    </>
  );
}

describe('Safety scale', () => {
  it('is a fieldset with its legend, hint, error and the two end labels, and eleven radios 0 to 10', () => {
    render(<Harness />);
    const group = screen.getByRole('group', { name: 'How worried are we?' });
    expect(group.tagName).toBe('FIELDSET');
    const radios = within(group).getAllByRole('radio');
    expect(radios.map((r) => (r as HTMLInputElement).value)).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    expect(radios[0]).toHaveAttribute('id', 'answer-safety_scale');
    expect(radios[10]).toHaveAttribute('id', 'answer-safety_scale-11');
    expect(group).toHaveAttribute('aria-describedby', 'answer-safety_scale-hint answer-safety_scale-error answer-safety_scale-ends');
    expect(screen.getByText('0: no safety')).toBeInTheDocument();
    expect(screen.getByText('10: proposing to cease involvement or reduce the level of direct intervention')).toBeInTheDocument();
    expect(within(group).getByRole('radio', { name: '0: no safety' })).toBeInTheDocument();
    expect(screen.getByText('Choose a number', { exact: false })).toHaveClass('govuk-error-message');
    // Every choice is a large label the whole of which is the touch target.
    for (const radio of radios) expect(radio.nextElementSibling).toHaveClass('app-safety-scale__label');
  });

  it('is chosen by a tap and moved along with the arrow keys', async () => {
    render(<Harness />);
    const user = userEvent.setup();
    await user.click(screen.getByText('4'));
    expect(screen.getByTestId('value')).toHaveTextContent('4');
    expect(screen.getByRole('radio', { name: '4' })).toHaveFocus();
    await user.keyboard('{ArrowRight}');
    expect(screen.getByTestId('value')).toHaveTextContent('5');
    expect(screen.getByRole('radio', { name: '5' })).toBeChecked();
    await user.keyboard('{ArrowLeft}{ArrowLeft}');
    expect(screen.getByTestId('value')).toHaveTextContent('3');
  });

  it('takes the end words from the item’s options', () => {
    render(
      <SafetyScale
        id="s"
        legend="Scale"
        value="2"
        onChange={() => undefined}
        options={[
          { value: '0', label: '0 - danger' },
          { value: '1', label: '1' },
          { value: '2', label: '2 - safe enough to close' },
        ]}
      />,
    );
    expect(screen.getByText('0: danger')).toBeInTheDocument();
    expect(screen.getByText('2: safe enough to close')).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: '2: safe enough to close' })).toBeChecked();
    expect(wordsOf('10 - proposing to cease', '10')).toBe('proposing to cease');
  });
});
