/**
 * The measures page (/measures?scope=&scopeId=&from=&to=&measure=): every measure for the scope and period, grouped,
 * in words, with a period picker in months and the 12-month trend of a chosen measure.
 */
import { useState, type FormEvent } from 'react';
import { BackLink, Button, Select, SummaryList, WarningText } from '../../components/govuk';
import { formatTime, formatDate } from '../../format';
import { useNavigate, useSearchParams } from '../../router';
import { usePageTitle } from '../../usePageTitle';
import { useMe } from '../auth/AuthContext';
import { SkeletonLines } from '../home/Skeleton';
import { MeasureList } from './MeasureList';
import { MeasureProblem } from './MeasureProblem';
import { Trend } from './Trend';
import {
  EVIDENCE_PACKS_HREF,
  SCOPE_KIND_TEXT,
  addMonths,
  currentMonth,
  isMonth,
  mayDrillDown,
  measuresHref,
  monthText,
  periodText,
  type MeasureScopeKind,
  type MeasureSet,
  type Month,
} from './measures';
import { useMeasureSet } from './useMeasures';
import { Link } from '../../router';

const KINDS: MeasureScopeKind[] = ['DIRECTORATE', 'SERVICE', 'TEAM', 'PERSON'];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The months a period may start or end with: the last three years, newest first. */
function monthOptions(now = currentMonth()): { value: string; text: string }[] {
  return Array.from({ length: 36 }, (_, i) => addMonths(now, -i)).map((m) => ({ value: m, text: monthText(m) }));
}

function PeriodPicker({ set }: { set: MeasureSet }) {
  const navigate = useNavigate();
  const [from, setFrom] = useState<Month>(set.from);
  const [to, setTo] = useState<Month>(set.to);
  const [error, setError] = useState<string | null>(null);
  const options = monthOptions();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (from > to) {
      setError('The first month must be the same as or before the last month');
      return;
    }
    setError(null);
    navigate(measuresHref({ scope: set.scope.kind, scopeId: set.scope.id, from, to }));
  };
  return (
    <form onSubmit={submit} noValidate className="app-period-picker" data-testid="period-picker">
      <fieldset className="govuk-fieldset">
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Period</legend>
        <div className="app-period-picker__fields">
          <Select id="period-from" label="From" options={options} value={from} error={error ?? undefined} onChange={(e) => setFrom(e.target.value)} />
          <Select id="period-to" label="To" options={options} value={to} onChange={(e) => setTo(e.target.value)} />
        </div>
        <Button variant="secondary">Show this period</Button>
      </fieldset>
    </form>
  );
}

function TrendPicker({ set, chosen }: { set: MeasureSet; chosen: string | null }) {
  const navigate = useNavigate();
  const [measure, setMeasure] = useState(chosen ?? set.headline[0] ?? set.measures[0]?.key ?? '');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    navigate(measuresHref({ scope: set.scope.kind, scopeId: set.scope.id, from: set.from, to: set.to, measure }));
  };
  return (
    <form onSubmit={submit} noValidate data-testid="trend-picker">
      <Select id="trend-measure" label="Measure" options={set.measures.map((m) => ({ value: m.key, text: m.label }))} value={measure} onChange={(e) => setMeasure(e.target.value)} />
      <Button variant="secondary">Show the trend</Button>
    </form>
  );
}

function Population({ set }: { set: MeasureSet }) {
  const p = set.population;
  if (!p) return null;
  return (
    <SummaryList
      rows={[
        { key: 'Staff counted', value: p.counted.toLocaleString('en-GB') },
        { key: 'Left out: left on or before the period’s end', value: p.leavers.toLocaleString('en-GB') },
        { key: 'Left out: in their first week', value: p.firstWeek.toLocaleString('en-GB') },
        { key: 'Left out: agency staff working under 10 hours a week', value: p.agencyUnder10Hours.toLocaleString('en-GB') },
      ]}
    />
  );
}

export function MeasuresPage() {
  const params = useSearchParams();
  const me = useMe();
  const rawScope = params.get('scope') ?? 'DIRECTORATE';
  const scope = (KINDS as string[]).includes(rawScope) ? (rawScope as MeasureScopeKind) : null;
  const scopeId = params.get('scopeId') ?? undefined;
  const from = params.get('from');
  const to = params.get('to');
  const measure = params.get('measure');
  const valid = !!scope && (scope === 'DIRECTORATE' || (!!scopeId && UUID.test(scopeId))) && (!from || isMonth(from)) && (!to || isMonth(to));
  const query = valid ? { scope: scope as MeasureScopeKind, scopeId: scope === 'DIRECTORATE' ? undefined : scopeId, from: from ?? undefined, to: to ?? undefined } : null;
  const state = useMeasureSet(query);
  const set = state.state === 'ok' ? state.data : null;
  usePageTitle(set ? `Measures: ${set.scope.name}` : 'Measures');

  const chosen = set && measure ? set.measures.find((m) => m.key === measure) : undefined;
  const trendQuery = set ? { scope: set.scope.kind, scopeId: set.scope.id, to: set.to } : null;

  return (
    <>
      <BackLink href="/">Home</BackLink>
      {set && <span className="govuk-caption-l">{`${SCOPE_KIND_TEXT[set.scope.kind]}: ${set.scope.name}`}</span>}
      <h1 className="govuk-heading-l">Measures</h1>
      {!valid && (
        <p className="govuk-body" data-testid="measures-bad-address">
          This address does not name a directorate, service, team or person and a period in months. Go back to your
          home page and choose the figures from there.
        </p>
      )}
      {state.state === 'loading' && valid && <SkeletonLines lines={6} />}
      {state.state === 'error' && <MeasureProblem problem={state.problem} what="These measures" />}
      {set && (
        <>
          <p className="govuk-body-l" data-testid="measures-period">
            {periodText(set.from, set.to)}
          </p>
          <PeriodPicker key={`${set.from}-${set.to}`} set={set} />
          {set.suppressed ? (
            <WarningText testId="scope-suppressed">
              Fewer than {set.minimumGroupSize} staff are counted here, so its figures are suppressed to protect them.
            </WarningText>
          ) : (
            <Population set={set} />
          )}
          <MeasureList set={set} drillDown={mayDrillDown(me)} />
          <p className="govuk-body-s app-secondary">
            Figures computed at {formatTime(set.computedAt)} on {formatDate(set.computedAt.slice(0, 10))}.
          </p>
          <h2 className="govuk-heading-m" id="trend-heading">
            {chosen ? `Trend: ${chosen.label}` : 'Trend over 12 months'}
          </h2>
          <TrendPicker key={measure ?? ''} set={set} chosen={chosen?.key ?? null} />
          {chosen && trendQuery && <Trend query={trendQuery} measure={chosen.key} minimumGroupSize={set.minimumGroupSize} tableOpen />}
          {set.scope.kind !== 'PERSON' && (
            <p className="govuk-body">
              <Link className="govuk-link app-touch-link" href={EVIDENCE_PACKS_HREF}>
                Evidence packs
              </Link>
            </p>
          )}
        </>
      )}
    </>
  );
}
