import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Schemas } from '../../api/client';
import { PRIYA, SAM, TOKENS } from '../../test/fixtures';
import { json, mockApi, problem, type Handler } from '../../test/mockApi';
import { renderApp, withStoredRefreshToken } from '../../test/renderApp';
import { agreement, templateRoutes } from './agreementFixtures';

function signedInAs(me: Schemas['Me'], routes: Record<string, Handler>) {
  withStoredRefreshToken();
  return mockApi({
    'POST /api/v1/auth/token-refresh': json(TOKENS),
    'GET /api/v1/me': json(me),
    ...templateRoutes,
    ...routes,
  });
}

const priyaSigned: Schemas['AgreementSignature'] = {
  party: 'SUPERVISOR',
  signer: { id: 'p1', displayName: 'Priya Shah' },
  signedAt: '2026-12-08T14:30:00Z',
  contentHash: 'abc',
};

describe('Agreement page', () => {
  it('shows the status, parties, arrangements, answers by section and signatures', async () => {
    signedInAs(PRIYA, { 'GET /api/v1/agreements/:id': json(agreement({ status: 'AWAITING_SIGNATURES', signatures: [priyaSigned] }), 200, { ETag: '"2"' }) });
    renderApp('/agreements/ag-1');
    await screen.findByText('Awaiting signatures');
    expect(document.title).toBe('Supervision agreement – Supervision');
    expect(screen.getAllByRole('heading', { level: 1 })).toHaveLength(1);
    expect(screen.getByText('Awaiting signatures')).toHaveClass('govuk-tag', 'govuk-tag--blue');
    expect(screen.getByText('Every 4 weeks')).toBeInTheDocument();
    expect(screen.getByText('90 minutes')).toBeInTheDocument();
    expect(screen.getByText(/no formal supervision for 6 weeks/)).toBeInTheDocument();
    expect(await screen.findByRole('heading', { level: 3, name: 'Management Functions' })).toBeInTheDocument();
    expect(screen.getByText('About an hour')).toBeInTheDocument();
    expect(screen.getAllByText('Not answered').length).toBeGreaterThan(0);
    expect(screen.getByText('Signed by Priya Shah on Tuesday 8 December 2026 at 2:30pm')).toBeInTheDocument();
    expect(screen.getByText('Not signed yet by Sam Okafor')).toBeInTheDocument();
    // Priya has signed: nothing more for her to do.
    expect(screen.queryByRole('button', { name: 'Sign' })).toBeNull();
  });

  it('lets either party edit a draft or send it for signature (with If-Match)', async () => {
    const api = signedInAs(SAM, {
      'GET /api/v1/agreements/:id': json(agreement(), 200, { ETag: '"1"' }),
      'POST /api/v1/agreements/:id/submission': json(agreement({ status: 'AWAITING_SIGNATURES', version: 2 }), 200, { ETag: '"2"' }),
    });
    const user = userEvent.setup();
    renderApp('/agreements/ag-1');
    expect(await screen.findByRole('button', { name: 'Edit' })).toHaveAttribute('href', '/agreements/ag-1/edit');
    await user.click(screen.getByRole('button', { name: 'Send for signature' }));
    expect(await screen.findByText('Sent for signature')).toBeInTheDocument();
    expect(api.callsTo('POST /api/v1/agreements/:id/submission')[0]?.headers.get('If-Match')).toBe('"1"');
    expect(screen.getByText('Awaiting signatures')).toBeInTheDocument();
    expect(screen.getByLabelText('I agree to this supervision agreement')).not.toBeChecked();
  });

  it('needs the "I agree" box ticked before signing, then shows the agreement signed and locked', async () => {
    const api = signedInAs(SAM, {
      'GET /api/v1/agreements/:id': json(agreement({ status: 'AWAITING_SIGNATURES', signatures: [priyaSigned] }), 200, { ETag: '"4"' }),
      'POST /api/v1/agreements/:id/signatures': json(
        agreement({
          status: 'ACTIVE',
          signatures: [priyaSigned, { ...priyaSigned, party: 'SUPERVISEE', signer: { id: 'a1', displayName: 'Sam Okafor' } }],
          signedAt: '2026-12-08T15:00:00Z',
        }),
        200,
        { ETag: '"5"' },
      ),
    });
    const user = userEvent.setup();
    renderApp('/agreements/ag-1');
    await user.click(await screen.findByRole('button', { name: 'Sign' }));
    const summary = await screen.findByRole('alert');
    const link = within(summary).getByRole('link', { name: 'Select that you agree to this supervision agreement before you sign' });
    expect(link).toHaveAttribute('href', '#agree');
    expect(screen.getByLabelText('I agree to this supervision agreement')).toHaveAttribute('aria-describedby', 'agree-error');
    expect(document.title).toBe('Error: Supervision agreement – Supervision');
    expect(api.callsTo('POST /api/v1/agreements/:id/signatures')).toHaveLength(0);

    await user.click(screen.getByLabelText('I agree to this supervision agreement'));
    await user.click(screen.getByRole('button', { name: 'Sign' }));
    expect(await screen.findByText('Signed by you and your supervisor')).toBeInTheDocument();
    expect(api.callsTo('POST /api/v1/agreements/:id/signatures')[0]?.headers.get('If-Match')).toBe('"4"');
    expect(screen.getByText('Active')).toHaveClass('govuk-tag--green');
    expect(screen.getByText('Locked')).toHaveClass('govuk-tag--grey');
    expect(screen.getByTestId('locked')).toHaveTextContent('This agreement is locked');
    expect(screen.queryByRole('button', { name: 'Sign' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Edit' })).toBeNull();
    expect(document.title).toBe('Supervision agreement – Supervision');
  });

  it('shows a 409 from the server in the error summary', async () => {
    signedInAs(PRIYA, {
      'GET /api/v1/agreements/:id': json(agreement(), 200, { ETag: '"1"' }),
      'POST /api/v1/agreements/:id/submission': problem(409, 'Conflict', {
        detail: 'This agreement has already been sent for signature',
      }),
    });
    const user = userEvent.setup();
    renderApp('/agreements/ag-1');
    await user.click(await screen.findByRole('button', { name: 'Send for signature' }));
    const summary = await screen.findByRole('alert');
    expect(summary.closest('.govuk-error-summary')).not.toBeNull();
    await waitFor(() => expect(summary).toHaveTextContent('This agreement has already been sent for signature'));
    expect(summary).toHaveTextContent('There is a problem');
  });

  it('says so when the agreement cannot be found', async () => {
    signedInAs(PRIYA, { 'GET /api/v1/agreements/:id': problem(404, 'Not found') });
    renderApp('/agreements/nope');
    expect(await screen.findByText('Not found')).toBeInTheDocument();
  });
});
