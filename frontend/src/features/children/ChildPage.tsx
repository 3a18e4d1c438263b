import { useState } from 'react';
import { api, type Schemas } from '../../api/client';
import { settle, useQuery } from '../../api/useQuery';
import { Loading, ProblemMessage } from '../../components/app/ProblemMessage';
import { BackLink, Button, ErrorSummary, NotificationBanner, SummaryList } from '../../components/govuk';
import { formatDate } from '../../format';
import { useLocation, useNavigate } from '../../router';
import { usePageTitle } from '../../usePageTitle';
import { call, newIdempotencyKey } from '../agreements/agreements';
import { useMe } from '../auth/AuthContext';
import { CaseDiscussionList } from '../casediscussions/CaseDiscussionList';
import { DecisionTable } from '../decisions/DecisionTable';
import { canRecordDecisions, quickDecisionHref } from '../decisions/decisions';
import { useDecisions } from '../decisions/useDecisions';

const caseDiscussionHref = (id: string) => `/case-discussions/${encodeURIComponent(id)}`;

function Decisions({ child }: { child: Schemas['Child'] }) {
  const decisions = useDecisions({ childId: child.id });
  return (
    <section aria-labelledby="decisions-heading" data-testid="child-decisions">
      <h2 className="govuk-heading-m" id="decisions-heading">
        Decisions about {child.name}
      </h2>
      {decisions.state === 'loading' && <Loading />}
      {decisions.state === 'error' && <p className="govuk-body">The decisions cannot be shown at the moment.</p>}
      {decisions.state === 'ok' &&
        (decisions.items.length === 0 ? (
          <p className="govuk-body" data-testid="no-decisions">
            No decisions about {child.name} have been recorded yet.
          </p>
        ) : (
          <>
            <DecisionTable caption="Signed decisions, oldest first" captionSize="s" decisions={decisions.items} />
            {decisions.nextCursor && (
              <Button variant="secondary" type="button" disabled={decisions.loadingMore} onClick={decisions.more}>
                Show more decisions
              </Button>
            )}
          </>
        ))}
    </section>
  );
}

/** Start a case discussion about the child between sessions, then open it. */
function StartCaseDiscussion({ childId, setError }: { childId: string; setError: (error: string | null) => void }) {
  const navigate = useNavigate();
  const [key] = useState(newIdempotencyKey);
  const [busy, setBusy] = useState(false);
  const start = async () => {
    if (busy) return;
    setBusy(true);
    const result = await call(
      api.POST('/api/v1/case-discussions', { params: { header: { 'Idempotency-Key': key } }, body: { childId } }),
    );
    setBusy(false);
    setError(null);
    if (result.ok) return navigate(caseDiscussionHref(result.data.id));
    const { problem } = result;
    setError(
      problem.status === 0
        ? 'You are offline. Start the case discussion when you are back online.'
        : problem.status === 403
          ? 'Only the child’s allocated worker and their supervisor can start a case discussion about this child.'
          : (problem.detail ?? problem.title),
    );
  };
  return (
    <Button variant="secondary" type="button" disabled={busy} onClick={() => void start()}>
      Start a case discussion
    </Button>
  );
}

/** One child: who they are, the decisions about them and the case discussions about them. */
export function ChildPage({ childId }: { childId: string }) {
  const me = useMe();
  const location = useLocation();
  const added = (location.state as { added?: boolean } | null)?.added === true;
  const [startError, setStartError] = useState<string | null>(null);
  const child = useQuery(
    (signal) => settle(api.GET('/api/v1/children/{childId}', { params: { path: { childId } }, signal })),
    [childId],
  );
  usePageTitle(child.state === 'ok' ? child.data.name : 'Child');

  if (child.state === 'loading') return <Loading />;
  if (child.state === 'error') {
    return (
      <>
        <BackLink href="/children" />
        <h1 className="govuk-heading-l">Child</h1>
        <ProblemMessage problem={child.problem} />
      </>
    );
  }
  const c = child.data;
  const mayDiscuss = !!me && me.roles.some((r) => r === 'PRACTITIONER' || r === 'SUPERVISOR');
  return (
    <>
      <BackLink href="/children" />
      {startError && <ErrorSummary errors={[{ text: startError }]} />}
      {added && <NotificationBanner type="success" heading={`${c.name} added`} />}
      <span className="govuk-caption-l">Child</span>
      <h1 className="govuk-heading-l">{c.name}</h1>
      <SummaryList
        rows={[
          { key: 'Case number', value: c.caseNumber },
          { key: 'Date of birth', value: c.dateOfBirth ? formatDate(c.dateOfBirth, { weekday: false }) : 'Not recorded' },
          {
            key: 'Allocated worker',
            value: (
              <>
                {c.allocatedWorker.displayName}
                {c.allocatedWorker.jobTitle && <span className="govuk-hint govuk-!-margin-bottom-0 app-block">{c.allocatedWorker.jobTitle}</span>}
              </>
            ),
          },
        ]}
      />
      <div className="govuk-button-group">
        {canRecordDecisions(me) && <Button href={quickDecisionHref(c.id)}>Record a decision</Button>}
        {mayDiscuss && <StartCaseDiscussion childId={c.id} setError={setStartError} />}
      </div>
      <Decisions child={c} />
      <CaseDiscussionList childId={c.id} heading={`Case discussions about ${c.name}`} />
    </>
  );
}
