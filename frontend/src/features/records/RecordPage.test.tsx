import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Schemas } from '../../api/client';
import { PRIYA, SAM } from '../../test/fixtures';
import { json, type Handler } from '../../test/mockApi';
import { agendaItem, openRecord, profileWithAgenda, record as baseRecord } from './recordFixtures';
import { recordDraftKey } from './records';
import { readDraft, writeDraft } from '../../offline/drafts';

const AGENDA = [
  agendaItem(1, 'wellbeing', 'Wellbeing', 'How are you?'),
  agendaItem(2, 'caseload', 'Caseload', 'Caseload overview'),
  agendaItem(3, 'training', 'Development', 'Training and development'),
];

const PROFILE_WITH_AGENDA = profileWithAgenda(AGENDA);

const OPEN_ACTION: Schemas['Action'] = {
  id: 'act-1',
  supervisee: { id: 'a1', displayName: 'Sam Okafor' },
  owner: { id: 'a1', displayName: 'Sam Okafor' },
  text: 'Read the new thresholds guidance',
  dueDate: '2026-01-01',
  status: 'OPEN',
  overdue: true,
  version: 1,
  createdAt: '2026-01-01T09:00:00Z',
  updatedAt: '2026-01-01T09:00:00Z',
};

// This file's record has an open action to review and something missing.
const record = (overrides: Partial<Schemas['SessionRecord']> = {}) =>
  baseRecord({ openActions: [OPEN_ACTION], missing: ['The child’s view is not recorded'], ...overrides });

const open = (me: Schemas['Me'], rec: Schemas['SessionRecord'], routes: Record<string, Handler> = {}) =>
  openRecord(me, rec, PROFILE_WITH_AGENDA, routes);

describe('Session record', () => {
  it('turns the previous-action radios and N/A checkboxes into the saved record', async () => {
    const api = open(PRIYA, record(), { 'PUT /api/v1/sessions/:id/record': json(record(), 200, { ETag: '"2"' }) });
    const user = userEvent.setup();
    await screen.findByRole('button', { name: 'Save record' });
    const previous = screen.getByTestId('previous-actions');
    await user.click(within(previous).getByLabelText('Partly'));
    await user.type(within(previous).getByLabelText(/Note/), 'Half read');
    await user.type(screen.getByLabelText('How are you?'), 'Busy but well');
    await user.click(screen.getByRole('checkbox', { name: /Not applicable/ }));
    expect(screen.queryByLabelText('How are you?')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Save record' }));
    await screen.findByText('Record saved');
    const put = api.callsTo('PUT /api/v1/sessions/:id/record')[0];
    expect(put?.headers.get('If-Match')).toBe('"1"');
    expect(put?.body).toMatchObject({
      actionReviews: [{ actionId: 'act-1', outcome: 'PARTLY', note: 'Half read' }],
      entries: [{ key: 'wellbeing', notApplicable: true }],
      personalIssuesDiscussed: false,
    });
  });

  it('shows what is missing before signing and needs "This is an accurate record" to sign', async () => {
    const api = open(PRIYA, record(), {
      'POST /api/v1/sessions/:id/record/signatures': json(
        record({ signatures: [{ signer: { id: 'p1', displayName: 'Priya Shah' }, signedAt: '2026-01-06T16:05:00Z', contentHash: 'h', current: true }] }),
        200,
        { ETag: '"3"' },
      ),
    });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Finish and sign' }));
    const finish = screen.getByTestId('finish');
    expect(within(finish).getByText('What the policy expects and is not there yet')).toBeInTheDocument();
    expect(within(finish).getByText('The child’s view is not recorded')).toBeInTheDocument();
    await user.click(within(finish).getByRole('button', { name: 'Sign' }));
    expect(await screen.findAllByText('Confirm that this is an accurate record')).not.toHaveLength(0);
    expect(api.callsTo('POST /api/v1/sessions/:id/record/signatures')).toHaveLength(0);
    await user.click(within(finish).getByLabelText('This is an accurate record'));
    await user.click(within(finish).getByRole('button', { name: 'Sign' }));
    await screen.findByText(/You have signed the record/);
    expect(api.callsTo('POST /api/v1/sessions/:id/record/signatures')[0]?.headers.get('If-Match')).toBe('"1"');
  });

  it('is read-only once signed, with the lock and an addendum form', async () => {
    const signed = record({
      status: 'SIGNED',
      signedAt: '2026-01-07T10:00:00Z',
      entries: [
        { key: 'wellbeing', text: 'Busy but well', notApplicable: false },
        { key: 'caseload', notApplicable: true },
      ],
      personalIssuesDiscussed: true,
      confidentialNotesWithheld: true,
      notes: [{ kind: 'COMMENT', author: { id: 'a1', displayName: 'Sam Okafor' }, text: 'Agreed', createdAt: '2026-01-06T17:00:00Z' }],
    });
    const api = open(SAM, signed, { 'POST /api/v1/sessions/:id/record/notes': json(signed, 201) });
    const user = userEvent.setup();
    expect(await screen.findByText('Signed by you and your supervisor')).toBeInTheDocument();
    expect(within(screen.getByTestId('locked')).getByText(/Locked/)).toHaveClass('govuk-tag--grey');
    expect(screen.queryByRole('button', { name: 'Save record' })).toBeNull();
    expect(document.querySelectorAll('textarea[id^="entry-"]')).toHaveLength(0);
    expect(screen.getByText('Busy but well')).toBeInTheDocument();
    expect(screen.getByText('Confidential notes withheld')).toBeInTheDocument();
    expect(screen.getByText('Agreed')).toBeInTheDocument();
    await user.type(screen.getByLabelText('Addendum'), 'A late note');
    await user.click(screen.getByRole('button', { name: 'Add the addendum' }));
    await screen.findByText('Your note has been added');
    const post = api.callsTo('POST /api/v1/sessions/:id/record/notes')[0];
    expect(post?.body).toEqual({ kind: 'ADDENDUM', text: 'A late note' });
    expect(post?.headers.get('Idempotency-Key')).toBeTruthy();
  });

  it('saves typing on the device and restores it after a reload', async () => {
    const first = open(PRIYA, record());
    void first;
    const box = await screen.findByLabelText('How are you?');
    fireEvent.change(box, { target: { value: 'Typed before the reload' } });
    await screen.findByText(/^Saved on this device/, {}, { timeout: 2000 });
    expect(JSON.stringify(await readDraft(recordDraftKey('s-1')))).toContain('Typed before the reload');
  });

  it('restores a draft kept on the device', async () => {
    await writeDraft(
      PRIYA.accountId,
      recordDraftKey('s-1'),
      {
        entries: { wellbeing: { text: 'Restored text', notApplicable: false } },
        reflection: '',
        futureAgenda: '',
        nextDate: '',
        personalIssuesDiscussed: false,
        confidentialNotes: '',
        reviews: {},
        savedAt: '2026-01-06T10:42:00Z',
      },
      { label: 'Session record', href: '/sessions/s-1/record' },
    );
    open(PRIYA, record());
    expect(await screen.findByLabelText('How are you?')).toHaveValue('Restored text');
    expect(screen.getByTestId('save-status')).toHaveTextContent(/^Saved on this device/);
    await act(async () => {});
    await waitFor(() => expect(screen.getByTestId('save-status')).toHaveTextContent('Saved on this device'));
  });
});
