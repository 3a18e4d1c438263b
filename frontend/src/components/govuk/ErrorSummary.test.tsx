import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { ErrorSummary, type ErrorItem } from './ErrorSummary';
import { Input } from './Input';

describe('ErrorSummary', () => {
  it('renders GOV.UK markup: title, alert role, a link per field error', () => {
    render(
      <ErrorSummary
        errors={[
          { text: 'Enter your username', href: '#username' },
          { text: 'Enter your password', href: '#password' },
          { text: 'Something without a field' },
        ]}
      />,
    );
    expect(screen.getByRole('alert')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2, name: 'There is a problem' })).toHaveClass('govuk-error-summary__title');
    expect(screen.getByRole('link', { name: 'Enter your username' })).toHaveAttribute('href', '#username');
    expect(screen.getByRole('link', { name: 'Enter your password' })).toHaveAttribute('href', '#password');
    expect(screen.getByText('Something without a field').tagName).toBe('LI');
    expect(screen.queryByRole('link', { name: 'Something without a field' })).toBeNull();
  });

  it('takes focus when it appears', () => {
    const { container } = render(<ErrorSummary errors={[{ text: 'Enter your username', href: '#username' }]} />);
    const summary = container.querySelector('.govuk-error-summary');
    expect(summary).toHaveFocus();
    expect(summary).toHaveAttribute('tabindex', '-1');
  });

  it('takes focus again when the errors change (a second failed submit)', async () => {
    function Form() {
      const [errors, setErrors] = useState<ErrorItem[]>([{ text: 'First', href: '#name' }]);
      return (
        <>
          <ErrorSummary errors={errors} />
          <button type="button" onClick={() => setErrors([{ text: 'Second', href: '#name' }])}>
            Submit
          </button>
        </>
      );
    }
    const user = userEvent.setup();
    const { container } = render(<Form />);
    await user.click(screen.getByRole('button', { name: 'Submit' }));
    expect(container.querySelector('.govuk-error-summary')).toHaveFocus();
    expect(screen.getByRole('link', { name: 'Second' })).toBeInTheDocument();
  });

  it('moves focus to the field when a link is followed', async () => {
    const user = userEvent.setup();
    render(
      <>
        <ErrorSummary errors={[{ text: 'Enter your password', href: '#password' }]} />
        <Input id="username" label="Username" />
        <Input id="password" label="Password" error="Enter your password" />
      </>,
    );
    await user.click(screen.getByRole('link', { name: 'Enter your password' }));
    expect(screen.getByLabelText('Password')).toHaveFocus();
  });
});
