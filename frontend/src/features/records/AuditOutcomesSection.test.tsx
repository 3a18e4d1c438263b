import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Schemas } from '../../api/client';
import { PRIYA } from '../../test/fixtures';
import { json } from '../../test/mockApi';
import { agendaItem, openRecord, profileWithAgenda, record } from './recordFixtures';

const PROFILE = profileWithAgenda([agendaItem(1, 'wellbeing', 'Wellbeing', 'How are you?')]);

const OUTCOMES: Schemas['AuditOutcome'][] = [
  {
    auditId: 'au-1',
    auditedOn: '2026-11-12',
    grade: 'REQUIRES_IMPROVEMENT',
    supervisee: { id: 'a1', displayName: 'Sam Okafor' },
    auditor: { id: 'qa-1', displayName: 'Quinn Adebayo', jobTitle: 'Quality Assurance Manager' },
    actions: [
      { id: 'aa-1', text: 'Record the child’s view in every case discussion', owner: { id: 'p1', displayName: 'Priya Shah' }, dueDate: '2026-12-31', status: 'OPEN' },
    ],
  },
  {
    auditId: 'au-2',
    auditedOn: '2026-11-20',
    grade: 'GOOD',
    supervisee: { id: 'a2', displayName: 'Jordan Reid' },
    auditor: { id: 'm1', displayName: 'Morgan Hale' },
    actions: [],
  },
];

describe('Audit outcomes on a supervisor’s own record', () => {
  it('shows each audit in words and saves the discussion of supervisory practice with the record', async () => {
    const api = openRecord(PRIYA, record({ auditOutcomes: OUTCOMES }), PROFILE, {
      'PUT /api/v1/sessions/:id/record': json(record({ auditOutcomes: OUTCOMES, supervisoryPractice: 'We discussed recording the child’s view', version: 2 }), 200, { ETag: '"2"' }),
    });
    const user = userEvent.setup();
    const section = await screen.findByTestId('audit-outcomes');
    const cards = within(section).getAllByTestId('audit-outcome');
    expect(cards).toHaveLength(2);
    const first = cards[0] as HTMLElement;
    expect(within(first).getByRole('heading', { name: 'Supervision file of Sam Okafor' })).toBeInTheDocument();
    expect(within(first).getByText('Requires improvement')).toHaveClass('govuk-tag');
    expect(first).toHaveTextContent('Thursday 12 November 2026');
    expect(first).toHaveTextContent('Quinn Adebayo, Quality Assurance Manager');
    expect(first).toHaveTextContent('Record the child’s view in every case discussion');
    expect(first).toHaveTextContent('Priya Shah, due Thursday 31 December 2026, Open');
    expect(within(cards[1] as HTMLElement).getByText('Good')).toBeInTheDocument();
    expect(section.textContent).not.toMatch(/REQUIRES_IMPROVEMENT|GOOD\b|OPEN\b/);

    await user.type(within(section).getByLabelText('Discussion of the quality of your supervisory practice'), 'We discussed recording the child’s view');
    await user.click(screen.getByRole('button', { name: 'Save record' }));
    await screen.findByText('Record saved');
    expect(api.callsTo('PUT /api/v1/sessions/:id/record')[0]?.body).toMatchObject({ supervisoryPractice: 'We discussed recording the child’s view' });
  });

  it('is not shown when no audit is to be noted, and nothing extra is sent', async () => {
    const api = openRecord(PRIYA, record(), PROFILE, { 'PUT /api/v1/sessions/:id/record': json(record({ version: 2 }), 200, { ETag: '"2"' }) });
    const user = userEvent.setup();
    await screen.findByRole('button', { name: 'Save record' });
    expect(screen.queryByTestId('audit-outcomes')).toBeNull();
    expect(screen.queryByLabelText('Discussion of the quality of your supervisory practice')).toBeNull();
    await user.type(screen.getByLabelText('How are you?'), 'Fine');
    await user.click(screen.getByRole('button', { name: 'Save record' }));
    await screen.findByText('Record saved');
    expect(api.callsTo('PUT /api/v1/sessions/:id/record')[0]?.body).not.toHaveProperty('supervisoryPractice');
  });

  it('shows the outcomes and the discussion read-only on a signed record', async () => {
    openRecord(
      PRIYA,
      record({ status: 'SIGNED', auditOutcomes: OUTCOMES.slice(0, 1), supervisoryPractice: 'Agreed to model the child’s voice', signedAt: '2026-12-01T10:00:00Z' }),
      PROFILE,
    );
    const section = await screen.findByTestId('audit-outcomes');
    expect(within(section).queryByRole('textbox')).toBeNull();
    expect(section).toHaveTextContent('Discussion of the quality of your supervisory practiceAgreed to model the child’s voice');
  });
});
