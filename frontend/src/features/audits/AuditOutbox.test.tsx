import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { setDeviceAccount } from '../../offline/account';
import { readDraft, writeDraft } from '../../offline/drafts';
import { enqueue, list, update } from '../../offline/outbox';
import { TOKENS } from '../../test/fixtures';
import { json, mockApi } from '../../test/mockApi';
import { renderApp, withStoredRefreshToken } from '../../test/renderApp';
import { RACHEL, audit } from './auditFixtures';
import { auditDraftKey } from './audits';

describe('An audit waiting to send after someone else changed it', () => {
  it('shows both versions in words (the form’s numbering, grades in words), and “Use theirs” forgets the device’s draft', async () => {
    setDeviceAccount(RACHEL.accountId);
    const entry = await enqueue({
      method: 'PUT',
      path: '/api/v1/audits/au-1',
      body: { periodFrom: '2026-09-01', periodTo: '2026-11-30', answers: [{ key: 'q11_dbs_check', value: 'NOT_APPLICABLE' }, { key: 'q13a', value: 'REQUIRES_IMPROVEMENT' }], actions: [{ text: 'Review actions' }] },
      ifMatch: '"v1"',
      idempotencyKey: 'k1',
      label: 'Audit of Sam Okafor’s supervision file',
    });
    await update({ ...entry, state: 'conflict', problem: { type: 'urn:stale', title: 'Precondition failed', status: 412 } });
    await writeDraft(RACHEL.accountId, auditDraftKey('au-1'), { answers: {}, actions: [] }, { label: 'Audit', href: '/audits/au-1' });
    withStoredRefreshToken();
    const api = mockApi({
      'POST /api/v1/auth/token-refresh': json(TOKENS),
      'GET /api/v1/me': json(RACHEL),
      'GET /api/v1/audits/:id': json(audit({ answers: [{ key: 'q1', value: '2' }], version: 2 }), 200, { ETag: '"v2"' }),
    });
    renderApp('/outbox');
    const mine = await screen.findByTestId('my-version');
    expect(within(mine).getByText('Q11 dbs check')).toBeInTheDocument();
    expect(within(mine).getByText('Not applicable')).toBeInTheDocument();
    expect(within(mine).getByText('Requires improvement')).toBeInTheDocument();
    expect(within(mine).getByText('Review actions')).toBeInTheDocument();
    expect(within(await screen.findByTestId('their-version')).getByText('Q1')).toBeInTheDocument();
    expect(document.body.textContent).not.toMatch(/REQUIRES_IMPROVEMENT|NOT_APPLICABLE|q13a/);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Use theirs' }));
    await screen.findByText('Everything has been sent');
    expect(await list()).toHaveLength(0);
    await waitFor(async () => expect(await readDraft(auditDraftKey('au-1'))).toBeNull());
    expect(api.callsTo('PUT /api/v1/audits/:id')).toHaveLength(0);
  });
});
