/** The child's view in case discussions: per team, how often it was recorded, and the reasons given when not. */
import { api, type Schemas } from '../../api/client';
import { settle, useQuery } from '../../api/useQuery';
import { Loading, ProblemMessage } from '../../components/app/ProblemMessage';
import { Table } from '../../components/govuk';
import { formatDate } from '../../format';
import { periodRange, type PeriodDays } from './decisions';

type Counts = Schemas['ChildVoiceRecordedCounts'];
type ChildVoiceRecorded = Schemas['ChildVoiceRecorded'];

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "62% (8 of 13)": the share of signed discussions with the view recorded; a reason given never counts as recorded. */
export function viewShareText(row: Counts): string {
  if (row.signed === 0) return 'No discussions signed';
  const share = row.share ?? row.viewRecorded / row.signed;
  return `${Math.round(share * 100)}% (${row.viewRecorded} of ${row.signed})`;
}

/** The reasons given instead of a view, in words: "2 too young, 1 declined". */
function reasonsText(t: Counts): string {
  return [
    t.tooYoung > 0 && `${t.tooYoung} too young`,
    t.notSeenSinceLastDiscussion > 0 && `${t.notSeenSinceLastDiscussion} not seen since the last discussion`,
    t.declined > 0 && `${t.declined} declined`,
  ]
    .filter(Boolean)
    .join(', ');
}

/** One sentence that says what the table shows. */
export function childVoiceSummary(data: ChildVoiceRecorded): string {
  const t = data.total;
  if (t.signed === 0) return 'No case discussions were signed in this period.';
  const recorded = `The child’s view was recorded in ${t.viewRecorded} of the ${plural(t.signed, 'case discussion', 'case discussions')} signed (${viewShareText(t).split(' ')[0]})`;
  if (t.reasonGiven === 0) return `${recorded}.`;
  const reasons = reasonsText(t);
  return `${recorded}; in ${t.reasonGiven} a reason was given instead${reasons ? ` (${reasons})` : ''}.`;
}

const numeric = (n: number) => ({ content: n, numeric: true });

function cells(row: Counts) {
  return [
    numeric(row.signed),
    numeric(row.viewRecorded),
    numeric(row.tooYoung),
    numeric(row.notSeenSinceLastDiscussion),
    numeric(row.declined),
    { content: <strong>{viewShareText(row)}</strong>, numeric: true },
  ];
}

/** Shown under the decisions measure for the same period; hidden from those refused the figures. */
export function ChildVoiceFigures({ period }: { period: PeriodDays }) {
  const { from, to } = periodRange(period);
  const figures = useQuery(
    (signal) => settle(api.GET('/api/v1/dashboards/child-voice', { params: { query: { from, to } }, signal })),
    [from, to],
  );
  if (figures.state === 'error' && figures.problem.status === 403) return null;
  return (
    <section aria-labelledby="child-voice-heading" data-testid="child-voice">
      <h2 className="govuk-heading-m" id="child-voice-heading">
        The child’s view in case discussions
      </h2>
      <p className="govuk-body">
        This counts the case discussions signed in the period chosen above, by the team of the worker. A discussion where a reason was
        given instead of the child’s view is counted under its reason, never as recorded.
      </p>
      {figures.state === 'loading' && <Loading />}
      {figures.state === 'error' && <ProblemMessage problem={figures.problem} />}
      {figures.state === 'ok' && (
        <>
          <p className="govuk-body" data-testid="child-voice-summary">
            {childVoiceSummary(figures.data)}
          </p>
          {figures.data.teams.length > 0 && (
            <Table
              caption={`Signed between ${formatDate(figures.data.from, { weekday: false })} and ${formatDate(figures.data.to, { weekday: false })}`}
              captionSize="s"
              head={[
                { text: 'Team' },
                { text: 'Signed', numeric: true },
                { text: 'View recorded', numeric: true },
                { text: 'Reason given: too young', numeric: true },
                { text: 'Reason given: not seen since the last discussion', numeric: true },
                { text: 'Reason given: declined', numeric: true },
                { text: 'Share with the view recorded', numeric: true },
              ]}
              firstCellIsHeader
              stackOnSmallScreens
              rowKeys={[...figures.data.teams.map((r) => r.team.id), 'total']}
              rows={[
                ...figures.data.teams.map((row) => [row.team.name, ...cells(row)]),
                ...(figures.data.teams.length > 1 ? [['All teams', ...cells(figures.data.total)]] : []),
              ]}
            />
          )}
        </>
      )}
    </section>
  );
}
