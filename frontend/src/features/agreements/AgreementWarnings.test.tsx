import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Schemas } from '../../api/client';
import { PRIYA, TOKENS } from '../../test/fixtures';
import { json, mockApi } from '../../test/mockApi';
import { renderApp, withStoredRefreshToken } from '../../test/renderApp';
import { ShortSessionsFlag } from '../sessions/ShortSessions';
import { agreement, templateRoutes } from './agreementFixtures';

const SHORT = 'Sessions of 30 minutes are shorter than the policy’s minimum of 90 minutes.';

describe('The policy’s minimum session length', () => {
  it('is said on an agreement below it, in a GOV.UK warning text', async () => {
    withStoredRefreshToken();
    mockApi({
      'POST /api/v1/auth/token-refresh': json(TOKENS),
      'GET /api/v1/me': json(PRIYA),
      ...templateRoutes,
      'GET /api/v1/agreements/:id': json(agreement({ durationMinutes: 30, warnings: [{ pointer: '/durationMinutes', message: SHORT }] }), 200, {
        ETag: '"1"',
      }),
    });
    renderApp('/agreements/ag-1');
    const warning = await screen.findByTestId('agreement-warning');
    expect(warning).toHaveClass('govuk-warning-text');
    expect(warning).toHaveTextContent(`Warning${SHORT}`);
  });

  it('says nothing on an agreement without warnings', async () => {
    withStoredRefreshToken();
    mockApi({
      'POST /api/v1/auth/token-refresh': json(TOKENS),
      'GET /api/v1/me': json(PRIYA),
      ...templateRoutes,
      'GET /api/v1/agreements/:id': json(agreement({ warnings: [] }), 200, { ETag: '"1"' }),
    });
    renderApp('/agreements/ag-1');
    await screen.findByText('90 minutes');
    expect(screen.queryByTestId('agreement-warning')).toBeNull();
  });

  it('flags short sessions on the supervisor’s dashboard card, only when there are some', () => {
    const row = (shortSessions: number) =>
      ({ shortSessions, minimumSessionMinutes: 90 }) as unknown as Schemas['SuperviseeDashboardRow'];
    const { rerender } = render(
      <dl className="govuk-summary-list">
        <ShortSessionsFlag row={row(2)} />
      </dl>,
    );
    expect(screen.getByTestId('short-sessions')).toHaveTextContent('2 sessions in the last 12 months shorter than the policy’s 90 minutes');
    rerender(
      <dl className="govuk-summary-list">
        <ShortSessionsFlag row={row(0)} />
      </dl>,
    );
    expect(screen.queryByTestId('short-sessions')).toBeNull();
  });
});
