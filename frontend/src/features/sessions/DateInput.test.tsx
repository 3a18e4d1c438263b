import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DateInput } from './DateInput';
import { checkDate, latestDate, startTimeWarning } from './dateChecks';

const parts = (day: string, month: string, year: string) => ({ day, month, year });

describe('GOV.UK date input', () => {
  it('is three numeric text fields in a fieldset, never the browser’s date picker', () => {
    const { container } = render(<DateInput id="due" legend="Due date" hint="For example, 27 3 2027" value={parts('', '', '')} onChange={() => {}} />);
    expect(container.querySelector('input[type="date"]')).toBeNull();
    for (const [label, id] of [['Day', 'due-day'], ['Month', 'due-month'], ['Year', 'due-year']]) {
      const input = screen.getByLabelText(label as string);
      expect(input).toHaveAttribute('id', id);
      expect(input).toHaveAttribute('type', 'text');
      expect(input).toHaveAttribute('inputmode', 'numeric');
    }
    expect(screen.getByRole('group', { name: 'Due date' })).toHaveAttribute('aria-describedby', 'due-hint');
  });

  it('highlights only the parts that are wrong', () => {
    const { container } = render(
      <DateInput id="due" legend="Due date" error="The due date must include a month" errorFields={['month']} value={parts('3', '', '2027')} onChange={() => {}} />,
    );
    expect(screen.getByLabelText('Month')).toHaveClass('govuk-input--error');
    expect(screen.getByLabelText('Day')).not.toHaveClass('govuk-input--error');
    expect(container.querySelector('.govuk-form-group--error')).not.toBeNull();
    expect(screen.getByRole('group', { name: 'Due date' })).toHaveAttribute('aria-describedby', 'due-error');
  });
});

describe('Date checks', () => {
  const today = '2026-12-02';
  it('refuses the year 3026 and other far-future dates, impossible dates and missing parts, in GOV.UK wording', () => {
    expect(checkDate(parts('8', '12', '3026'), 'the date of the next session', { latest: latestDate(today) })).toEqual({
      message: 'The date of the next session must be the same as or before 2 December 2028',
      fields: ['day', 'month', 'year'],
    });
    expect(checkDate(parts('31', '2', '2027'), 'the due date')?.message).toBe('The due date must be a real date');
    expect(checkDate(parts('3', '13', '2027'), 'the due date')).toEqual({ message: 'The due date must be a real date', fields: ['month'] });
    expect(checkDate(parts('3', '', '2027'), 'the due date')).toEqual({ message: 'The due date must include a month', fields: ['month'] });
    expect(checkDate(parts('3', '4', '27'), 'the due date')).toEqual({ message: 'Year must include 4 numbers', fields: ['year'] });
    expect(checkDate(parts('', '', ''), 'the due date')?.message).toBe('Enter the due date');
    expect(checkDate(parts('', '', ''), 'the due date', { required: false })).toBeNull();
    expect(checkDate(parts('3', '4', '2027'), 'the due date', { latest: latestDate(today) })).toBeNull();
  });

  it('warns about a start outside working hours (before 7am or from 9pm) and says nothing in the day', () => {
    expect(startTimeWarning('3am')).toBe('This session would start at 3am, outside working hours (7am to 9pm). Check the time before you save.');
    expect(startTimeWarning('03:00')).toMatch(/3am/);
    expect(startTimeWarning('21:30')).toMatch(/9:30pm/);
    expect(startTimeWarning('06:59')).toMatch(/6:59am/);
    expect(startTimeWarning('07:00')).toBeNull();
    expect(startTimeWarning('2:30pm')).toBeNull();
    expect(startTimeWarning('not a time')).toBeNull();
  });
});
