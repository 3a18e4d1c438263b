import { useState, type FormEvent } from 'react';
import { api, type Schemas } from '../../api/client';
import { settle, useQuery } from '../../api/useQuery';
import { Loading, ProblemMessage } from '../../components/app/ProblemMessage';
import { Button, Select, Table } from '../../components/govuk';
import { formatDate } from '../../format';
import { useNavigate, useSearchParams } from '../../router';
import { usePageTitle } from '../../usePageTitle';
import { useMe } from '../auth/AuthContext';
import { ChildVoiceFigures } from './ChildVoiceFigures';
import { DecisionTable } from './DecisionTable';
import { PERIODS, canRecordDecisions, periodRange, shareText, type PeriodDays } from './decisions';
import { useDecisions } from './useDecisions';

type Row = Schemas['DecisionsFiledRow'];
type Total = Schemas['DecisionsFiledTotal'];

function PeriodForm({ period }: { period: PeriodDays }) {
  const navigate = useNavigate();
  const [value, setValue] = useState<PeriodDays>(period);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    navigate(value === '30' ? '/decisions' : `/decisions?period=${value}`);
  };
  return (
    <form method="get" action="/decisions" onSubmit={onSubmit} className="app-filters" aria-label="Choose the period">
      <Select
        id="period"
        label="Period"
        value={value}
        onChange={(event) => setValue(event.target.value as PeriodDays)}
        options={PERIODS.map((p) => ({ value: p.value, text: p.text }))}
      />
      <Button variant="secondary">Show</Button>
    </form>
  );
}

const numeric = (n: number) => ({ content: n, numeric: true });

function measureCells(row: Row | Total) {
  return [
    numeric(row.signed),
    numeric(row.acknowledgedWithin24Hours),
    numeric(row.acknowledgedLater),
    numeric(row.waiting),
    numeric(row.notYetDue),
    { content: <strong>{shareText(row)}</strong>, numeric: true },
  ];
}

/** One sentence that says what the table shows. */
function summarySentence(data: Schemas['DecisionsFiled']): string {
  const t = data.total;
  const due = t.signed - t.notYetDue;
  if (t.signed === 0) return 'No decisions about children were signed in this period.';
  if (due <= 0) return `${t.signed} ${t.signed === 1 ? 'decision was' : 'decisions were'} signed in the last ${data.hoursAllowed} hours; none is due to be filed yet.`;
  return `${t.acknowledgedWithin24Hours} of the ${due} decisions due were filed to the child’s record within ${data.hoursAllowed} hours of signing (${shareText(t).split(' ')[0]}).`;
}

function Measure({ period }: { period: PeriodDays }) {
  const { from, to } = periodRange(period);
  const measure = useQuery(
    (signal) => settle(api.GET('/api/v1/dashboards/decisions-filed', { params: { query: { from, to } }, signal })),
    [from, to],
  );
  return (
    <section aria-labelledby="measure-heading" data-testid="decisions-filed">
      <h2 className="govuk-heading-m" id="measure-heading">
        Filed within 24 hours
      </h2>
      <p className="govuk-body">
        The policy asks that decisions are recorded on the child’s record within 24 hours. This counts the decisions signed in the
        period, by the team of the worker they are about. Decisions still inside their first 24 hours are not counted yet.
      </p>
      <PeriodForm key={period} period={period} />
      {measure.state === 'loading' && <Loading />}
      {measure.state === 'error' && <ProblemMessage problem={measure.problem} />}
      {measure.state === 'ok' && (
        <>
          <p className="govuk-body" data-testid="measure-summary">
            {summarySentence(measure.data)}
          </p>
          <Table
            caption={`${formatDate(measure.data.from, { weekday: false })} to ${formatDate(measure.data.to, { weekday: false })}`}
            captionSize="s"
            head={[
              { text: 'Team' },
              { text: 'Signed', numeric: true },
              { text: 'Filed within 24 hours', numeric: true },
              { text: 'Filed later', numeric: true },
              { text: 'Waiting over 24 hours', numeric: true },
              { text: 'Not yet due', numeric: true },
              { text: 'Share filed within 24 hours', numeric: true },
            ]}
            firstCellIsHeader
            stackOnSmallScreens
            rowKeys={[...measure.data.teams.map((r) => r.team.id), 'total']}
            rows={[
              ...measure.data.teams.map((row) => [row.team.name, ...measureCells(row)]),
              ...(measure.data.teams.length > 1 ? [['All teams', ...measureCells(measure.data.total)]] : []),
            ]}
          />
        </>
      )}
    </section>
  );
}

function Waiting() {
  const waiting = useDecisions({ acknowledged: false });
  return (
    <section aria-labelledby="waiting-heading" data-testid="decisions-waiting">
      <h2 className="govuk-heading-m" id="waiting-heading">
        Waiting to be filed
      </h2>
      {waiting.state === 'loading' && <Loading />}
      {waiting.state === 'error' && <ProblemMessage problem={waiting.problem} />}
      {waiting.state === 'ok' &&
        (waiting.items.length === 0 ? (
          <p className="govuk-body" data-testid="nothing-waiting">
            Every signed decision has been filed to the child’s record.
          </p>
        ) : (
          <>
            <DecisionTable caption="Oldest first" captionSize="s" decisions={waiting.items} showChild showWaited />
            {waiting.nextCursor && (
              <Button variant="secondary" type="button" disabled={waiting.loadingMore} onClick={waiting.more}>
                Show more decisions
              </Button>
            )}
          </>
        ))}
    </section>
  );
}

/** For supervisors and managers: the 24-hour measure per team, and the decisions still waiting to be filed. */
export function DecisionsPage() {
  usePageTitle('Decisions about children');
  const me = useMe();
  const params = useSearchParams();
  const asked = params.get('period');
  const period: PeriodDays = PERIODS.some((p) => p.value === asked) ? (asked as PeriodDays) : '30';
  return (
    <>
      <h1 className="govuk-heading-l">Decisions about children</h1>
      {canRecordDecisions(me) && <Button href="/decisions/new">Record a decision</Button>}
      <Waiting />
      <Measure period={period} />
      <ChildVoiceFigures period={period} />
    </>
  );
}
