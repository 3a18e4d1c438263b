import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Schemas } from '../../api/client';
import { PRIYA } from '../../test/fixtures';
import { json, problem, type Handler } from '../../test/mockApi';
import { session } from '../sessions/sessionFixtures';
import { agendaItem, openRecord, profileWithAgenda, record } from './recordFixtures';

// Central Bedfordshire's way: every agenda item must be recorded or marked not applicable before signing.
const item = (position: number, key: string, section: string, label: string) => agendaItem(position, key, section, label, true);

const AGENDA = [
  item(1, 'previous_actions', 'Agenda', 'Previous actions agreed'),
  item(2, 'budget_implications', 'Money', 'Budget implications'),
  item(3, 'equality_issues', 'Equality', 'Equality issues'),
];

const PROFILE_WITH_AGENDA = profileWithAgenda(AGENDA, 'BIC 531');

const RECORD = record({
  entries: [{ key: 'previous_actions', text: 'All done', notApplicable: false }],
  missing: ['Required agenda item not recorded: Budget implications', 'Required agenda item not recorded: Equality issues'],
});

function open(heldFor: Partial<Schemas['Session']>, routes: Record<string, Handler> = {}) {
  return openRecord(PRIYA, RECORD, PROFILE_WITH_AGENDA, {
    'GET /api/v1/sessions/:id': json(session({ status: 'RECORDED', ...heldFor })),
    ...routes,
  });
}

const REFUSED = problem(422, 'Business rule', {
  type: 'https://supervision.example/problems/business-rule',
  detail: '2 required agenda items are not recorded yet: record each, or mark it as not applicable, before signing.',
  errors: [
    { pointer: '/entries/budget_implications', message: 'Record "Budget implications" or mark it as not applicable.' },
    { pointer: '/entries/equality_issues', message: 'Record "Equality issues" or mark it as not applicable.' },
  ],
});

describe('Signing a record with required agenda items', () => {
  it('lists each missing item by its label, links to it and opens its section', async () => {
    const api = open({ actualMinutes: 90 }, { 'POST /api/v1/sessions/:id/record/signatures': REFUSED });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Finish and sign' }));
    const finish = screen.getByTestId('finish');
    expect(within(finish).getByText('Required agenda item not recorded: Budget implications')).toBeInTheDocument();
    await user.click(within(finish).getByLabelText('This is an accurate record'));
    await user.click(within(finish).getByRole('button', { name: 'Sign' }));

    const summary = (await screen.findByText('There is a problem')).closest('.govuk-error-summary') as HTMLElement;
    expect(within(summary).getByText(/2 required agenda items are not recorded yet/)).toBeInTheDocument();
    const budget = within(summary).getByRole('link', { name: 'Record "Budget implications" or mark it as not applicable.' });
    const equality = within(summary).getByRole('link', { name: 'Record "Equality issues" or mark it as not applicable.' });
    expect(budget).toHaveAttribute('href', '#entry-budget_implications');
    expect(equality).toHaveAttribute('href', '#entry-equality_issues');
    expect(summary.textContent).not.toMatch(/budget_implications|equality_issues/);
    expect(api.callsTo('POST /api/v1/sessions/:id/record/signatures')).toHaveLength(1);

    // The first missing item's section is open, with the message beside the field.
    const field = screen.getByLabelText('Budget implications');
    expect(field).toHaveAttribute('id', 'entry-budget_implications');
    expect(field.closest('.govuk-form-group')).toHaveClass('govuk-form-group--error');

    // The link to an item in another section opens that section.
    window.location.hash = '#entry-equality_issues';
    await waitFor(() => expect(screen.getByLabelText('Equality issues')).toBeInTheDocument());
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('Equality issues')));
  });

  it('flags a session held for less than the policy minimum', async () => {
    open({ actualMinutes: 20, minimumMinutesNotMet: 90 });
    expect(await screen.findByTestId('short-session')).toHaveTextContent(
      'This session lasted 20 minutes. The supervision policy asks for at least 90 minutes.',
    );
  });

  it('says nothing about length when the session was long enough', async () => {
    open({ actualMinutes: 90 });
    await screen.findByRole('button', { name: 'Finish and sign' });
    expect(screen.queryByTestId('short-session')).toBeNull();
  });
});
