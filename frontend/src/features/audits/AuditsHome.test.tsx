import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Schemas } from '../../api/client';
import { PRIYA, TOKENS } from '../../test/fixtures';
import { json, mockApi, type Handler } from '../../test/mockApi';
import { renderApp, withStoredRefreshToken } from '../../test/renderApp';
import type { Me } from '../auth/AuthContext';
import { MARCUS, RACHEL, summary } from './auditFixtures';
import { currentQuarter, quarterText, shiftQuarter } from './audits';

const NOW = currentQuarter();

function item(overrides: Partial<Schemas['AuditScheduleItem']>): Schemas['AuditScheduleItem'] {
  return { kind: 'QA_SAMPLE', period: NOW, periodLabel: quarterText(NOW), dueBy: '2026-12-31', status: 'DUE', ...overrides };
}

function signedIn(me: Me, routes: Record<string, Handler> = {}) {
  withStoredRefreshToken();
  const api = mockApi({
    'POST /api/v1/auth/token-refresh': json(TOKENS),
    'GET /api/v1/me': json(me),
    'GET /api/v1/audits': json({ items: [summary({})] }),
    'GET /api/v1/questionnaire-invitations': json({
      items: [1, 2, 3].map((n) => ({ id: `inv-${n}`, invitee: { id: `s${n}`, displayName: `Person ${n}` }, issuedAt: '2026-12-01T10:00:00Z', expiresAt: '2026-12-15T10:00:00Z', status: 'OPEN' })),
    }),
    ...routes,
  });
  renderApp('/');
  return api;
}

describe('Audits on the home page', () => {
  it('shows the QA auditor this quarter’s sample with its size, seed and progress, drafts and questionnaires not answered', async () => {
    const api = signedIn(RACHEL, {
      'GET /api/v1/audit-schedule': json({ items: [item({ status: 'IN_PROGRESS', sampleId: 'smp-1', sampleSize: 8, seed: 424242, completed: 3 })] }),
    });
    const panel = await screen.findByTestId('audits-home');
    expect(within(panel).getByRole('heading', { level: 2, name: 'Audits this quarter' })).toBeInTheDocument();
    const sample = await within(panel).findByTestId(`sample-${NOW}`);
    expect(sample).toHaveTextContent(quarterText(NOW));
    expect(within(sample).getByText('In progress')).toHaveClass('govuk-tag--blue');
    expect(sample).toHaveTextContent('Sample of 8 files');
    expect(sample).toHaveTextContent('Seed 424242');
    expect(within(sample).getByTestId('progress')).toHaveTextContent('3 of 8 audited');
    expect(within(sample).getByRole('link', { name: /View the sample/ })).toHaveAttribute('href', '/audit-samples/smp-1');
    const drafts = await within(panel).findByTestId('audit-drafts');
    expect(within(drafts).getByRole('link', { name: 'Continue the audit of Sam Okafor’s file' })).toHaveAttribute('href', '/audits/au-1');
    const query = api.callsTo('GET /api/v1/audits')[0]?.query;
    expect(query?.get('mine')).toBe('true');
    expect(query?.get('status')).toBe('DRAFT');
    const open = await within(panel).findByRole('link', { name: '3 questionnaires not answered yet' });
    expect(open).toHaveAttribute('href', '/questionnaire-invitations');
    expect(api.callsTo('GET /api/v1/questionnaire-invitations')[0]?.query.get('status')).toBe('OPEN');
    expect(panel.textContent).not.toMatch(/IN_PROGRESS|QA_SAMPLE|Q[1-4]\b/);
  });

  it('offers to draw this quarter’s sample when it is not drawn, and shows last quarter’s unfinished sample as overdue', async () => {
    const last = shiftQuarter(NOW, -1);
    signedIn(RACHEL, {
      'GET /api/v1/audit-schedule': json({
        items: [item({ status: 'DUE' }), item({ period: last, periodLabel: quarterText(last), status: 'OVERDUE', sampleId: 'smp-0', sampleSize: 5, seed: 7, completed: 4 })],
      }),
    });
    const panel = await screen.findByTestId('audits-home');
    const current = await within(panel).findByTestId(`sample-${NOW}`);
    expect(within(current).getByText('Due')).toHaveClass('govuk-tag--yellow');
    expect(within(current).getByRole('button', { name: 'Draw this quarter’s sample' })).toHaveAttribute('href', '/audit-samples/new');
    const previous = within(panel).getByTestId(`sample-${last}`);
    expect(within(previous).getByText('Overdue')).toHaveClass('govuk-tag--red');
    expect(within(previous).getByTestId('progress')).toHaveTextContent('4 of 5 audited');
    expect(within(previous).queryByRole('button', { name: /Draw/ })).toBeNull();
  });

  it('shows each sample’s 64-bit seed with its exact digits', async () => {
    const last = shiftQuarter(NOW, -1);
    const raw = JSON.stringify({
      items: [item({ status: 'IN_PROGRESS', sampleId: 'smp-1', sampleSize: 8, seed: 1, completed: 3 }), item({ period: last, status: 'OVERDUE', sampleId: 'smp-0', sampleSize: 5, seed: 2, completed: 4 })],
    })
      .replace('"seed":1', '"seed":9007199254740993')
      .replace('"seed":2', '"seed":-9223372036854775808');
    signedIn(RACHEL, { 'GET /api/v1/audit-schedule': { raw } });
    expect(await screen.findByTestId(`sample-${NOW}`)).toHaveTextContent('Seed 9007199254740993');
    expect(screen.getByTestId(`sample-${last}`)).toHaveTextContent('Seed -9223372036854775808');
  });

  it('shows a service manager their audits in draft, and nothing of the QA panel', async () => {
    const api = signedIn(MARCUS, { 'GET /api/v1/audit-schedule': json({ items: [] }) });
    const drafts = await screen.findByTestId('audit-drafts');
    expect(within(drafts).getByRole('heading', { level: 2, name: 'Your audits in draft' })).toBeInTheDocument();
    expect(screen.queryByTestId('audits-home')).toBeNull();
    expect(api.callsTo('GET /api/v1/questionnaire-invitations')).toHaveLength(0);
    // The schedule is read by the managers' own audit card (auditreports/HomeAudits), not by the QA panel.
    expect(screen.getByRole('link', { name: 'Audits' })).toHaveAttribute('href', '/audits');
  });

  it('shows nothing of audits to a supervisor who does not audit', async () => {
    const api = signedIn(PRIYA, { 'GET /api/v1/agreements': json({ items: [] }) });
    await screen.findByRole('heading', { level: 1, name: 'My supervision' });
    await waitFor(() => expect(api.callsTo('GET /api/v1/me').length).toBeGreaterThan(0));
    expect(screen.queryByTestId('audit-drafts')).toBeNull();
    expect(screen.queryByTestId('audits-home')).toBeNull();
    expect(api.callsTo('GET /api/v1/audits')).toHaveLength(0);
    expect(screen.queryByRole('link', { name: 'Audits' })).toBeNull();
  });
});
