import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { json, mockApi } from '../../test/mockApi';
import { AddToNextAgenda } from './AddToNextAgenda';

describe('Add to the next session’s agenda from home (issue 7, item 7)', () => {
  it('sends the item in one tap and says it was added', async () => {
    const api = mockApi({
      'POST /api/v1/staff/:id/next-agenda-items': (r) => json({ text: (r.body as { text: string }).text, source: 'ADDED' }, 201),
    });
    const user = userEvent.setup();
    render(<AddToNextAgenda staffId="a1" />);
    await user.click(screen.getByRole('button', { name: 'Add to next agenda' }));
    expect(screen.getAllByText('Enter what you want to discuss')).not.toHaveLength(0);
    expect(api.callsTo('POST /api/v1/staff/:id/next-agenda-items')).toHaveLength(0);
    await user.type(screen.getByLabelText('Something to discuss next time'), 'My caseload weighting');
    await user.click(screen.getByRole('button', { name: 'Add to next agenda' }));
    expect(await screen.findByTestId('agenda-added')).toHaveTextContent('My caseload weighting');
    const sent = api.callsTo('POST /api/v1/staff/:id/next-agenda-items')[0];
    expect(sent?.path).toBe('/api/v1/staff/a1/next-agenda-items');
    expect(sent?.body).toEqual({ text: 'My caseload weighting' });
    expect(sent?.headers.get('Idempotency-Key')).toBeTruthy();
  });
});
