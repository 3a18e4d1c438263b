import { useState } from 'react';
import { api, type Schemas } from '../../api/client';
import { settle, useQuery } from '../../api/useQuery';
import { Loading, ProblemMessage } from '../../components/app/ProblemMessage';
import { BackLink, Button, Checkbox, Select, Table, Tag } from '../../components/govuk';
import { formatDate } from '../../format';
import { Link, useNavigate, useSearchParams } from '../../router';
import { usePageTitle } from '../../usePageTitle';
import { KIND_TEXT, auditHref, auditStatusTag, currentQuarter, gradeText, quarterText, shiftQuarter } from './audits';

type Summary = Schemas['AuditSummary'];

function AuditTable({ caption, audits, testId }: { caption: string; audits: Summary[]; testId: string }) {
  if (audits.length === 0)
    return (
      <>
        <h2 className="govuk-heading-m">{caption}</h2>
        <p className="govuk-body" data-testid={testId}>
          None.
        </p>
      </>
    );
  return (
    <div data-testid={testId}>
      <Table
        caption={caption}
        head={[{ text: 'Team member audited' }, { text: 'Manager audited' }, { text: 'Team' }, { text: 'Auditor' }, { text: 'Date' }, { text: 'Status' }, { text: 'Grade' }]}
        firstCellIsHeader
        rowKeys={audits.map((a) => a.id)}
        rows={audits.map((a) => {
          const tag = auditStatusTag(a.status);
          return [
            <Link className="govuk-link" href={auditHref(a.id)}>
              {a.supervisee.displayName}
              {' '}<span className="govuk-visually-hidden">({KIND_TEXT[a.kind] ?? 'audit'})</span>
            </Link>,
            a.supervisor.displayName,
            a.team?.name ?? 'No team',
            a.auditor.displayName,
            formatDate(a.auditedOn, { weekday: false }),
            <Tag colour={tag.colour}>{tag.text}</Tag>,
            a.status === 'COMPLETED' ? gradeText(a.grade) : 'Not graded yet',
          ];
        })}
        stackOnSmallScreens
      />
    </div>
  );
}

/** Audits the caller may read: drafts first, then completed; only mine, and one quarter, as filters. */
export function AuditsListPage() {
  const params = useSearchParams();
  const navigate = useNavigate();
  const mine = params.get('mine') !== 'false';
  const quarter = params.get('quarter') ?? '';
  const [pages, setPages] = useState(1);
  usePageTitle('Audits');
  const state = useQuery(
    async (signal) => {
      const items: Summary[] = [];
      let cursor: string | undefined;
      for (let page = 0; page < pages; page++) {
        const got = await settle(
          api.GET('/api/v1/audits', { params: { query: { limit: 100, ...(mine ? { mine: true } : {}), ...(quarter ? { quarter } : {}), ...(cursor ? { cursor } : {}) } }, signal }),
        );
        if (got.state !== 'ok') return got;
        items.push(...got.data.items);
        cursor = got.data.nextCursor;
        if (!cursor) break;
      }
      return { state: 'ok' as const, data: { items, more: !!cursor } };
    },
    [mine, quarter, pages],
  );
  const now = currentQuarter();
  const quarters = [0, -1, -2, -3, -4].map((n) => shiftQuarter(now, n));
  const go = (next: { mine?: boolean; quarter?: string }) => {
    const m = next.mine ?? mine;
    const q = next.quarter ?? quarter;
    const search = new URLSearchParams();
    if (!m) search.set('mine', 'false');
    if (q) search.set('quarter', q);
    setPages(1);
    navigate(`/audits${search.toString() ? `?${search}` : ''}`, { replace: true });
  };

  return (
    <>
      <BackLink href="/" />
      <h1 className="govuk-heading-l">Audits</h1>
      <div className="govuk-grid-row app-filters">
        <div className="govuk-grid-column-one-half">
          <Select
            id="quarter"
            label="Quarter"
            value={quarter}
            onChange={(e) => go({ quarter: e.target.value })}
            options={[{ value: '', text: 'All quarters' }, ...quarters.map((q) => ({ value: q, text: quarterText(q) }))]}
          />
        </div>
        <div className="govuk-grid-column-one-half">
          <Checkbox id="mine" label="Only audits I wrote" checked={mine} onChange={(e) => go({ mine: e.target.checked })} />
        </div>
      </div>
      {state.state === 'loading' && <Loading />}
      {state.state === 'error' && <ProblemMessage problem={state.problem} />}
      {state.state === 'ok' && (
        <>
          <AuditTable caption="In draft" testId="drafts" audits={state.data.items.filter((a) => a.status === 'DRAFT')} />
          <AuditTable caption="Completed" testId="completed" audits={state.data.items.filter((a) => a.status === 'COMPLETED')} />
          {state.data.more && (
            <Button type="button" variant="secondary" onClick={() => setPages((n) => n + 1)}>
              Show more audits
            </Button>
          )}
        </>
      )}
    </>
  );
}
