import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Schemas } from '../../api/client';
import { PRIYA, SAM } from '../../test/fixtures';
import { json, mockApi, type Handler } from '../../test/mockApi';
import { session } from '../sessions/sessionFixtures';
import { AgreedActions } from './AgreedActions';
import { ReflectivePrompts } from './ReflectivePrompts';
import { agendaItem, openRecord, profileWithAgenda, record } from './recordFixtures';
import { recordStatusTag, signatureWords } from './records';

const PROFILE_WITH_AGENDA = profileWithAgenda([agendaItem(1, 'caseload', 'Caseload', 'Caseload overview')]);

const signature = (id: string, name: string, current: boolean): Schemas['RecordSignature'] => ({
  signer: { id, displayName: name },
  signedAt: '2026-01-06T16:05:00Z',
  contentHash: current ? 'new' : 'old',
  current,
});

const open = (me: Schemas['Me'], rec: Schemas['SessionRecord'], routes: Record<string, Handler> = {}) =>
  openRecord(me, rec, PROFILE_WITH_AGENDA, routes);

const MANAGER: Schemas['Me'] = { ...PRIYA, accountId: 'acc-9', displayName: 'Meg Bell', roles: ['SERVICE_MANAGER'], staff: { ...PRIYA.staff!, id: 'm9', displayName: 'Meg Bell' }, supervisees: [] };

describe('Record status in words (issue 7, item 9)', () => {
  it('calls an empty new record one to write, not "Awaiting signature"', async () => {
    expect(recordStatusTag(record()).text).toBe('Record to write');
    expect(recordStatusTag(record({ reflection: 'Written' })).text).toBe('Awaiting signature');
    open(PRIYA, record());
    expect(await screen.findByTestId('record-status')).toHaveTextContent('Record to write');
    expect(screen.queryByText('Awaiting signature')).toBeNull();
  });

  it('never asks to sign again on a locked record', async () => {
    const locked = record({ status: 'SIGNED', signedAt: '2026-01-07T10:00:00Z', signatures: [signature('p1', 'Priya Shah', false), signature('a1', 'Sam Okafor', true), signature('p1', 'Priya Shah', true)] });
    expect(signatureWords(locked.signatures[0]!, locked)?.text).toBe('Earlier version, signed again later');
    expect(signatureWords(locked.signatures[0]!, record())?.text).toBe('Signature out of date, sign again');
    open(PRIYA, locked);
    const list = await screen.findByTestId('signatures');
    expect(list).not.toHaveTextContent('sign again');
    expect(list).toHaveTextContent('Earlier version, signed again later');
  });

  it('offers the addendum on a locked record only to the people in the session', async () => {
    const locked = record({ status: 'SIGNED', signedAt: '2026-01-07T10:00:00Z', signatures: [signature('p1', 'Priya Shah', true), signature('a1', 'Sam Okafor', true)] });
    open(MANAGER, locked);
    const banner = await screen.findByTestId('locked');
    expect(banner).toHaveTextContent('The record can no longer be changed.');
    expect(banner).not.toHaveTextContent(/addendum/i);
    expect(screen.queryByRole('heading', { name: 'Add an addendum' })).toBeNull();
  });

  it('still offers the addendum to a party', async () => {
    const locked = record({ status: 'SIGNED', signedAt: '2026-01-07T10:00:00Z', signatures: [signature('p1', 'Priya Shah', true), signature('a1', 'Sam Okafor', true)] });
    open(SAM, locked);
    expect(await screen.findByTestId('locked')).toHaveTextContent('you can add an addendum');
    expect(screen.getByRole('heading', { name: 'Add an addendum' })).toBeInTheDocument();
  });
});

describe('Proposed agenda and dates in the record (item 7)', () => {
  it('shows the last record’s future items and those added from home, and takes the next date as day, month and year', async () => {
    const api = open(
      PRIYA,
      record({
        reflection: 'x',
        proposedAgenda: [
          { text: 'Court timetable', source: 'PREVIOUS_RECORD', fromSessionId: '00000000-0000-0000-0000-000000000001' },
          { text: 'My caseload weighting', source: 'ADDED', proposedBy: { id: 'a1', displayName: 'Sam Okafor' }, proposedAt: '2026-01-05T09:00:00Z' },
        ],
      }),
      { 'PUT /api/v1/sessions/:id/record': json(record(), 200, { ETag: '"2"' }) },
    );
    const proposed = await screen.findByTestId('proposed-agenda');
    expect(proposed).toHaveTextContent('Court timetable');
    expect(proposed).toHaveTextContent('From the last record’s future agenda items');
    expect(proposed).toHaveTextContent('Added by Sam Okafor, Monday 5 January 2026');
    const user = userEvent.setup();
    const next = screen.getByRole('group', { name: 'Date of next session' });
    await user.type(within(next).getByLabelText('Day'), '8');
    await user.type(within(next).getByLabelText('Month'), '12');
    await user.type(within(next).getByLabelText('Year'), '3026');
    await user.click(screen.getByRole('button', { name: 'Save record' }));
    expect(await screen.findAllByText(/The date of the next session must be the same as or before/)).not.toHaveLength(0);
    expect(api.callsTo('PUT /api/v1/sessions/:id/record')).toHaveLength(0);
    await user.clear(within(next).getByLabelText('Year'));
    await user.type(within(next).getByLabelText('Year'), '2027');
    await user.click(screen.getByRole('button', { name: 'Save record' }));
    await screen.findByText('Record saved');
    expect(api.callsTo('PUT /api/v1/sessions/:id/record')[0]?.body).toMatchObject({ nextDate: '2027-12-08' });
  });
});

describe('Actions agreed in the session (item 8)', () => {
  const action = (overrides: Partial<Schemas['Action']> = {}): Schemas['Action'] => ({
    id: 'act-7',
    supervisee: { id: 'a1', displayName: 'Sam Okafor' },
    owner: { id: 'a1', displayName: 'Sam Okafor' },
    text: 'Send the chronology',
    dueDate: '2027-03-01',
    status: 'OPEN',
    overdue: false,
    version: 3,
    createdAt: '2026-01-01T09:00:00Z',
    updatedAt: '2026-01-01T09:00:00Z',
    createdInSessionId: 's-1',
    ...overrides,
  });

  it('changes, closes and removes an action before signing, with its ETag', async () => {
    const api = mockApi({
      'PUT /api/v1/actions/:id': (r) => json(action({ ...(r.body as object), owner: { id: 'p1', displayName: 'Priya Shah' }, version: 4 }), 200, { ETag: '"v4"' }),
      'DELETE /api/v1/actions/:id': { status: 204 },
    });
    const changed: Schemas['Action'][] = [];
    const removed: string[] = [];
    const user = userEvent.setup();
    render(<AgreedActions session={session({ status: 'HELD' })} actions={[action()]} onAdded={() => {}} onChanged={(a) => changed.push(a)} onRemoved={(id) => removed.push(id)} />);
    await user.click(screen.getByRole('button', { name: 'Change Send the chronology' }));
    const form = screen.getByTestId('action-edit-form');
    await user.clear(within(form).getByLabelText('What needs to be done'));
    await user.type(within(form).getByLabelText('What needs to be done'), 'Send the full chronology');
    await user.click(within(form).getByLabelText('Priya Shah (supervisor)'));
    await user.click(within(form).getByRole('button', { name: /Save changes/ }));
    const put = api.callsTo('PUT /api/v1/actions/:id')[0];
    expect(put?.headers.get('If-Match')).toBe('"v3"');
    expect(put?.body).toEqual({ ownerId: 'p1', text: 'Send the full chronology', dueDate: '2027-03-01', status: 'OPEN' });
    expect(changed).toHaveLength(1);

    await user.click(screen.getByRole('button', { name: 'Mark as done: Send the chronology' }));
    expect(api.callsTo('PUT /api/v1/actions/:id')[1]?.body).toMatchObject({ status: 'DONE' });
    await user.click(screen.getByRole('button', { name: 'Remove Send the chronology' }));
    expect(api.callsTo('DELETE /api/v1/actions/:id')[0]?.headers.get('If-Match')).toBe('"v3"');
    expect(removed).toEqual(['act-7']);
  });

  it('offers no changes to actions while the record is being signed (the service would refuse them)', () => {
    render(<AgreedActions session={session({ status: 'HELD' })} actions={[action()]} beingSigned onAdded={() => {}} onChanged={() => {}} onRemoved={() => {}} />);
    expect(screen.getByText(/Send the chronology/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Change|Mark as done|Remove|Add action/ })).toBeNull();
    expect(screen.queryByLabelText('What needs to be done')).toBeNull();
    expect(screen.getByTestId('actions-being-signed')).toHaveTextContent('cannot be added to or changed until everyone has signed');
  });

  it('warns when the due date is in the past and refuses an impossible one', async () => {
    const api = mockApi({ 'POST /api/v1/actions': json(action(), 201) });
    const user = userEvent.setup();
    render(<AgreedActions session={session({ status: 'HELD' })} actions={[]} onAdded={() => {}} onChanged={() => {}} onRemoved={() => {}} />);
    await user.type(screen.getByLabelText('What needs to be done'), 'Book the FGC');
    await user.click(screen.getByLabelText('Sam Okafor (supervisee)'));
    await user.type(screen.getByLabelText('Day'), '30');
    await user.type(screen.getByLabelText('Month'), '2');
    await user.type(screen.getByLabelText('Year'), '2027');
    await user.click(screen.getByRole('button', { name: 'Add action' }));
    expect(screen.getByText('The due date must be a real date')).toBeInTheDocument();
    expect(api.callsTo('POST /api/v1/actions')).toHaveLength(0);
    await user.clear(screen.getByLabelText('Year'));
    await user.clear(screen.getByLabelText('Month'));
    await user.type(screen.getByLabelText('Month'), '1');
    await user.type(screen.getByLabelText('Year'), '2020');
    expect(screen.getByTestId('past-due-warning')).toHaveTextContent('This action is due on Thursday 30 January 2020, which is in the past');
    await user.click(screen.getByRole('button', { name: 'Add action' }));
    expect(api.callsTo('POST /api/v1/actions')[0]?.body).toMatchObject({ dueDate: '2020-01-30', ownerId: 'a1', sessionId: 's-1' });
  });
});

describe('Reflective prompts (item 12)', () => {
  it('opens the five Anchor questions and EARS, collapsed by default', async () => {
    const { container } = render(<ReflectivePrompts id="p" />);
    const details = container.querySelectorAll('details.govuk-details');
    expect(details).toHaveLength(2);
    details.forEach((d) => expect(d).not.toHaveAttribute('open'));
    const anchor = within(details[0] as HTMLElement);
    for (const q of ['What is the assessment or intervention for?', 'What is the story?', 'What does the story mean?', 'What needs to happen?', 'How will we know we are making progress?']) {
      expect(anchor.getByText(q)).toBeInTheDocument();
    }
    for (const word of ['Elicit', 'Amplify', 'Reflect', 'Start over']) expect(within(details[1] as HTMLElement).getByText(word)).toBeInTheDocument();
    await userEvent.setup().click(screen.getByText('Reflective prompts: the five Anchor questions'));
    expect(details[0]).toHaveAttribute('open');
  });

  it('sits in each section of the record being written', async () => {
    open(PRIYA, record());
    const section = await screen.findByTestId('current-section');
    expect(within(section).getByText('Reflective prompts: the five Anchor questions')).toBeInTheDocument();
  });
});
