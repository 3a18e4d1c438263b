import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Input } from './Input';
import { Select } from './Select';

describe('Input', () => {
  it('labels the field and has no aria-describedby without hint or error', () => {
    render(<Input id="username" label="Username" />);
    const input = screen.getByLabelText('Username');
    expect(input).toHaveAttribute('id', 'username');
    expect(input).toHaveAttribute('name', 'username');
    expect(input).toHaveClass('govuk-input');
    expect(input).not.toHaveAttribute('aria-describedby');
    expect(input.closest('.govuk-form-group')).not.toHaveClass('govuk-form-group--error');
  });

  it('points aria-describedby at the hint with the id GOV.UK uses', () => {
    render(<Input id="username" label="Username" hint="Your work email address" />);
    const input = screen.getByLabelText('Username');
    expect(input).toHaveAttribute('aria-describedby', 'username-hint');
    expect(document.getElementById('username-hint')).toHaveTextContent('Your work email address');
    expect(document.getElementById('username-hint')).toHaveClass('govuk-hint');
  });

  it('shows an inline error, hint first then error in aria-describedby, and error styles', () => {
    render(<Input id="username" label="Username" hint="Your work email address" error="Enter your username" />);
    const input = screen.getByLabelText('Username');
    expect(input).toHaveAttribute('aria-describedby', 'username-hint username-error');
    expect(input).toHaveClass('govuk-input', 'govuk-input--error');
    expect(input.closest('.govuk-form-group')).toHaveClass('govuk-form-group--error');
    const message = document.getElementById('username-error');
    expect(message).toHaveClass('govuk-error-message');
    // The visually hidden prefix tells screen reader users it is an error.
    expect(message).toHaveTextContent('Error: Enter your username');
    expect(message?.querySelector('.govuk-visually-hidden')).toHaveTextContent('Error:');
    expect(input).toHaveAccessibleDescription('Your work email address Error: Enter your username');
  });

  it('describes a field with only an error by the error', () => {
    render(<Input id="password" label="Password" type="password" error="Enter your password" />);
    expect(screen.getByLabelText('Password')).toHaveAttribute('aria-describedby', 'password-error');
    expect(screen.getByLabelText('Password')).toHaveAttribute('type', 'password');
  });

  it('can make its label the page heading', () => {
    render(<Input id="name" label="What is your name?" labelIsPageHeading />);
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('What is your name?');
  });

  it('says when a field is optional', () => {
    render(<Input id="ref" label="HR reference" optional />);
    expect(screen.getByLabelText('HR reference (optional)')).toBeInTheDocument();
  });
});

describe('Select', () => {
  it('uses the same hint and error ids as text inputs', () => {
    render(
      <Select id="teamId" label="Team" hint="Pick one" error="Select a team" options={[{ value: '', text: 'All teams' }]} />,
    );
    const select = screen.getByLabelText('Team');
    expect(select).toHaveAttribute('aria-describedby', 'teamId-hint teamId-error');
    expect(select).toHaveClass('govuk-select', 'govuk-select--error');
  });
});
