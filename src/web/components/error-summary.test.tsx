import { render, screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ErrorSummary } from './error-summary.tsx';
import { TextField } from './form-fields.tsx';

describe('ErrorSummary', () => {
  it('lists each problem as a link to its field and takes focus when it appears', () => {
    render(
      <ErrorSummary
        errors={[
          { field: 'name', message: 'Enter the agency name' },
          { message: 'Someone else changed this agency' },
        ]}
      />,
    );
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('There is a problem');
    const link = screen.getByRole('link', { name: 'Enter the agency name' });
    expect(link.getAttribute('href')).toBe('#name');
    expect(screen.getByText('Someone else changed this agency').tagName).toBe('LI');
    expect(document.activeElement).toBe(alert.parentElement);
  });

  it('moves focus to the field when its link is followed', async () => {
    render(
      <>
        <ErrorSummary errors={[{ field: 'name', message: 'Enter the agency name' }]} />
        <TextField id="name" label="Agency name" value="" onChange={() => {}} error="Enter the agency name" />
      </>,
    );
    await userEvent.click(screen.getByRole('link', { name: 'Enter the agency name' }));
    expect(document.activeElement).toBe(screen.getByLabelText('Agency name'));
  });
});

describe('TextField', () => {
  it('shows its error inline with a hidden "Error:" prefix, described by the input', () => {
    render(
      <TextField
        id="email"
        label="Email address"
        value=""
        onChange={() => {}}
        error="Enter an email address"
      />,
    );
    const input = screen.getByLabelText('Email address');
    const message = document.getElementById('email-error');
    expect(message?.textContent).toBe('Error: Enter an email address');
    expect(message?.className).toBe('govuk-error-message');
    expect(input.getAttribute('aria-describedby')).toBe('email-error');
  });
});
