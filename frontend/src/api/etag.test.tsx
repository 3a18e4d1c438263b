// The client never sends If-Match: * (the service refuses it with 428; decision 0018): it sends the ETag
// of the version the person saw, from the header or, where a read carried none, from the body's version.
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { agreement, templateRoutes } from '../features/agreements/agreementFixtures';
import { SAM, TOKENS } from '../test/fixtures';
import { json, mockApi } from '../test/mockApi';
import { renderApp, withStoredRefreshToken } from '../test/renderApp';
import { ifMatchFor } from './etag';

describe('If-Match', () => {
  it('is the ETag read, else "v<version>" of what was shown, never *', () => {
    expect(ifMatchFor('"v4"', { version: 9 })).toBe('"v4"');
    expect(ifMatchFor(null, { version: 3 })).toBe('"v3"');
    expect(ifMatchFor('*', { version: 3 })).toBe('"v3"');
    expect(ifMatchFor(undefined, null)).toBeUndefined();
  });

  it('sends the shown version when the read carried no ETag header', async () => {
    withStoredRefreshToken();
    const api = mockApi({
      'POST /api/v1/auth/token-refresh': json(TOKENS),
      'GET /api/v1/me': json(SAM),
      ...templateRoutes,
      'GET /api/v1/agreements/:id': json(agreement({ version: 3 })),
      'POST /api/v1/agreements/:id/submission': json(agreement({ status: 'AWAITING_SIGNATURES', version: 4 })),
    });
    renderApp('/agreements/ag-1');
    await userEvent.setup().click(await screen.findByRole('button', { name: 'Send for signature' }));
    expect(await screen.findByText('Sent for signature')).toBeInTheDocument();
    expect(api.callsTo('POST /api/v1/agreements/:id/submission')[0]?.headers.get('If-Match')).toBe('"v3"');
  });
});
