import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Schemas } from '../../api/client';
import { json, mockApi, problem } from '../../test/mockApi';
import { Router } from '../../router';
import { CaseDiscussionList } from './CaseDiscussionList';

function summary(id: string, overrides: Partial<Schemas['CaseDiscussionSummary']> = {}): Schemas['CaseDiscussionSummary'] {
  return {
    id,
    child: { id: `ch-${id}`, name: `Child ${id}`, caseNumber: `PRN-${id}` },
    supervisee: { id: 'a1', displayName: 'Sam Okafor' },
    supervisor: { id: 'p1', displayName: 'Priya Shah' },
    status: 'DRAFT',
    discussedOn: '2026-01-06',
    decisionCount: 0,
    updatedAt: '2026-01-06T15:00:00Z',
    ...overrides,
  };
}

describe('Case discussion list', () => {
  it('lists a supervisee’s case discussions with the child, date, child’s view and status in words, and pages on', async () => {
    const api = mockApi({
      'GET /api/v1/case-discussions': (request) =>
        request.query.get('cursor')
          ? json({ items: [summary('3', { status: 'SIGNED', childViewStatus: 'RECORDED' })] })
          : json({ items: [summary('1'), summary('2', { signedByMe: true, childViewStatus: 'NOT_OBTAINED' })], nextCursor: 'c2' }),
    });
    render(
      <Router>
        <CaseDiscussionList superviseeId="a1" />
      </Router>,
    );
    const list = await screen.findByTestId('case-discussion-list');
    await within(list).findByRole('link', { name: 'Child 1' });
    expect(api.callsTo('GET /api/v1/case-discussions')[0]?.query.get('superviseeId')).toBe('a1');
    expect(within(list).getByRole('link', { name: 'Child 1' })).toHaveAttribute('href', '/case-discussions/1');
    const rows = within(list).getAllByRole('row').slice(1);
    expect(rows[0]).toHaveTextContent('Draft');
    expect(rows[0]).toHaveTextContent('Not recorded yet');
    expect(rows[1]).toHaveTextContent('Awaiting signature');
    expect(rows[1]).toHaveTextContent('Could not be obtained');
    await userEvent.setup().click(within(list).getByRole('button', { name: 'Show more case discussions' }));
    await within(list).findByRole('link', { name: 'Child 3' });
    expect(within(list).getAllByRole('row').slice(1)[2]).toHaveTextContent('Locked');
    expect(api.callsTo('GET /api/v1/case-discussions')[1]?.query.get('cursor')).toBe('c2');
    expect(within(list).queryByRole('button', { name: 'Show more case discussions' })).toBeNull();
  });

  it('filters by child or session and shows the parties per child', async () => {
    const api = mockApi({ 'GET /api/v1/case-discussions': json({ items: [summary('1')] }) });
    render(
      <Router>
        <CaseDiscussionList childId="ch-1" heading="Discussions about Mia" />
      </Router>,
    );
    expect(await screen.findByRole('heading', { name: 'Discussions about Mia' })).toBeInTheDocument();
    expect(await screen.findByText('Sam Okafor with Priya Shah')).toBeInTheDocument();
    expect(api.callsTo('GET /api/v1/case-discussions')[0]?.query.get('childId')).toBe('ch-1');
  });

  it('shows nothing to someone who may not read case discussions', async () => {
    const api = mockApi({ 'GET /api/v1/case-discussions': problem(403, 'Forbidden') });
    const { container } = render(
      <Router>
        <CaseDiscussionList superviseeId="a1" />
      </Router>,
    );
    await waitFor(() => expect(api.callsTo('GET /api/v1/case-discussions')).toHaveLength(1));
    await waitFor(() => expect(container).toBeEmptyDOMElement());
  });
});
