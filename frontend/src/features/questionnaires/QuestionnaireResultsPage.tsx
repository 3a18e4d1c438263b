import { useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import { settle, useQuery } from '../../api/useQuery';
import { Loading, ProblemMessage } from '../../components/app/ProblemMessage';
import { Button, Select, Table } from '../../components/govuk';
import { useNavigate, useSearchParams } from '../../router';
import { usePageTitle } from '../../usePageTitle';
import {
  DISTRIBUTION,
  LEVELS,
  LEVEL_TEXT,
  endedQuarters,
  parseQuarter,
  previousQuarter,
  quarterEnded,
  quarterKey,
  quarterOf,
  quarterWords,
  suppressedText,
  type Quarter,
  type QuestionnaireResults,
  type ResultGroup,
  type StatementDistribution,
} from './questionnaires';
import './questionnaires.css';

const SEGMENT_CLASS: Record<string, string> = {
  veryGood: 'app-answer--very-good',
  good: 'app-answer--good',
  satisfactory: 'app-answer--satisfactory',
  poor: 'app-answer--poor',
  veryPoor: 'app-answer--very-poor',
};

const total = (d: StatementDistribution) => DISTRIBUTION.reduce((sum, { field }) => sum + d[field], 0);
const percent = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part * 100) / whole));

/** One sentence for one statement: how many rated it well, and how many poorly. */
export function summarySentence(d: StatementDistribution): string {
  const all = total(d);
  if (all === 0) return 'Nobody answered this statement.';
  const well = d.veryGood + d.good;
  const poorly = d.poor + d.veryPoor;
  return `${well} of ${all} (${percent(well, all)}%) rated this Good or Very good, and ${poorly} (${percent(poorly, all)}%) Poor or Very poor.`;
}

function AnswerBar({ distribution }: { distribution: StatementDistribution }) {
  const all = total(distribution);
  const words = DISTRIBUTION.map(({ field, text }) => `${text} ${distribution[field]}`).join(', ');
  return (
    <div className="app-answer-bar" role="img" aria-label={`Answers: ${words}`}>
      {DISTRIBUTION.map(({ field }) =>
        distribution[field] > 0 ? (
          <span key={field} className={`app-answer-bar__segment ${SEGMENT_CLASS[field]}`} style={{ width: `${(distribution[field] * 100) / all}%` }} />
        ) : null,
      )}
    </div>
  );
}

function Legend() {
  return (
    <ul className="app-answer-legend govuk-body-s" aria-label="Colours of the bars">
      {DISTRIBUTION.map(({ field, text }) => (
        <li key={field}>
          <span className={`app-answer-legend__swatch ${SEGMENT_CLASS[field]}`} aria-hidden="true" />
          {text}
        </li>
      ))}
    </ul>
  );
}

function Group({ group, results, headingId }: { group: ResultGroup; results: QuestionnaireResults; headingId: string }) {
  return (
    <section className="app-result-group" aria-labelledby={headingId} data-testid="result-group">
      <span className="govuk-caption-m">{LEVEL_TEXT[group.level].one}</span>
      <h3 className="govuk-heading-m" id={headingId}>
        {group.name}
      </h3>
      {group.suppressed ? (
        <p className="govuk-body" data-testid="suppressed">
          {suppressedText(group, results.minimumGroupSize)}
        </p>
      ) : (
        <>
          <p className="govuk-body" data-testid="respondents">
            {group.respondents} answered
          </p>
          {results.statements.map((statement) => {
            const d = group.statements.find((s) => s.key === statement.key);
            if (!d) return null;
            return (
              <div className="app-result-statement" key={statement.key}>
                <h4 className="govuk-heading-s govuk-!-margin-bottom-1">
                  {statement.number}. {statement.label}
                </h4>
                <AnswerBar distribution={d} />
                <p className="govuk-body-s">{summarySentence(d)}</p>
              </div>
            );
          })}
          <details className="govuk-details">
            <summary className="govuk-details__summary">
              <span className="govuk-details__summary-text">
                The figures for {group.name}
              </span>
            </summary>
            <div className="govuk-details__text">
              <Table
                caption={`Answers per statement: ${group.name}`}
                head={[{ text: 'Statement' }, ...DISTRIBUTION.map(({ text }) => ({ text, numeric: true }))]}
                firstCellIsHeader
                rowKeys={results.statements.map((s) => s.key)}
                rows={results.statements.map((statement) => {
                  const d = group.statements.find((s) => s.key === statement.key);
                  return [`${statement.number}. ${statement.label}`, ...DISTRIBUTION.map(({ field }) => ({ content: d ? String(d[field]) : '', numeric: true }))];
                })}
              />
            </div>
          </details>
        </>
      )}
    </section>
  );
}

function Results({ quarter }: { quarter: Quarter }) {
  const key = quarterKey(quarter);
  const state = useQuery((signal) => settle(api.GET('/api/v1/questionnaire-results', { params: { query: { quarter: key } }, signal })), [key]);
  if (state.state === 'loading') return <Loading />;
  if (state.state === 'error') return <ProblemMessage problem={state.problem} />;
  const results = state.data;
  if (results.groups.length === 0) {
    return (
      <p className="govuk-body" data-testid="no-results">
        Nobody answered the Part 2 questionnaire in {quarterWords(quarter)}, or there are no groups you can see.
      </p>
    );
  }
  return (
    <>
      <p className="govuk-body">
        A group is shown only when at least {results.minimumGroupSize} people in it answered, and never when its figures could be
        worked out from other groups. Nobody’s own answers can be seen here.
      </p>
      {results.groups.some((g) => !g.suppressed) && <Legend />}
      {LEVELS.map((level) => {
        const groups = results.groups.filter((g) => g.level === level);
        if (groups.length === 0) return null;
        return (
          <section key={level} aria-labelledby={`level-${level}`}>
            <h2 className="govuk-heading-l" id={`level-${level}`}>
              {LEVEL_TEXT[level].many}
            </h2>
            {groups.map((group, index) => (
              <Group key={`${group.id ?? 'all'}-${index}`} group={group} results={results} headingId={`group-${level}-${index}`} />
            ))}
          </section>
        );
      })}
    </>
  );
}

/** Part 2 answers per directorate, service, team and supervisor's team for an ended quarter: aggregates only. */
export function QuestionnaireResultsPage() {
  usePageTitle('Part 2 questionnaire results');
  const params = useSearchParams();
  const navigate = useNavigate();
  const asked = parseQuarter(params.get('quarter'));
  const quarter = asked ?? previousQuarter(quarterOf());
  const ended = quarterEnded(quarter);
  const options = endedQuarters(8);
  const [chosen, setChosen] = useState(ended ? quarterKey(quarter) : quarterKey(options[0] as Quarter));

  const choose = (event: FormEvent) => {
    event.preventDefault();
    navigate(`/questionnaire-results?quarter=${encodeURIComponent(chosen)}`);
  };

  return (
    <>
      <span className="govuk-caption-l">{quarterWords(quarter)}</span>
      <h1 className="govuk-heading-xl">Part 2 questionnaire results</h1>
      <form noValidate onSubmit={choose} className="govuk-!-margin-bottom-6" data-testid="quarter-picker">
        <Select
          id="quarter"
          label="Quarter"
          hint="Results are shown once the quarter has ended"
          options={options.map((q) => ({ value: quarterKey(q), text: quarterWords(q) }))}
          value={chosen}
          onChange={(e) => setChosen(e.target.value)}
        />
        <Button type="submit" variant="secondary">
          Show results
        </Button>
      </form>
      {ended ? (
        <Results quarter={quarter} />
      ) : (
        <div className="govuk-inset-text" data-testid="not-ended">
          Results are shown once the quarter has ended. {quarterWords(quarter)} has not ended yet: choose an earlier quarter.
        </div>
      )}
    </>
  );
}
