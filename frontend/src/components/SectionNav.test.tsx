import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { SectionNav } from './SectionNav';

const sections = [
  { name: 'Wellbeing', complete: true },
  { name: 'Caseload', complete: false },
  { name: 'Learning', complete: true },
];

describe('SectionNav', () => {
  it('in landscape lists the sections as buttons, ticks the complete ones and marks the current step', () => {
    const onChoose = vi.fn();
    render(<SectionNav landscape ariaLabel="Sections of the agreement" sections={sections} current={1} onChoose={onChoose} />);
    const nav = screen.getByRole('navigation', { name: 'Sections of the agreement' });
    expect(nav).toHaveClass('app-section-list');
    expect(within(nav).getByRole('heading', { level: 2, name: 'Sections' })).toHaveClass('govuk-heading-s');
    const buttons = within(nav).getAllByRole('button');
    expect(buttons.map((b) => b.textContent)).toEqual(['Wellbeing✓ (complete)', 'Caseload', 'Learning✓ (complete)']);
    expect(buttons.map((b) => b.getAttribute('aria-current'))).toEqual([null, 'step', null]);
    expect(within(nav).getAllByTestId('section-tick')).toHaveLength(2);
    expect(screen.queryByRole('combobox')).not.toBeInTheDocument();

    fireEvent.click(buttons[2] as HTMLElement);
    expect(onChoose).toHaveBeenCalledWith(2);
  });

  it('takes its own heading', () => {
    render(<SectionNav landscape ariaLabel="Sections of the agenda" heading="Agenda" sections={sections} current={0} onChoose={() => undefined} />);
    expect(screen.getByRole('heading', { level: 2, name: 'Agenda' })).toBeInTheDocument();
  });

  it('in portrait offers a picker with "(complete)" in the option text, and choosing calls back', () => {
    const onChoose = vi.fn();
    const { container } = render(
      <SectionNav landscape={false} ariaLabel="Sections of the agenda" pickerLabel="Agenda section" sections={sections} current={0} onChoose={onChoose} />,
    );
    expect(screen.queryByRole('navigation')).not.toBeInTheDocument();
    expect(container.firstElementChild).toHaveClass('app-section-picker');
    const picker = screen.getByLabelText('Agenda section') as HTMLSelectElement;
    expect(picker.id).toBe('section-picker');
    expect(picker.value).toBe('0');
    expect([...picker.options].map((o) => [o.value, o.text])).toEqual([
      ['0', '1. Wellbeing (complete)'],
      ['1', '2. Caseload'],
      ['2', '3. Learning (complete)'],
    ]);

    fireEvent.change(picker, { target: { value: '1' } });
    expect(onChoose).toHaveBeenCalledWith(1);
  });

  it('labels the picker "Section" unless told otherwise', () => {
    render(<SectionNav landscape={false} ariaLabel="Sections" sections={sections} current={2} onChoose={() => undefined} />);
    expect((screen.getByLabelText('Section') as HTMLSelectElement).value).toBe('2');
  });
});
