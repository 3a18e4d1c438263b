import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { TOKENS } from '../../test/fixtures';
import { json, mockApi, problem, type Handler } from '../../test/mockApi';
import { renderApp, withStoredRefreshToken } from '../../test/renderApp';
import { AUDIT_TEMPLATE, EVIDENCE, RACHEL, audit, sample } from './auditFixtures';
import { currentQuarter, quarterText, shiftQuarter } from './audits';

function signedIn(path: string, routes: Record<string, Handler> = {}) {
  withStoredRefreshToken();
  const api = mockApi({
    'POST /api/v1/auth/token-refresh': json(TOKENS),
    'GET /api/v1/me': json(RACHEL),
    ...routes,
  });
  renderApp(path);
  return api;
}

describe('Drawing the sample', () => {
  it('offers this quarter and the next in words, draws with the size and seed given, and opens the sample', async () => {
    const now = currentQuarter();
    const next = shiftQuarter(now, 1);
    const api = signedIn('/audit-samples/new', {
      'POST /api/v1/audit-samples': json(sample({ id: 'smp-9', quarter: next }), 201),
      'GET /api/v1/audit-samples/:id': json(sample({ id: 'smp-9', quarter: next })),
    });
    const user = userEvent.setup();
    expect(await screen.findByRole('heading', { level: 1, name: 'Draw this quarter’s sample' })).toBeInTheDocument();
    const quarter = screen.getByRole('group', { name: 'Which quarter is the sample for?' });
    expect(within(quarter).getAllByRole('radio').map((r) => (r as HTMLInputElement).labels?.[0]?.textContent)).toEqual([
      `This quarter (${quarterText(now)})`,
      `Next quarter (${quarterText(next)})`,
    ]);
    expect(within(quarter).getByRole('radio', { name: /This quarter/ })).toBeChecked();
    expect(screen.getByText('Leave blank to choose at random; the seed is recorded so the sample can be repeated')).toBeInTheDocument();
    expect(screen.getByLabelText('Seed (optional)')).toBeInTheDocument();
    await user.click(within(quarter).getByRole('radio', { name: /Next quarter/ }));
    await user.type(screen.getByLabelText('How many files to audit'), '8');
    await user.type(screen.getByLabelText('Seed (optional)'), '424242');
    await user.click(screen.getByRole('button', { name: 'Draw the sample' }));
    await waitFor(() => expect(window.location.pathname).toBe('/audit-samples/smp-9'));
    const post = api.callsTo('POST /api/v1/audit-samples')[0];
    expect(post?.body).toEqual({ quarter: next, size: 8, seed: 424242 });
    expect(post?.headers.get('Idempotency-Key')).toBeTruthy();
  });

  it('checks the size before sending, and shows a refused size (422 at /size) at the field', async () => {
    const api = signedIn('/audit-samples/new', {
      'POST /api/v1/audit-samples': problem(422, 'The sample cannot be drawn', {
        errors: [{ pointer: '/size', message: 'Only 7 supervision files are eligible for October to December 2026: choose a sample of 7 or fewer' }],
      }),
    });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Draw the sample' }));
    let summary = await screen.findByRole('alert');
    expect(within(summary).getByRole('link', { name: 'Enter how many files to sample' })).toHaveAttribute('href', '#size');
    expect(api.callsTo('POST /api/v1/audit-samples')).toHaveLength(0);

    await user.type(screen.getByLabelText(/How many files to audit/), '50');
    await user.click(screen.getByRole('button', { name: 'Draw the sample' }));
    await waitFor(() => expect(api.callsTo('POST /api/v1/audit-samples')).toHaveLength(1));
    expect(api.callsTo('POST /api/v1/audit-samples')[0]?.body).toEqual({ quarter: currentQuarter(), size: 50 });
    summary = await screen.findByRole('alert');
    const message = 'Only 7 supervision files are eligible for October to December 2026: choose a sample of 7 or fewer';
    await waitFor(() => expect(within(screen.getByRole('alert')).getByRole('link', { name: message })).toHaveAttribute('href', '#size'));
    expect(screen.getByLabelText(/How many files to audit/)).toHaveAttribute('aria-describedby', 'size-error');
    expect(document.getElementById('size-error')).toHaveTextContent(message);
    expect(window.location.pathname).toBe('/audit-samples/new');
  });

  it('says when the quarter already has a sample (409)', async () => {
    signedIn('/audit-samples/new', {
      'POST /api/v1/audit-samples': problem(409, 'Conflict', { detail: 'A sample has already been drawn for October to December 2026.' }),
    });
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('How many files to audit'), '5');
    await user.click(screen.getByRole('button', { name: 'Draw the sample' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('A sample has already been drawn for October to December 2026.');
  });
});

describe('The sample page', () => {
  it('shows how the sample was drawn and each file’s audit, with Start, Continue or View', async () => {
    const api = signedIn('/audit-samples/smp-1', {
      'GET /api/v1/audit-samples/:id': json(sample()),
      'POST /api/v1/audits': json(audit({ id: 'au-2', supervisee: { id: 'a2', displayName: 'Jordan Reid' } }), 201, { ETag: '"v1"' }),
      'GET /api/v1/audits/:id': json(audit({ id: 'au-2', supervisee: { id: 'a2', displayName: 'Jordan Reid' } }), 200, { ETag: '"v1"' }),
      'GET /api/v1/audits/:id/evidence': json(EVIDENCE),
      'GET /api/v1/policy-templates/:id': json(AUDIT_TEMPLATE),
    });
    const user = userEvent.setup();
    const facts = (await screen.findByText('Sample size')).closest('dl') as HTMLElement;
    expect(screen.getByRole('heading', { level: 1, name: 'Audit sample' })).toBeInTheDocument();
    expect(facts).toHaveTextContent('October to December 2026');
    expect(facts).toHaveTextContent('3 files');
    expect(within(facts).getByTestId('seed')).toHaveTextContent('424242');
    expect(facts).toHaveTextContent('40');
    expect(facts).toHaveTextContent('Rachel Green on Monday 5 October 2026 at 10:30am');
    expect(within(facts).getByTestId('progress')).toHaveTextContent('1 of 3 audited');
    const table = screen.getByRole('table', { name: 'Files in the sample' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(3);
    expect(rows[0]).toHaveTextContent('Sam Okafor');
    expect(within(rows[0] as HTMLElement).getByText('In progress')).toHaveClass('govuk-tag');
    expect(within(rows[0] as HTMLElement).getByRole('link', { name: 'Continue the audit of Sam Okafor’s file' })).toHaveAttribute('href', '/audits/au-1');
    expect(within(rows[1] as HTMLElement).getByText('Not started')).toBeInTheDocument();
    expect(within(rows[2] as HTMLElement).getByText('Locked')).toHaveClass('govuk-tag--grey');
    expect(rows[2]).toHaveTextContent('Requires improvement');
    expect(rows[2]).toHaveTextContent('Assessment Team 2');
    expect(within(rows[2] as HTMLElement).getByRole('link', { name: 'View the audit of Alex Morgan’s file' })).toHaveAttribute('href', '/audits/au-3');
    expect(table.textContent).not.toMatch(/REQUIRES_IMPROVEMENT|COMPLETED|DRAFT/);

    await user.click(within(rows[1] as HTMLElement).getByRole('button', { name: 'Start audit of Jordan Reid’s file' }));
    await waitFor(() => expect(window.location.pathname).toBe('/audits/au-2'));
    const post = api.callsTo('POST /api/v1/audits')[0];
    expect(post?.body).toEqual({ superviseeId: 'a2', kind: 'QA_SAMPLE', sampleId: 'smp-1' });
    expect(post?.headers.get('Idempotency-Key')).toBeTruthy();
  });

  it('shows a 64-bit seed with its exact digits (a JavaScript number would round it)', async () => {
    const raw = JSON.stringify(sample({ seed: 1 })).replace('"seed":1', '"seed":-8417286311240938517');
    signedIn('/audit-samples/smp-1', { 'GET /api/v1/audit-samples/:id': { raw } });
    expect(await screen.findByTestId('seed')).toHaveTextContent(/^-8417286311240938517$/);
  });

  it('says why an audit could not be started', async () => {
    signedIn('/audit-samples/smp-1', {
      'GET /api/v1/audit-samples/:id': json(sample()),
      'POST /api/v1/audits': problem(422, 'Refused', { errors: [{ pointer: '/superviseeId', message: 'Jordan Reid has no current supervisor, so the file cannot be audited' }] }),
    });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Start audit of Jordan Reid’s file' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Jordan Reid has no current supervisor, so the file cannot be audited');
    expect(window.location.pathname).toBe('/audit-samples/smp-1');
  });
});
