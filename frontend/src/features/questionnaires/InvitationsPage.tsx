import { useEffect, useState } from 'react';
import { api, type Problem } from '../../api/client';
import { Loading, ProblemMessage } from '../../components/app/ProblemMessage';
import { BackLink, Button, Table, Tag } from '../../components/govuk';
import { formatDate } from '../../format';
import { Link, useSearchParams } from '../../router';
import { usePageTitle } from '../../usePageTitle';
import { call } from '../agreements/agreements';
import { STATUS_TEXT, lastDayToAnswer, ukDate, type InvitationStatus, type QuestionnaireInvitation } from './questionnaires';

const FILTERS: Array<{ status: InvitationStatus | null; text: string }> = [
  { status: 'OPEN', text: 'Not answered yet' },
  { status: 'ANSWERED', text: 'Answered' },
  { status: 'EXPIRED', text: 'Expired' },
  { status: null, text: 'All' },
];

const isStatus = (value: string | null): value is InvitationStatus => value === 'OPEN' || value === 'ANSWERED' || value === 'EXPIRED';

type State = { state: 'loading' } | { state: 'error'; problem: Problem } | { state: 'ok'; items: QuestionnaireInvitation[]; next?: string; more: boolean };

/** QA: the Part 2 questionnaires sent, whether each was answered, and whether the person was reminded. */
export function InvitationsPage() {
  usePageTitle('Part 2 questionnaires sent');
  const params = useSearchParams();
  const asked = params.get('status');
  const status: InvitationStatus | null = asked === 'all' ? null : isStatus(asked) ? asked : 'OPEN';
  const [state, setState] = useState<State>({ state: 'loading' });
  const [cursor, setCursor] = useState<string | undefined>(undefined);

  useEffect(() => {
    const controller = new AbortController();
    const query = { limit: 50, ...(status ? { status } : {}), ...(cursor ? { cursor } : {}) };
    setState((current) => (current.state === 'ok' && cursor ? { ...current, more: true } : { state: 'loading' }));
    call(api.GET('/api/v1/questionnaire-invitations', { params: { query }, signal: controller.signal }))
      .then((result) => {
        if (controller.signal.aborted) return;
        if (!result.ok) return setState({ state: 'error', problem: result.problem });
        setState((current) => ({
          state: 'ok',
          items: cursor && current.state === 'ok' ? [...current.items, ...result.data.items] : result.data.items,
          next: result.data.nextCursor,
          more: false,
        }));
      })
      .catch(() => undefined);
    return () => controller.abort();
  }, [status, cursor]);

  return (
    <>
      <BackLink href="/" />
      <h1 className="govuk-heading-l">Part 2 questionnaires sent</h1>
      <p className="govuk-body">
        <Link className="govuk-link" href="/questionnaire-rounds/new">
          Send the questionnaire to a team or service
        </Link>
      </p>
      <nav aria-label="Show questionnaires" className="govuk-!-margin-bottom-4">
        <ul className="govuk-list app-filter-links">
          {FILTERS.map((f) => {
            const current = f.status === status;
            const href = `/questionnaire-invitations?status=${f.status ?? 'all'}`;
            return (
              <li key={f.text}>
                {current ? (
                  <strong aria-current="page">{f.text}</strong>
                ) : (
                  <Link className="govuk-link" href={href} onClick={() => setCursor(undefined)}>
                    {f.text}
                  </Link>
                )}
              </li>
            );
          })}
        </ul>
      </nav>
      {state.state === 'loading' && <Loading />}
      {state.state === 'error' && <ProblemMessage problem={state.problem} />}
      {state.state === 'ok' && state.items.length === 0 && (
        <p className="govuk-body" data-testid="no-invitations">
          {status === 'OPEN' ? 'Every questionnaire sent has been answered or has expired.' : 'There are no questionnaires to show.'}
        </p>
      )}
      {state.state === 'ok' && state.items.length > 0 && (
        <>
          <Table
            caption={<span className="govuk-visually-hidden">Questionnaires sent</span>}
            head={[{ text: 'Person' }, { text: 'Sent' }, { text: 'Last day to answer' }, { text: 'Reminded' }, { text: 'Sent after' }, { text: 'Status' }]}
            firstCellIsHeader
            stackOnSmallScreens
            rowKeys={state.items.map((i) => i.id)}
            rows={state.items.map((i) => [
              i.invitee.displayName,
              formatDate(ukDate(i.issuedAt), { weekday: false }),
              formatDate(lastDayToAnswer(i.expiresAt), { weekday: false }),
              i.remindedAt ? formatDate(ukDate(i.remindedAt), { weekday: false }) : 'Not yet',
              i.auditId ? 'An audit of their file' : 'A round',
              <Tag colour={STATUS_TEXT[i.status].colour}>{STATUS_TEXT[i.status].text}</Tag>,
            ])}
          />
          {state.next && (
            <Button type="button" variant="secondary" disabled={state.more} onClick={() => setCursor(state.next)}>
              Show more
            </Button>
          )}
        </>
      )}
    </>
  );
}
