import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { PRIYA, TOKENS } from '../test/fixtures';
import { json, mockApi, problem } from '../test/mockApi';
import { renderApp, withStoredRefreshToken } from '../test/renderApp';
import { setDeviceAccount } from './account';
import { readDraft, recordDraftKey, writeDraft } from './drafts';
import { enqueue, list, update } from './outbox';

const PUT = {
  method: 'PUT' as const,
  path: '/api/v1/sessions/s-1/record',
  body: { entries: [{ key: 'wellbeing', text: 'Mine: written offline', notApplicable: false }], personalIssuesDiscussed: false, actionReviews: [] },
  ifMatch: '"1"',
  idempotencyKey: 'k1',
  label: 'Session record: Sam Okafor',
};

async function conflicted() {
  setDeviceAccount(PRIYA.accountId);
  const entry = await enqueue(PUT);
  await update({ ...entry, state: 'conflict', problem: { type: 'urn:stale', title: 'Precondition failed', status: 412 } });
}

function open(routes: Parameters<typeof mockApi>[0] = {}) {
  withStoredRefreshToken();
  const api = mockApi({
    'POST /api/v1/auth/token-refresh': json(TOKENS),
    'GET /api/v1/me': json(PRIYA),
    'GET /api/v1/sessions/:id/record': json(
      { entries: [{ key: 'wellbeing', text: 'Theirs: changed on the desktop', notApplicable: false }], version: 2 },
      200,
      { ETag: '"2"' },
    ),
    ...routes,
  });
  renderApp('/outbox');
  return api;
}

describe('Outbox page', () => {
  it('shows both versions of a conflict; "Keep mine" resends with the server’s ETag', async () => {
    await conflicted();
    const api = open({ 'PUT /api/v1/sessions/:id/record': json({ entries: [] }, 200, { ETag: '"3"' }) });
    expect(await screen.findByRole('heading', { level: 1, name: 'Waiting to send' })).toBeInTheDocument();
    expect(within(await screen.findByTestId('their-version')).getByText('Theirs: changed on the desktop')).toBeInTheDocument();
    expect(within(screen.getByTestId('my-version')).getByText('Mine: written offline')).toBeInTheDocument();
    await userEvent.setup().click(screen.getByRole('button', { name: 'Keep mine' }));
    await screen.findByText('Everything has been sent');
    const put = api.callsTo('PUT /api/v1/sessions/:id/record');
    expect(put).toHaveLength(1);
    expect(put[0]?.headers.get('If-Match')).toBe('"2"');
    expect(put[0]?.headers.get('Idempotency-Key')).toBe('k1');
  });

  it('"Use theirs" discards the queued write and the local draft', async () => {
    await conflicted();
    await writeDraft(PRIYA.accountId, recordDraftKey('s-1'), { entries: {} }, { label: 'Session record', href: '/sessions/s-1/record' });
    const api = open();
    await screen.findByTestId('their-version');
    await userEvent.setup().click(screen.getByRole('button', { name: 'Use theirs' }));
    await screen.findByText('Everything has been sent');
    expect(await list()).toHaveLength(0);
    await waitFor(async () => expect(await readDraft(recordDraftKey('s-1'))).toBeNull());
    expect(api.callsTo('PUT /api/v1/sessions/:id/record')).toHaveLength(0);
  });

  it('shows the problem of a refused write with "Discard"', async () => {
    setDeviceAccount(PRIYA.accountId);
    const entry = await enqueue(PUT);
    await update({ ...entry, state: 'failed', problem: { type: 'urn:rule', title: 'Unprocessable', detail: 'The record is signed and locked', status: 422 } });
    open({ 'PUT /api/v1/sessions/:id/record': problem(422, 'Unprocessable') });
    expect(await screen.findByTestId('problem')).toHaveTextContent('The record is signed and locked');
    expect(screen.getByRole('link', { name: 'Waiting to send (1)' })).toHaveAttribute('href', '/outbox');
    await userEvent.setup().click(screen.getByRole('button', { name: 'Discard' }));
    await waitFor(async () => expect(await list()).toHaveLength(0));
    await screen.findByText('Everything has been sent');
  });
});
