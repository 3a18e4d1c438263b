/** Agreements shown with the template version they were made with; clauses; a signature block per review; scales as radios. */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Schemas } from '../../api/client';
import { PRIYA, SAM, TOKENS } from '../../test/fixtures';
import { json, mockApi, type Handler } from '../../test/mockApi';
import { renderApp, withStoredRefreshToken } from '../../test/renderApp';
import { agreement, POLICY, templateRoutes } from './agreementFixtures';

function signedInAs(me: Schemas['Me'], routes: Record<string, Handler>) {
  withStoredRefreshToken();
  return mockApi({
    'POST /api/v1/auth/token-refresh': json(TOKENS),
    'GET /api/v1/me': json(me),
    ...templateRoutes,
    ...routes,
  });
}

const signature = (party: 'SUPERVISOR' | 'SUPERVISEE', name: string, at: string): Schemas['AgreementSignature'] => ({
  party,
  signer: { id: party === 'SUPERVISOR' ? 'p1' : 's1', displayName: name },
  signedAt: at,
  contentHash: 'abc',
});

describe('Agreement templates', () => {
  it('shows an agreement with the template version it was made with, not the current one', async () => {
    const api = signedInAs(PRIYA, {
      'GET /api/v1/agreements/:id': json(
        agreement({ templateId: 'tpl-old', answers: [{ key: 'escalation_period', text: 'Six weeks' }] }),
        200,
        { ETag: '"1"' },
      ),
    });
    renderApp('/agreements/ag-1');
    expect(await screen.findByRole('heading', { level: 3, name: 'Absence of supervision' })).toBeInTheDocument();
    expect(screen.getByText('The supervisee will approach the line manager if no formal supervision for:')).toBeInTheDocument();
    expect(screen.getByText('Six weeks')).toBeInTheDocument();
    expect(screen.queryByText('Other answers')).toBeNull();
    expect(screen.queryByText('escalation_period')).toBeNull();
    expect(api.callsTo('GET /api/v1/policy-templates/:id').map((c) => c.path)).toEqual(['/api/v1/policy-templates/tpl-old']);
  });

  it('shows fixed commitments as clauses and a signature block for the agreement and each review', async () => {
    const first = agreement({
      id: 'ag-1',
      status: 'SUPERSEDED',
      templateId: 'tpl-isa',
      answers: [],
      signatures: [signature('SUPERVISEE', 'Sam Okafor', '2025-02-02T10:00:00Z'), signature('SUPERVISOR', 'Priya Shah', '2025-02-03T10:00:00Z')],
    });
    const review = agreement({
      id: 'ag-2',
      status: 'ACTIVE',
      versionNumber: 2,
      previousVersionId: 'ag-1',
      templateId: 'tpl-isa',
      answers: [],
      signatures: [signature('SUPERVISEE', 'Sam Okafor', '2026-02-02T10:00:00Z'), signature('SUPERVISOR', 'Priya Shah', '2026-02-04T15:00:00Z')],
    });
    signedInAs(SAM, {
      'GET /api/v1/agreements/:id/versions': json({ items: [first, review] }),
      'GET /api/v1/agreements/:id': json(review, 200, { ETag: '"3"' }),
    });
    renderApp('/agreements/ag-2');
    const clauses = await screen.findAllByTestId('clauses');
    expect(clauses.map((c) => c.textContent).join(' ')).toContain('telephone calls during our supervision sessions');
    expect(screen.getByText('An agenda will be set a few days before the supervision session.')).toBeInTheDocument();
    expect(screen.queryByText('Not answered')).toBeNull();

    expect(await screen.findByRole('heading', { level: 3, name: 'Review 1 of the agreement signed (version 2)' })).toBeInTheDocument();
    expect(screen.getByText('Signed by Priya Shah on Wednesday 4 February 2026 at 3pm')).toBeInTheDocument();
    const earlier = await screen.findByTestId('earlier-signatures');
    expect(within(earlier).getByRole('heading', { level: 3, name: 'Agreement signed' })).toBeInTheDocument();
    expect(within(earlier).getByText('Signed by Priya Shah on Monday 3 February 2025 at 10am')).toBeInTheDocument();
    expect(within(earlier).getByText('Signed by Sam Okafor on Sunday 2 February 2025 at 10am')).toBeInTheDocument();
  });

  it('drafts from the text the organisation chose: clauses are read, not answered', async () => {
    const api = signedInAs(PRIYA, {
      'GET /api/v1/organisation/policy': json({ ...POLICY, agreementTemplate: { id: 'tpl-isa', kind: 'AGREEMENT', version: 3, title: 'ISA' } }),
      'POST /api/v1/agreements': json(agreement({ templateId: 'tpl-isa', answers: [] }), 201, { ETag: '"1"' }),
    });
    const user = userEvent.setup();
    renderApp('/agreements/new?superviseeId=a1');
    await screen.findByRole('button', { name: 'Save draft' });
    const current = screen.getByTestId('current-section');
    expect(within(current).getByTestId('clause')).toHaveTextContent('telephone calls during our supervision sessions');
    expect(within(current).queryByRole('textbox')).toBeNull();
    await user.type(screen.getByLabelText('Where supervision usually takes place'), 'Room 2');
    await user.click(screen.getByRole('button', { name: 'Save draft' }));
    await waitFor(() => expect(api.callsTo('POST /api/v1/agreements')).toHaveLength(1));
    expect((api.callsTo('POST /api/v1/agreements')[0]?.body as { answers: unknown[] }).answers).toEqual([]);
  });

  it('asks a scaled item with GOV.UK radios labelled in words and sends the value', async () => {
    const api = signedInAs(PRIYA, {
      'GET /api/v1/organisation/policy': json({ ...POLICY, agreementTemplate: { id: 'tpl-scaled', kind: 'AGREEMENT', version: 1, title: 'Scaled' } }),
      'POST /api/v1/agreements': json(agreement({ templateId: 'tpl-scaled', answers: [{ key: 'rating', text: '1' }] }), 201, { ETag: '"1"' }),
    });
    const user = userEvent.setup();
    renderApp('/agreements/new?superviseeId=a1');
    await screen.findByRole('button', { name: 'Save draft' });
    const group = screen.getByRole('group', { name: 'How good is the evidence?' });
    expect(within(group).getAllByRole('radio')).toHaveLength(5);
    expect(within(group).getByRole('radio', { name: '1 - Excellent' })).toHaveAttribute('id', 'answer-rating');
    await user.click(within(group).getByRole('radio', { name: '1 - Excellent' }));
    await user.type(screen.getByLabelText('Where supervision usually takes place'), 'Room 2');
    await user.click(screen.getByRole('button', { name: 'Save draft' }));
    await waitFor(() => expect(api.callsTo('POST /api/v1/agreements')).toHaveLength(1));
    expect((api.callsTo('POST /api/v1/agreements')[0]?.body as { answers: unknown[] }).answers).toEqual([{ key: 'rating', text: '1' }]);
  });
});
