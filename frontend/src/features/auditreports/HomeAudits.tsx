/**
 * The home page's audit card for service managers and heads of service: the audit due from them (the month's, or
 * the quarter's per service manager) with the suggested file, and for heads of service the quarterly reports
 * waiting for their sign-off.
 */
import { useState } from 'react';
import { api, type Problem } from '../../api/client';
import { settle, useQuery } from '../../api/useQuery';
import { Button, Tag } from '../../components/govuk';
import { formatDate } from '../../format';
import { Link, useNavigate } from '../../router';
import { useMe } from '../auth/AuthContext';
import { call, newIdempotencyKey } from '../agreements/agreements';
import {
  AUDIT_DUE_TEXT,
  MANAGER_KINDS,
  auditHref,
  previousQuarter,
  quarterText,
  reportHref,
  reportsHref,
  type AuditScheduleItem,
} from './auditReports';

function startProblemText(problem: Problem): string {
  if (problem.status === 0) return 'You are offline. Start the audit when you are back online.';
  if (problem.status === 403) return 'You cannot start an audit of this file.';
  return problem.errors?.[0]?.message ?? problem.detail ?? problem.title;
}

/** The suggested file in words: "Suggested: Sam Okafor, Team A". */
function suggestedText(item: AuditScheduleItem): string | null {
  if (!item.suggestedSupervisee) return null;
  return `Suggested: ${item.suggestedSupervisee.displayName}${item.suggestedTeam ? `, ${item.suggestedTeam.name}` : ''}`;
}

function DueItem({ item, title }: { item: AuditScheduleItem; title: string }) {
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const status = AUDIT_DUE_TEXT[item.status];
  const suggested = suggestedText(item);
  const who = item.serviceManager ? <span className="govuk-visually-hidden"> for {item.serviceManager.displayName}</span> : null;

  const start = async () => {
    if (busy || !item.suggestedSupervisee) return;
    setBusy(true);
    setError(null);
    const result = await call(
      api.POST('/api/v1/audits', {
        params: { header: { 'Idempotency-Key': newIdempotencyKey() } },
        body: { superviseeId: item.suggestedSupervisee.id, kind: item.kind },
      }),
    );
    setBusy(false);
    if (!result.ok) return setError(startProblemText(result.problem));
    navigate(auditHref(result.data.id));
  };

  return (
    <div className="app-audit-due" data-testid="audit-due-item">
      <p className="govuk-body govuk-!-margin-bottom-1">
        <strong>{title}</strong>: due by {formatDate(item.dueBy)} <Tag colour={status.colour}>{status.text}</Tag>
      </p>
      {suggested && <p className="govuk-body govuk-!-margin-bottom-2">{suggested}</p>}
      {error && (
        <p className="govuk-error-message" role="alert">
          <span className="govuk-visually-hidden">Error:</span> {error}
        </p>
      )}
      {item.auditId ? (
        <Button href={auditHref(item.auditId)} variant={item.status === 'DONE' ? 'secondary' : 'primary'}>
          {item.status === 'DONE' ? 'View this audit' : 'Continue'}
          {who && ' '}
          {who}
        </Button>
      ) : item.suggestedSupervisee ? (
        <Button type="button" onClick={() => void start()} disabled={busy} preventDoubleClick>
          Start this audit{who && ' '}
          {who}
        </Button>
      ) : (
        <p className="govuk-body">No file can be suggested yet: none of the teams has anyone to audit.</p>
      )}
    </div>
  );
}

function AuditsDue() {
  const schedule = useQuery((signal) => settle(api.GET('/api/v1/audit-schedule', { signal })), []);
  if (schedule.state === 'loading') return null;
  if (schedule.state === 'error') {
    if (schedule.problem.status === 403) return null;
    return (
      <section aria-labelledby="audits-due-heading" data-testid="audits-due">
        <h2 className="govuk-heading-m" id="audits-due-heading">
          Audits due
        </h2>
        <p className="govuk-body">Your audits due cannot be shown at the moment.</p>
      </section>
    );
  }
  const items = schedule.data.items.filter((item) => MANAGER_KINDS.includes(item.kind));
  if (items.length === 0) return null;
  const monthly = items.filter((item) => item.kind === 'SERVICE_MANAGER_MONTHLY');
  const quarterly = items.filter((item) => item.kind === 'HEAD_OF_SERVICE_QUARTERLY');
  const periods = [...new Set(quarterly.map((item) => item.periodLabel))];
  return (
    <section aria-labelledby="audits-due-heading" data-testid="audits-due">
      <h2 className="govuk-heading-m" id="audits-due-heading">
        Audits due
      </h2>
      {monthly.map((item) => (
        <DueItem key={`${item.kind}-${item.period}-${item.service?.id ?? ''}`} item={item} title={`Your audit for ${item.periodLabel}`} />
      ))}
      {periods.map((period) => (
        <div key={period} data-testid="quarterly-audits">
          <h3 className="govuk-heading-s">Your audits for {period}, one for each service manager</h3>
          {quarterly
            .filter((item) => item.periodLabel === period)
            .map((item) => (
              <DueItem
                key={`${item.kind}-${item.period}-${item.serviceManager?.id ?? ''}`}
                item={item}
                title={
                  item.serviceManager
                    ? `${item.serviceManager.displayName}${item.service ? `, ${item.service.name}` : ''}`
                    : `Your audit for ${item.periodLabel}`
                }
              />
            ))}
        </div>
      ))}
    </section>
  );
}

function ReportsToSignOff() {
  const quarter = previousQuarter();
  const reports = useQuery((signal) => settle(api.GET('/api/v1/audit-reports', { params: { query: { quarter } }, signal })), [quarter]);
  if (reports.state === 'loading') return null;
  if (reports.state === 'error' && reports.problem.status === 403) return null;
  const waiting =
    reports.state === 'ok' ? reports.data.items.filter((r) => r.maySignOff && r.status === 'DRAFT' && r.auditsCompleted > 0) : [];
  return (
    <section aria-labelledby="reports-to-sign-off-heading" data-testid="reports-to-sign-off">
      <h2 className="govuk-heading-m" id="reports-to-sign-off-heading">
        Reports to sign off{waiting.length > 0 ? `: ${waiting.length}` : ''}
      </h2>
      {reports.state === 'error' && <p className="govuk-body">The reports cannot be shown at the moment.</p>}
      {reports.state === 'ok' && waiting.length === 0 && (
        <p className="govuk-body">No quarterly audit report for {quarterText(quarter)} is waiting for your sign-off.</p>
      )}
      {waiting.length > 0 && (
        <ul className="govuk-list">
          {waiting.map((r) => (
            <li key={r.service.id}>
              <Link className="govuk-link app-touch-link" href={reportHref(r.service.id, r.quarter)}>
                {r.service.name}: audit report for {quarterText(r.quarter)}
              </Link>
              <span className="govuk-body-s app-block app-secondary">
                {r.auditsCompleted === 1 ? '1 audit completed' : `${r.auditsCompleted} audits completed`}
              </span>
            </li>
          ))}
        </ul>
      )}
      <p className="govuk-body">
        <Link className="govuk-link app-touch-link" href={reportsHref(quarter)}>
          All quarterly audit reports
        </Link>
      </p>
    </section>
  );
}

/** Nothing for those who neither manage a service nor head one. */
export function HomeAudits() {
  const me = useMe();
  if (!me) return null;
  const manager = me.roles.includes('SERVICE_MANAGER');
  const head = me.roles.includes('HEAD_OF_SERVICE');
  if (!manager && !head) return null;
  return (
    <>
      <AuditsDue />
      {head ? (
        <ReportsToSignOff />
      ) : (
        <p className="govuk-body">
          <Link className="govuk-link app-touch-link" href={reportsHref(previousQuarter())}>
            Quarterly audit reports
          </Link>
        </p>
      )}
    </>
  );
}
