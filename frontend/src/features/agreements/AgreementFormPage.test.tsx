import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { PRIYA, TOKENS } from '../../test/fixtures';
import { json, mockApi, problem, type Handler } from '../../test/mockApi';
import { renderApp, withStoredRefreshToken } from '../../test/renderApp';
import { agreement, templateRoutes } from './agreementFixtures';
import { draftStorageKey } from './agreements';
import { readDraft } from '../../offline/drafts';

function signedIn(routes: Record<string, Handler> = {}) {
  withStoredRefreshToken();
  return mockApi({
    'POST /api/v1/auth/token-refresh': json(TOKENS),
    'GET /api/v1/me': json(PRIYA),
    ...templateRoutes,
    ...routes,
  });
}

const NEW = '/agreements/new?superviseeId=a1';

async function openNewForm() {
  renderApp(NEW);
  // The loading state has its own h1, replaced when the form appears: wait for the form first.
  await screen.findByRole('button', { name: 'Save draft' });
  expect(screen.getByRole('heading', { level: 1, name: 'Draft a supervision agreement' })).toBeInTheDocument();
}

function setWidth(width: number) {
  Object.defineProperty(window, 'innerWidth', { configurable: true, writable: true, value: width });
}

describe('Agreement form', () => {
  it('shows the questions section by section with a tick per finished section (landscape)', async () => {
    signedIn();
    const user = userEvent.setup();
    await openNewForm();
    expect(document.title).toBe('Draft a supervision agreement – Supervision');
    expect(screen.getByText('Sam Okafor')).toHaveClass('govuk-caption-l');
    const nav = screen.getByRole('navigation', { name: 'Sections of the agreement' });
    const buttons = within(nav).getAllByRole('button');
    expect(buttons.map((b) => b.textContent)).toEqual(['Supervision Arrangements', 'Management Functions', 'Support Functions']);
    expect(buttons[0]).toHaveAttribute('aria-current', 'step');
    expect(screen.queryByLabelText('Section')).toBeNull();

    const current = screen.getByTestId('current-section');
    expect(within(current).getByRole('heading', { name: 'Supervision Arrangements' })).toBeInTheDocument();
    const agenda = screen.getByLabelText('Agenda: Who prepares the agenda?');
    expect(agenda).toHaveAttribute('aria-describedby', 'answer-agenda-hint');
    expect(screen.queryByRole('button', { name: 'Previous section' })).toBeNull();

    await user.type(screen.getByLabelText('Purpose: What is the purpose of supervision?'), 'Oversight');
    expect(within(nav).queryByTestId('section-tick')).toBeNull();
    await user.type(agenda, 'Sam, three days before');
    expect(within(buttons[0] as HTMLElement).getByTestId('section-tick')).toHaveTextContent('✓ (complete)');

    await user.click(screen.getByRole('button', { name: 'Next section' }));
    expect(within(screen.getByTestId('current-section')).getByRole('heading', { name: 'Management Functions' })).toBeInTheDocument();
    expect(within(nav).getAllByRole('button')[1]).toHaveAttribute('aria-current', 'step');
    await user.click(screen.getByRole('button', { name: 'Previous section' }));
    expect(screen.getByLabelText('Purpose: What is the purpose of supervision?')).toHaveValue('Oversight');
    await user.click(within(nav).getByRole('button', { name: 'Support Functions' }));
    expect(screen.queryByRole('button', { name: 'Next section' })).toBeNull();
    expect(screen.getAllByRole('heading', { level: 1 })).toHaveLength(1);
  });

  it('shows a section picker at the top in portrait', async () => {
    setWidth(768);
    signedIn();
    const user = userEvent.setup();
    await openNewForm();
    expect(screen.queryByRole('navigation', { name: 'Sections of the agreement' })).toBeNull();
    const picker = screen.getByLabelText('Section');
    expect(picker.tagName).toBe('SELECT');
    expect(picker).toHaveClass('govuk-select');
    expect([...(picker as HTMLSelectElement).options].map((o) => o.text)).toEqual([
      '1. Supervision Arrangements',
      '2. Management Functions',
      '3. Support Functions',
    ]);
    await user.selectOptions(picker, '1');
    expect(within(screen.getByTestId('current-section')).getByRole('heading', { name: 'Management Functions' })).toBeInTheDocument();
    await user.type(screen.getByLabelText('How much time will be spent on casework discussion?'), 'An hour');
    expect((picker as HTMLSelectElement).options[1]?.text).toBe('2. Management Functions (complete)');

    // Turning the tablet to landscape swaps the picker for the list.
    setWidth(1024);
    act(() => {
      window.dispatchEvent(new Event('resize'));
    });
    expect(screen.getByRole('navigation', { name: 'Sections of the agreement' })).toBeInTheDocument();
  });

  it('saves typing on the device and restores it after the page is opened again', async () => {
    signedIn();
    const user = userEvent.setup();
    const first = renderApp(NEW);
    await screen.findByRole('button', { name: 'Save draft' });
    await user.type(screen.getByLabelText('Where supervision usually takes place'), 'Room 2');
    await user.type(screen.getByLabelText('Purpose: What is the purpose of supervision?'), 'Reflection');
    expect(await screen.findByText(/^Saved on this device \d{1,2}(:\d{2})?(am|pm)$|^Saved on this device (midday|midnight)$/, {}, { timeout: 3000 })).toBeInTheDocument();
    const stored = (await readDraft<{ location: string; answers: Record<string, string> }>(draftStorageKey({ superviseeId: 'a1' }))) ?? { location: '', answers: {} };
    expect(stored.location).toBe('Room 2');
    expect(stored.answers.purpose).toBe('Reflection');

    // Typing and leaving at once still keeps the last keystrokes.
    await user.type(screen.getByLabelText('Where supervision usually takes place'), ', Civic Centre');
    first.unmount();

    renderApp(NEW);
    await screen.findByRole('button', { name: 'Save draft' });
    expect(screen.getByLabelText('Where supervision usually takes place')).toHaveValue('Room 2, Civic Centre');
    expect(screen.getByLabelText('Purpose: What is the purpose of supervision?')).toHaveValue('Reflection');
    expect(screen.getByTestId('save-status')).toHaveTextContent(/^Saved on this device /);
  });

  it('asks before leaving with changes the server does not have', async () => {
    signedIn();
    const user = userEvent.setup();
    await openNewForm();
    const before = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(before);
    expect(before.defaultPrevented).toBe(false);
    await user.type(screen.getByLabelText('Where supervision usually takes place'), 'Room 2');
    const after = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(after);
    expect(after.defaultPrevented).toBe(true);
  });

  it('resends a failed save with the same Idempotency-Key, then clears the local draft', async () => {
    let attempts = 0;
    const api = signedIn({
      'POST /api/v1/agreements': () => {
        attempts += 1;
        return attempts === 1
          ? problem(503, 'Service unavailable')
          : json(agreement({ id: 'ag-new' }), 201, { ETag: '"1"', Location: '/api/v1/agreements/ag-new' });
      },
      'GET /api/v1/agreements/:id': json(agreement({ id: 'ag-new' }), 200, { ETag: '"1"' }),
    });
    const user = userEvent.setup();
    await openNewForm();
    await user.type(screen.getByLabelText('Where supervision usually takes place'), 'Room 2');
    await user.type(screen.getByLabelText('Purpose: What is the purpose of supervision?'), 'Reflection');
    await user.click(screen.getByRole('button', { name: 'Save draft' }));
    const summary = await screen.findByRole('alert');
    expect(summary).toHaveTextContent('There is a problem');
    expect(document.title).toBe('Error: Draft a supervision agreement – Supervision');

    await user.click(screen.getByRole('button', { name: 'Save draft' }));
    await screen.findByRole('heading', { level: 1, name: 'Supervision agreement' });
    expect(window.location.pathname).toBe('/agreements/ag-new');

    const posts = api.callsTo('POST /api/v1/agreements');
    expect(posts).toHaveLength(2);
    const [firstKey, secondKey] = posts.map((p) => p.headers.get('Idempotency-Key'));
    expect(firstKey).toMatch(/^[0-9a-f-]{36}$/);
    expect(secondKey).toBe(firstKey);
    expect(posts[1]?.body).toEqual({
      superviseeId: 'a1',
      durationMinutes: 90,
      location: 'Room 2',
      answers: [{ key: 'purpose', text: 'Reflection' }],
    });
    await waitFor(async () => expect(await readDraft(draftStorageKey({ superviseeId: 'a1' }))).toBeNull());
  });

  it('sends the escalation period as weeks (P6W) and links validation problems to their fields', async () => {
    const api = signedIn({
      'POST /api/v1/agreements': problem(400, 'Your request has problems', {
        errors: [
          { pointer: '/location', message: 'Enter where supervision takes place' },
          { pointer: '/answers/1/text', message: 'Answers must be 20000 characters or fewer' },
        ],
      }),
    });
    const user = userEvent.setup();
    await openNewForm();
    // Checked here first: an empty location never leaves the device.
    await user.click(screen.getByRole('button', { name: 'Save draft' }));
    const local = await screen.findByRole('alert');
    expect(within(local).getByRole('link', { name: 'Enter where supervision takes place' })).toHaveAttribute('href', '#location');
    expect(api.callsTo('POST /api/v1/agreements')).toHaveLength(0);

    await user.type(screen.getByLabelText('Where supervision usually takes place'), ' ');
    await user.type(screen.getByLabelText('Where supervision usually takes place'), 'Room 2');
    await user.type(screen.getByLabelText('Escalation period, in weeks (optional)'), '6');
    await user.type(screen.getByLabelText('Purpose: What is the purpose of supervision?'), 'A');
    await user.click(within(screen.getByRole('navigation', { name: 'Sections of the agreement' })).getByRole('button', { name: 'Management Functions' }));
    await user.type(screen.getByLabelText('How much time will be spent on casework discussion?'), 'B');
    await user.click(screen.getByRole('button', { name: 'Save draft' }));
    await waitFor(() => expect(api.callsTo('POST /api/v1/agreements')).toHaveLength(1));
    expect(api.callsTo('POST /api/v1/agreements')[0]?.body).toMatchObject({ escalationPeriod: 'P6W' });

    const summary = await screen.findByRole('alert');
    const answerLink = await within(summary).findByRole('link', { name: 'Answers must be 20000 characters or fewer' });
    expect(answerLink).toHaveAttribute('href', '#answer-casework_time');
    expect(within(summary).getByRole('link', { name: 'Enter where supervision takes place' })).toHaveAttribute('href', '#location');
    expect(screen.getByLabelText('Where supervision usually takes place')).toHaveAttribute('aria-describedby', 'location-error');

    // A link to a question in another section opens that section.
    await user.click(within(screen.getByRole('navigation', { name: 'Sections of the agreement' })).getByRole('button', { name: /Supervision Arrangements/ }));
    fireEvent.click(answerLink);
    expect(screen.getByLabelText('How much time will be spent on casework discussion?')).toHaveFocus();
  });

  it('changes a draft with If-Match and shows a 412 in the error summary', async () => {
    const api = signedIn({
      'GET /api/v1/agreements/:id': json(agreement(), 200, { ETag: '"3"' }),
      'PUT /api/v1/agreements/:id': problem(412, 'Precondition failed'),
    });
    const user = userEvent.setup();
    renderApp('/agreements/ag-1/edit');
    await screen.findByRole('button', { name: 'Save draft' });
    expect(screen.getByLabelText('Where supervision usually takes place')).toHaveValue('Room 2, Civic Centre');
    expect(screen.getByLabelText('Escalation period, in weeks (optional)')).toHaveValue('6');
    expect(screen.getByLabelText('Purpose: What is the purpose of supervision?')).toHaveValue('Reflective practice and oversight');
    await user.clear(screen.getByLabelText('Where supervision usually takes place'));
    await user.type(screen.getByLabelText('Where supervision usually takes place'), 'Room 3');
    await user.click(screen.getByRole('button', { name: 'Save draft' }));
    const summary = await screen.findByRole('alert');
    expect(summary).toHaveTextContent('Someone else changed this agreement since you opened it');
    const put = api.callsTo('PUT /api/v1/agreements/:id')[0];
    expect(put?.headers.get('If-Match')).toBe('"3"');
    expect(put?.body).toMatchObject({ location: 'Room 3', intervalWeeks: 4, escalationPeriod: 'P6W' });
    // The typing is still on the device.
    await waitFor(async () => expect(JSON.stringify(await readDraft(draftStorageKey({ agreementId: 'ag-1' })))).toContain('Room 3'));
  });
});
