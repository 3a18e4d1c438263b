import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Schemas } from '../../api/client';
import { PRIYA, TOKENS } from '../../test/fixtures';
import { json, mockApi, problem, type Handler } from '../../test/mockApi';
import { renderApp, withStoredRefreshToken } from '../../test/renderApp';
import { addMonths, currentMonth, monthText, type Pack } from './evidencePacks';

const MANAGER: Schemas['Me'] = { ...PRIYA, displayName: 'Morgan Hale', roles: ['SERVICE_MANAGER'] };
const SERVICE_ID = 'aaaaaaaa-0000-4000-8000-000000000001';
const SERVICES = {
  items: [
    {
      id: SERVICE_ID,
      name: 'Children and Families',
      teams: [{ id: 'bbbbbbbb-0000-4000-8000-000000000001', name: 'Assessment Team 1', staffCount: 6 }],
    },
  ],
};

const pack = (over: Partial<Pack> = {}): Pack => ({
  id: 'cccccccc-0000-4000-8000-000000000001',
  scope: { kind: 'SERVICE', id: SERVICE_ID, name: 'Children and Families' },
  from: '2026-01',
  to: '2026-12',
  status: 'QUEUED',
  stepsDone: 0,
  stepsTotal: 0,
  requestedAt: '2026-12-03T07:00:00Z',
  files: [],
  ...over,
});

const READY = pack({
  status: 'READY',
  stepsDone: 9,
  stepsTotal: 9,
  files: [
    { name: 'report.pdf', title: 'Report (PDF)', mediaType: 'application/pdf', bytes: 40_960 },
    { name: 'report.html', title: 'Report (web page, to print)', mediaType: 'text/html', bytes: 20_480 },
    { name: 'agreements.active-signed.csv', title: 'Staff with an active signed supervision agreement (CSV)', mediaType: 'text/csv', bytes: 900 },
  ],
});

function open(extra: Record<string, Handler> = {}) {
  withStoredRefreshToken();
  const api = mockApi({
    'POST /api/v1/auth/token-refresh': json(TOKENS),
    'GET /api/v1/me': json(MANAGER),
    'GET /api/v1/services': json(SERVICES),
    'GET /api/v1/evidence-packs': json({ items: [] }),
    ...extra,
  });
  renderApp('/evidence-packs');
  return api;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('Evidence packs page', () => {
  it('asks for a service pack over the 12 months ending this month, with an Idempotency-Key', async () => {
    const now = currentMonth();
    let listed: Pack[] = [];
    const api = open({
      'GET /api/v1/evidence-packs': () => json({ items: listed }),
      'POST /api/v1/evidence-packs': () => {
        listed = [pack({ from: addMonths(now, -11), to: now })];
        return json(listed[0], 202);
      },
    });
    const user = userEvent.setup();
    expect(await screen.findByRole('heading', { level: 1, name: 'Evidence packs' })).toBeInTheDocument();
    expect(await screen.findByText('You have not asked for an evidence pack yet.')).toBeInTheDocument();
    // Defaults: 11 months before this one, to this one.
    expect(screen.getByLabelText('First month')).toHaveValue(addMonths(now, -11));
    expect(screen.getByLabelText('Last month')).toHaveValue(now);
    await user.click(screen.getByLabelText('A service'));
    await user.selectOptions(screen.getByLabelText('Service'), SERVICE_ID);
    await user.click(screen.getByRole('button', { name: 'Make evidence pack' }));

    const posts = api.callsTo('POST /api/v1/evidence-packs');
    await waitFor(() => expect(posts).toHaveLength(1));
    expect(posts[0]?.body).toEqual({ scope: 'SERVICE', scopeId: SERVICE_ID, from: addMonths(now, -11), to: now });
    expect(posts[0]?.headers.get('Idempotency-Key')).toBeTruthy();
    const title = `Children and Families, ${monthText(addMonths(now, -11))} to ${monthText(now)}`;
    expect(await screen.findByRole('status')).toHaveTextContent(`Your evidence pack for ${title} is being made.`);
    expect(await screen.findByRole('heading', { level: 3, name: title })).toBeInTheDocument();
    expect(screen.getByText('Waiting to start')).toBeInTheDocument();
  });

  it('shows a pack being made as a progress bar with its parts in words, and its files by title once ready', async () => {
    let reads = 0;
    open({
      // First read: 3 of 9 parts made; the next (the page polls while a pack is being made): ready.
      'GET /api/v1/evidence-packs': () => json({ items: [reads++ === 0 ? pack({ status: 'RUNNING', stepsDone: 3, stepsTotal: 9 }) : READY] }),
    });
    expect(await screen.findByText('3 of 9 parts')).toBeInTheDocument();
    const bar = screen.getByRole('progressbar', { name: 'Progress of Children and Families, January 2026 to December 2026' });
    expect(bar).toHaveAttribute('value', '3');
    expect(bar).toHaveAttribute('max', '9');
    expect(screen.getByText('Being made')).toBeInTheDocument();

    const pdf = await screen.findByRole('link', { name: 'Report (PDF)' }, { timeout: 5000 });
    expect(pdf).toHaveAttribute('href', `/api/v1/evidence-packs/${READY.id}/files/report.pdf`);
    expect(screen.getByRole('link', { name: 'Staff with an active signed supervision agreement (CSV)' })).toBeInTheDocument();
    expect(screen.queryByText('report.pdf')).not.toBeInTheDocument();
    expect(screen.getByText('Ready')).toBeInTheDocument();
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
    expect(screen.getByText('(40 KB)')).toBeInTheDocument();
  });

  it('downloads a file with the session, saving what the service sent', async () => {
    const api = open({
      'GET /api/v1/evidence-packs': json({ items: [READY] }),
      'GET /api/v1/evidence-packs/:packId/files/:fileName': { status: 200, raw: 'scope,unit\r\n', headers: { 'Content-Type': 'text/csv' } },
    });
    const created = vi.fn((blob: Blob) => {
      void blob;
      return 'blob:pack';
    });
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL: created, revokeObjectURL: vi.fn() }));
    const user = userEvent.setup();
    await user.click(await screen.findByRole('link', { name: 'Staff with an active signed supervision agreement (CSV)' }));
    await waitFor(() => expect(created).toHaveBeenCalledTimes(1));
    const got = api.callsTo('GET /api/v1/evidence-packs/:packId/files/:fileName');
    expect(got[0]?.path).toBe(`/api/v1/evidence-packs/${READY.id}/files/agreements.active-signed.csv`);
    expect(await (created.mock.calls[0]?.[0] as Blob).text()).toBe('scope,unit\r\n');
  });

  it('says what to fix: nothing chosen, then the service refusing a month', async () => {
    open({
      'POST /api/v1/evidence-packs': problem(422, 'Business rule', {
        errors: [{ pointer: '/to', message: 'The last month (January 2099) has not begun yet.' }],
      }),
    });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Make evidence pack' }));
    const summary = await screen.findByRole('alert');
    expect(within(summary).getByRole('link', { name: 'Choose what the pack should cover' })).toHaveAttribute('href', '#scope');

    await user.click(screen.getByLabelText('The whole directorate'));
    await user.click(screen.getByRole('button', { name: 'Make evidence pack' }));
    const refused = await screen.findByRole('link', { name: 'The last month (January 2099) has not begun yet.' });
    expect(refused).toHaveAttribute('href', '#to');
  });

  it('gives a failed pack its reason in words', async () => {
    open({
      'GET /api/v1/evidence-packs': json({ items: [pack({ status: 'FAILED', failure: 'Making this pack stopped before it finished. Please ask for it again.' })] }),
    });
    expect(await screen.findByText('Making this pack stopped before it finished. Please ask for it again.')).toBeInTheDocument();
    expect(screen.getByText('Could not be made')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: /Report/ })).not.toBeInTheDocument();
  });
});
