/**
 * The administrator's home (UX.md): the team tree and the staff directory, the organisation's policy and its
 * settings, and the machine clients with what each may do. Settings only; no record content.
 */
import { api, type Schemas } from '../../api/client';
import { settle, useQuery } from '../../api/useQuery';
import { SummaryList, Table, Tag } from '../../components/govuk';
import { formatDate } from '../../format';
import { Link } from '../../router';
import { periodText as intervalText } from '../agreements/agreements';
import { SkeletonLines } from '../home/Skeleton';
import { MeasureProblem } from './MeasureProblem';

const SCOPE_TEXT: Record<Schemas['Scope'], string> = {
  'staff.read': 'Read staff, teams and supervision relations',
  'staff.write': 'Create and update staff, moves and leavers',
  'compliance.read': 'Read per-person compliance',
  'children:write': 'Add children and reallocate them',
  'case-decisions:read': 'Read signed decisions and acknowledge filing them',
  'measures:read': 'Read the supervision measures (small groups suppressed)',
};

function Policy() {
  const state = useQuery((signal) => settle(api.GET('/api/v1/organisation/policy', { signal })), []);
  return (
    <section aria-labelledby="admin-policy-heading" data-testid="admin-policy">
      <h2 className="govuk-heading-m" id="admin-policy-heading">
        The organisation’s policy
      </h2>
      {state.state === 'loading' && <SkeletonLines lines={3} />}
      {state.state === 'error' && <MeasureProblem problem={state.problem} what="The policy" />}
      {state.state === 'ok' && (
        <SummaryList
          rows={[
            { key: 'Policy profile', value: state.data.profile.name },
            { key: 'Usual time between sessions', value: intervalText(state.data.effectiveRules.normalInterval) },
            { key: 'Longest time allowed between sessions', value: intervalText(state.data.effectiveRules.longestInterval) },
            { key: 'Shortest session', value: `${state.data.effectiveRules.minimumSessionMinutes} minutes` },
            { key: 'Smallest group shown in published figures', value: `${state.data.effectiveRules.suppressionMinimum} people` },
            { key: 'Agreement text', value: state.data.agreementTemplate.title },
            { key: 'Last changed', value: formatDate(state.data.updatedAt.slice(0, 10)) },
          ]}
        />
      )}
    </section>
  );
}

function MachineClients() {
  const state = useQuery((signal) => settle(api.GET('/api/v1/machine-clients', { params: { query: { limit: 200 } }, signal })), []);
  return (
    <section aria-labelledby="admin-clients-heading" data-testid="admin-clients">
      <h2 className="govuk-heading-m" id="admin-clients-heading">
        Machine clients
      </h2>
      {state.state === 'loading' && <SkeletonLines lines={2} />}
      {state.state === 'error' && <MeasureProblem problem={state.problem} what="The machine clients" />}
      {state.state === 'ok' &&
        (state.data.items.length === 0 ? (
          <p className="govuk-body">No machine client is registered.</p>
        ) : (
          <Table
            caption="Systems that use the API and what each may do"
            captionSize="s"
            head={[{ text: 'Name' }, { text: 'May' }, { text: 'Status' }, { text: 'Registered' }]}
            firstCellIsHeader
            rowKeys={state.data.items.map((c) => c.id)}
            rows={state.data.items.map((c) => [
              c.name,
              <ul className="govuk-list govuk-!-margin-bottom-0">
                {c.scopes.map((s) => (
                  <li key={s}>{SCOPE_TEXT[s] ?? s}</li>
                ))}
              </ul>,
              c.enabled ? <Tag colour="green">Active</Tag> : <Tag colour="grey">Disabled</Tag>,
              formatDate(c.createdAt.slice(0, 10), { weekday: false }),
            ])}
            stackOnSmallScreens
          />
        ))}
    </section>
  );
}

export function AdminSection() {
  return (
    <>
      <section aria-labelledby="admin-organisation-heading" data-testid="admin-home">
        <h2 className="govuk-heading-m" id="admin-organisation-heading">
          Organisation
        </h2>
        <ul className="govuk-list">
          <li>
            <Link className="govuk-link app-touch-link" href="/teams">
              Services and teams
            </Link>
          </li>
          <li>
            <Link className="govuk-link app-touch-link" href="/staff">
              Staff and their accounts
            </Link>
          </li>
        </ul>
      </section>
      <Policy />
      <MachineClients />
    </>
  );
}
